import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  BudgetLine,
  CatalogueService,
  DeMinimisDeclaration,
  GrantCase,
  summariseBudget,
} from '@anslag/cases';
import { stockholmDate } from '@anslag/common';
import type { EarlierGrant, EvaluationInput, RusCatalogue, ServiceAreaFact } from '@anslag/rules';

interface LedgerRow {
  organisation_id: string;
  organisationsnummer: string | null;
  organisation_name: string;
  case_id: string;
  granted_on: string;
  amount_eur: number;
  regime: string;
}
/** One member of an organisation's single undertaking, found from either side of a link. */
interface LinkRow {
  organisation_id: string;
  linked_number: string;
  linked_name: string;
  linked_id: string | null;
}
interface GrantRow {
  organisation_id: string;
  organisationsnummer: string | null;
  case_id: string;
  aid_form: string;
  decision_date: string;
  amount: string;
  diarienummer: string | null;
}

interface ServiceProgramme {
  title: string;
  areas: { name: string; postalCodes: string[] }[];
}

const postal = (code: string) => code.replace(/\s/g, '');

/**
 * Whether a site lies where service is sparse (2000:284 § 5): an officer's attestation when there is
 * one, else the region's service programme by postal code, else unknown.
 */
function serviceAreaOf(c: GrantCase, programme: ServiceProgramme | null): ServiceAreaFact | null {
  const att = c.serviceAreaAttestation;
  if (att) return { eligible: att.eligible, basis: 'attested', area: att.area, attestedBy: att.attestedBy };
  if (!programme || !c.organisation) return null;
  const code = postal(c.organisation.postalCode);
  const area = programme.areas.find((a) => a.postalCodes.some((p) => postal(p) === code));
  return {
    eligible: !!area,
    basis: 'programme',
    area: area?.name ?? `postnummer ${c.organisation.postalCode}`,
  };
}

/** RUS areas may be stored by code or by name (imported cases); the rules speak codes. */
function areaCodes(areas: string[], rus: RusCatalogue | undefined): string[] {
  if (!rus) return areas;
  return areas.map((a) => rus.areas.find((x) => x.code === a || x.name === a)?.code ?? a);
}

/**
 * Builds the rules library's input from stored cases, in bulk: a handful of queries however many cases,
 * so that the what-if over every open case stays fast.
 */
