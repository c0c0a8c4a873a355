import { EntityManager } from 'typeorm';
import { Account } from '@anslag/auth';
import { GrantCase, Organisation, RegionSetting } from '@anslag/cases';
import { stockholmDate } from '@anslag/common';
import { formatKronor } from '@anslag/money';
import { Payment } from '../entities/payment.entity';
import { PaymentRequest } from '../entities/payment-request.entity';
import { PaymentVoucher } from '../entities/payment-voucher.entity';
import { Recovery } from '../entities/recovery.entity';
import { paymentSettings } from '../payment-settings.service';
import type { PaymentLetterModel, PaymentLetterSection } from './render-payment-letter';

const kr = (n: number) => formatKronor(n, { space: ' ' });

interface RegionFacts {
  name: string;
  nameGenitive?: string;
  postalAddress?: { lines?: string[]; postalCode?: string; postalTown?: string };
  organisation?: { administration?: string };
  letterhead?: { tjanstestalle?: string; signatureLine?: string };
}

async function header(em: EntityManager, caseId: string) {
  const c = await em.findOneOrFail(GrantCase, { where: { id: caseId } });
  const org = await em.findOneOrFail(Organisation, { where: { id: c.organisationId } });
  const row = await em.findOne(RegionSetting, { where: { key: 'region' } });
  const r = (row?.value ?? { name: '' }) as RegionFacts;
  const pa = r.postalAddress ?? {};
  return {
    c,
    org,
    region: {
      name: r.name,
      nameGenitive: r.nameGenitive ?? `${r.name}s`,
      addressLines: [...(pa.lines ?? []), [pa.postalCode, pa.postalTown].filter(Boolean).join(' ')].filter(
        Boolean,
      ),
      office: r.letterhead?.tjanstestalle ?? r.organisation?.administration ?? '',
      signatureLine: r.letterhead?.signatureLine ?? `För ${r.name}`,
    },
    addressee: { name: org.name, lines: [org.streetAddress, `${org.postalCode} ${org.city}`] },
  };
}

async function signer(em: EntityManager, id: string | null, name: string | null) {
  const a = id ? await em.findOne(Account, { where: { id } }) : null;
  return { name: name ?? a?.displayName ?? '', title: a?.title ?? null };
}

interface LegalBases {
  appealTexts: Record<string, string>;
  bases: Record<string, { appeal?: { route: string; provision: string } }>;
}

/**
 * How the decision may be appealed: the route of the grant's legal basis (the same data the decision
 * letters use), else the region's text for payment decisions, else nothing.
 */
async function appeal(
  em: EntityManager,
  decisionId: string,
  h: Awaited<ReturnType<typeof header>>,
): Promise<PaymentLetterSection[]> {
  const [d] = await em.query(`SELECT legal_basis FROM decision WHERE id = $1`, [decisionId]);
  const row = await em.findOne(RegionSetting, { where: { key: 'legalBases' } });
  const lb = row?.value as LegalBases | undefined;
  const codes = ((d?.legal_basis ?? []) as { code: string }[]).map((b) => b.code);
  const route = codes.map((c) => lb?.bases[c]?.appeal).find((x) => x?.route);
  const routed = route ? lb?.appealTexts[route.route] : undefined;
  const values: Record<string, string> = {
    overklagandeBestammelse: route?.provision ?? '',
    regionNamn: h.region.name,
    regionNamnGenitiv: h.region.nameGenitive,
    tjanstestalle: h.region.office,
    beteckning: h.c.diarienummer ?? '',
  };
  const fill = (t: string) => t.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => values[k] ?? '');
  const text = routed ?? (await paymentSettings(em)).appeal?.text;
  return text ? [{ heading: 'Hur man överklagar', paragraphs: fill(text).split(/\n\s*\n/) }] : [];
}