@Injectable()
export class EvaluationInputService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalogue: CatalogueService,
  ) {}

  async build(
    cases: GrantCase[],
    rus: RusCatalogue | undefined,
    em: EntityManager = this.db.manager,
  ): Promise<Map<string, EvaluationInput>> {
    const out = new Map<string, EvaluationInput>();
    if (cases.length === 0) return out;
    const ids = cases.map((c) => c.id);
    const orgIds = [...new Set(cases.map((c) => c.organisationId))];
    // Caps and the de minimis ledger follow the legal person: earlier decisions count for an organisation
    // when they were taken for its row or for its organisationsnummer, whatever row holds it now.
    const orgnrs = [
      ...new Set(cases.map((c) => c.organisation?.organisationsnummer).filter((n): n is string => !!n)),
    ];
    // One after another: `em` may be a transaction, and a connection runs one query at a time.
    const lines = await em
      .createQueryBuilder(BudgetLine, 'b')
      .where('b.case_id = ANY(:ids)', { ids })
      .orderBy('b.position')
      .getMany();
    const declarations = await em
      .createQueryBuilder(DeMinimisDeclaration, 'd')
      .where('d.case_id = ANY(:ids)', { ids })
      .getMany();
    // The single undertaking (1407/2013 art. 2.2): the organisations linked to each applicant, whichever
    // side recorded the link. Their de minimis aid from the region counts in the applicant's room.
    const links = (await em.query(
      `SELECT l.organisation_id, l.linked_organisationsnummer AS linked_number, l.linked_name, o2.id AS linked_id
         FROM organisation_link l LEFT JOIN organisation o2 ON o2.organisationsnummer = l.linked_organisationsnummer
        WHERE l.organisation_id = ANY($1)
       UNION
       SELECT o.id, owner.organisationsnummer, owner.name, owner.id
         FROM organisation_link l
         JOIN organisation o ON o.organisationsnummer = l.linked_organisationsnummer
         JOIN organisation owner ON owner.id = l.organisation_id
        WHERE o.id = ANY($1)`,
      [orgIds],
    )) as LinkRow[];
    const groupIds = [...new Set([...orgIds, ...links.flatMap((l) => (l.linked_id ? [l.linked_id] : []))])];
    const groupNrs = [...new Set([...orgnrs, ...links.map((l) => l.linked_number)])];
    // The ledger of every member, by row or by legal person (the number in the decision's snapshot).
    const ledger = (await em.query(
      `SELECT l.organisation_id, d.snapshot ->> 'organisationsnummer' AS organisationsnummer,
              o.name AS organisation_name, d.case_id, l.granted_on::text,
              l.amount_eur - l.recovered_eur AS amount_eur, l.regime
         FROM de_minimis_ledger l
         JOIN decision d ON d.id = l.decision_id
         JOIN organisation o ON o.id = l.organisation_id
        WHERE l.organisation_id = ANY($1) OR d.snapshot ->> 'organisationsnummer' = ANY($2)`,
      [groupIds, groupNrs],
    )) as LedgerRow[];
    const grants = (await em.query(
      // The effective decision of each chain: a change decision replaces the one it amends.
      `SELECT * FROM (
           SELECT DISTINCT ON (COALESCE(d.amends_decision_id, d.id))
                  c.organisation_id, d.snapshot ->> 'organisationsnummer' AS organisationsnummer,
                  d.case_id, d.aid_form, d.decision_date::text,
                  -- what was recovered (återkrav) is not aid kept
                  (d.amount - COALESCE((SELECT SUM(r.amount) FROM recovery r
                     WHERE r.decision_id = COALESCE(d.amends_decision_id, d.id) AND r.status <> 'utkast'), 0))::text AS amount,
                  c.diarienummer, d.outcome
           FROM decision d JOIN grant_case c ON c.id = d.case_id
           WHERE d.status = 'signerat' AND d.aid_form IS NOT NULL
             AND (c.organisation_id = ANY($1) OR d.snapshot ->> 'organisationsnummer' = ANY($2))
           ORDER BY COALESCE(d.amends_decision_id, d.id), d.signed_at DESC
         ) effective WHERE outcome <> 'avslag'`,
      [orgIds, orgnrs],
    )) as GrantRow[];
    const kommuner = new Map<string, string>(
      ((await em.query('SELECT code, name FROM municipality')) as { code: string; name: string }[]).map(
        (m) => [m.code, m.name],
      ),
    );
    const cat = await this.catalogue.load(em);
    const [region] = (await em.query(
      `SELECT value->'serviceProgramme' AS programme FROM region_setting WHERE key = 'region'`,
    )) as { programme: ServiceProgramme | null }[];
    const programme = region?.programme ?? null;
    const group = <T, K>(rows: T[], key: (r: T) => K) => {
      const m = new Map<K, T[]>();
      for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
      return m;
    };
    const linesBy = group(lines, (l) => l.caseId);
    const declBy = group(declarations, (d) => d.caseId);
    /** The rows that belong to the legal person of a case's organisation. */
    const ofLegalPerson = <T extends { organisation_id: string; organisationsnummer: string | null }>(
      rows: T[],
      c: GrantCase,
    ) =>
      rows.filter(
        (r) =>
          r.organisation_id === c.organisationId ||
          (r.organisationsnummer !== null && r.organisationsnummer === c.organisation?.organisationsnummer),
      );
    const linksBy = group(links, (l) => l.organisation_id);

    for (const c of cases) {
      const registrationDate = c.registrationDate ?? stockholmDate(c.createdAt);
      const caseLines = linesBy.get(c.id) ?? [];
      if (c.track === 'projekt') {
        const s = summariseBudget(caseLines, cat.regionGrantFinanciers);
        out.set(c.id, {
          track: 'projekt',
          registrationDate,
          rusAreas: areaCodes(c.rusAreas, rus),
          forstudie: c.forstudie,
          euCofinancing: c.euCofinancing,
          buildsOnEarlier: c.buildsOnEarlier,
          bookedCostsTotal: s.costsTotal,
          amountApplied: s.askedOfRegion,
          stateAid: c.stateAidAssessment,
        });
        continue;
      }
      const org = c.organisation!;
      const earlier: EarlierGrant[] = ofLegalPerson(grants, c)
        .filter((g) => g.case_id !== c.id)
        .map((g) => ({
          aidForm: g.aid_form,
          date: g.decision_date,
          amount: Number(g.amount),
          diarienummer: g.diarienummer ?? undefined,
        }));
      const members = linksBy.get(c.organisationId) ?? [];
      const memberIds = new Set([
        c.organisationId,
        ...members.flatMap((m) => (m.linked_id ? [m.linked_id] : [])),
      ]);
      // A case's own ledger entry is not earlier aid: a change decision is measured without its own chain.
      const memberNrs = new Set([
        c.organisation?.organisationsnummer,
        ...members.map((m) => m.linked_number),
      ]);
      const regionAid = ledger.filter(
        (l) =>
          (memberIds.has(l.organisation_id) ||
            (l.organisationsnummer !== null && memberNrs.has(l.organisationsnummer))) &&
          l.case_id !== c.id,
      );
      out.set(c.id, {
        track: 'foretagsstod',
        registrationDate,
        aidForm: c.aidForm ?? '',
        subform: c.aidSubform,
        costLines: caseLines
          .filter((l) => l.kind === 'cost')
          .map((l) => ({
            amount: l.amount,
            costType: l.costType ?? l.code,
            description: l.label ?? undefined,
            date: l.dated,
          })),
        amountApplied: c.amountApplied ?? 0,
        plannedStart: c.plannedStart ?? registrationDate,
        receivedAt: (c.receivedAt ?? c.createdAt).toISOString(),
        organisation: {
          // Reasons name the kommun: "utanför Örebro tätort (Lindesberg kommun)".
          kommun: org.kommunCode ? (kommuner.get(org.kommunCode) ?? org.kommunCode) : '',
          inTatort: org.inTatort,
          employees: org.employees,
          fte: org.fteHundredths,
          runBy: org.runBy,
          bornOutsideNordics: org.bornOutsideNordics,
          newInnovativeIdea: c.priorityClaims.includes('nya_affarsideer'),
        },
        priorityFlags: c.priorityClaims,
        history: {
          grants: earlier,
          deMinimis: [
            ...(declBy.get(c.id) ?? []).map((d) => ({
              date: d.grantedOn,
              amount: d.amount,
              currency: d.currency,
              grantor: d.grantor,
              regulation: d.regulation,
              recipient: d.recipient,
            })),
            ...regionAid.map((l) => ({
              date: l.granted_on,
              amount: l.amount_eur,
              currency: 'EUR' as const,
              grantor: 'regionen',
              regulation: l.regime,
              recipient: l.organisation_id === c.organisationId ? null : l.organisation_name,
            })),
          ],
        },
        euBasis: c.euBasis,
        singleUndertaking: members.map((m) => `${m.linked_name} (${m.linked_number})`),
        stateAidFacts: c.stateAidFacts,
        homeDelivery: c.homeDelivery,
        serviceArea: serviceAreaOf(c, programme),
      });
    }
    return out;
  }
}