/** The letter of a payment or an advance, from what was stored when it was authorised. */
export async function paymentLetterModel(em: EntityManager, paymentId: string): Promise<PaymentLetterModel> {
  const p = await em.findOneOrFail(Payment, { where: { id: paymentId } });
  const h = await header(em, p.caseId);
  const settings = await paymentSettings(em);
  const date = stockholmDate(p.authorisedAt ?? new Date());
  const what = `${h.c.title} (${h.c.diarienummer ?? ''})`;
  const sections: PaymentLetterSection[] = [];
  let title: string;
  if (p.kind === 'forskott') {
    title = 'Beslut om förskott';
    sections.push({
      heading: 'Beslut',
      paragraphs: [`${h.region.name} betalar ut ${kr(p.net)} i förskott till ${h.org.name} för ${what}.`],
    });
    sections.push({ heading: 'Särskilda skäl', paragraphs: [p.specialReasons ?? ''] });
    sections.push({
      heading: 'Så räknas förskottet av',
      paragraphs: [
        'Förskottet räknas av från kommande utbetalningar enligt planen nedan. Det som återstår räknas av vid slututbetalningen.',
      ],
      table: {
        columns: ['Utbetalningsansökan', 'Avräknas'],
        rows: (p.offsetPlan ?? []).map((s) => [`Nr ${s.seq}`, kr(s.amount)]),
        rightAligned: [1],
      },
    });
  } else {
    const r = await em.findOneOrFail(PaymentRequest, { where: { id: p.requestId! } });
    const vouchers = await em.find(PaymentVoucher, { where: { requestId: r.id }, order: { lineNo: 'ASC' } });
    const final = r.kind === 'slutrapport';
    title = final ? 'Beslut om slututbetalning' : 'Beslut om delutbetalning';
    const lines = [
      `${h.region.name} betalar ut ${kr(p.net)} till ${h.org.name} för ${what}, utbetalningsansökan nr ${r.seq} för perioden ${r.periodFrom} – ${r.periodTo}.`,
    ];
    if (p.advanceOffset > 0)
      lines.push(`Av det godkända beloppet ${kr(p.gross)} räknas ${kr(p.advanceOffset)} av mot förskottet.`);
    if (p.recoveryOffset > 0) lines.push(`${kr(p.recoveryOffset)} kvittas mot ert återkrav.`);
    if (final && r.finalReportApproved)
      lines.push('Slutrapporten är godkänd. Detta är den sista utbetalningen, och ärendet avslutas.');
    sections.push({ heading: 'Beslut', paragraphs: lines });
    const booked = vouchers.reduce((s, v) => s + v.amountExVat, 0);
    const label = new Map(settings.deductionReasons.map((d) => [d.code, d.label]));
    sections.push({
      heading: 'Granskade kostnader',
      paragraphs: [
        `Ni har redovisat kostnader på ${kr(booked)} utan moms. Av dem har ${kr(r.approvedCosts ?? 0)} godkänts.`,
      ],
      table: {
        columns: ['Verifikation', 'Leverantör', 'Redovisat', 'Godkänt', 'Kommentar'],
        rows: vouchers.map((v) => [
          v.voucherNumber,
          v.supplier,
          kr(v.amountExVat),
          kr(v.approvedAmount ?? 0),
          v.verdict === 'avdragen'
            ? [label.get(v.deductionReason ?? '') ?? v.deductionReason, v.deductionText]
                .filter(Boolean)
                .join(': ')
            : v.verdict === 'flyttad'
              ? 'Prövas i en senare utbetalningsansökan'
              : '',
        ]),
        rightAligned: [2, 3],
      },
    });
    if (r.calculation)
      sections.push({
        heading: 'Så har beloppet räknats fram',
        paragraphs: ['Beloppet räknas på allt som har godkänts och betalats hittills i projektet.'],
        table: {
          columns: ['Beräkning', 'Belopp'],
          rows: r.calculation.terms.map((t) => [t.reason, kr(t.amount)]),
          rightAligned: [1],
        },
      });
  }
  sections.push(...(await appeal(em, p.decisionId, h)));
  return {
    region: h.region,
    date,
    reference: h.c.diarienummer ?? '',
    addressee: h.addressee,
    title,
    sections,
    signer: await signer(em, p.authorisedBy, p.authorisedByName),
  };
}

/** The letter of a decided recovery (återkrav). */
export async function recoveryLetterModel(
  em: EntityManager,
  recoveryId: string,
): Promise<PaymentLetterModel> {
  const r = await em.findOneOrFail(Recovery, { where: { id: recoveryId } });
  const h = await header(em, r.caseId);
  const settings = await paymentSettings(em);
  const grounds = settings.recoveryGrounds.find((g) => g.code === r.groundsCode);
  const total = r.amount + r.interest;
  const sections: PaymentLetterSection[] = [
    {
      heading: 'Beslut',
      paragraphs: [
        `${h.org.name} ska betala tillbaka ${kr(r.amount)} av stödet till ${h.c.title} (${h.c.diarienummer ?? ''}), med ränta ${kr(r.interest)}: sammanlagt ${kr(total)}.`,
      ],
    },
    {
      heading: 'Skäl för beslutet',
      paragraphs: [
        `${grounds?.label ?? r.groundsCode}${grounds?.source ? ` (${grounds.source})` : ''}.`,
        r.groundsText,
      ],
    },
    {
      heading: 'Ränta',
      paragraphs: settings.recoveryInterest.source ? [settings.recoveryInterest.source] : [],
      table: {
        columns: ['Från', 'Till', 'Dagar', 'Räntesats', 'Ränta'],
        rows: r.interestLines.map((l) => [
          l.from,
          l.to,
          String(l.days),
          `${(l.rateBp / 100).toFixed(2).replace('.', ',')} %`,
          kr(l.amount),
        ]),
        rightAligned: [2, 3, 4],
      },
    },
    {
      heading: 'Så betalar ni',
      paragraphs: [
        r.settlement === 'kvittning'
          ? 'Beloppet räknas av från nästa utbetalning av stödet.'
          : 'Ni får en faktura på beloppet. Betala senast det datum som står på fakturan.',
      ],
    },
    ...(await appeal(em, r.decisionId, h)),
  ];
  return {
    region: h.region,
    date: r.decisionDate ?? stockholmDate(new Date()),
    reference: h.c.diarienummer ?? '',
    addressee: h.addressee,
    title: 'Beslut om återkrav',
    sections,
    signer: await signer(em, r.decidedBy, r.decidedByName),
  };
}
