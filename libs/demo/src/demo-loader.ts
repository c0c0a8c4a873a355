import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { Account, hashDemoPassword, Role } from '@anslag/auth';
import {
  BudgetLine,
  CaseHistory,
  CatalogueEntry,
  DiarienummerService,
  GrantCase,
  Municipality,
  Organisation,
  placePostalCode,
  RegionSetting,
  type UrbanArea,
} from '@anslag/cases';
import { Decision, DelegationPoint, DeMinimisLedgerEntry } from '@anslag/decisions';
import { requestDecisionLetter } from '@anslag/letters';
import { sekToEur } from '@anslag/money';
import { ExchangeRateRow, Inriktningsbeslut, RusCatalogueRow } from '@anslag/policy';
import {
  chooseLegalBasis,
  rateOn,
  regimeOn,
  type LegalBasis,
  type RuleSet,
  type RusCatalogue,
  type StateAidRoute,
} from '@anslag/rules';
import type {
  CompanyCase,
  DemoCatalogueItem,
  DemoData,
  DemoOrganisation,
  ProjectCase,
} from './demo-data.types';

const dayAfter = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const laterOf = (a: string, b: string): string => (a > b ? a : b);

/** The paragraphs of a seed letter's "Skäl till beslut" beyond the RUS sentence and the rank quote. */
function furtherReasons(text: string): string | null {
  const rest = text
    .split(/\n\s*\n/)
    .filter((p) => !/inriktningsbeslut|inriktning för finansiering|rangordningen/i.test(p))
    .map((p) => (/prioriterade område/i.test(p) ? p.replace(/^[^.]*\.\s*/, '') : p))
    .filter((p) => p.trim() !== '');
  return rest.join('\n\n').trim() || null;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

/** The financier code of a financing line: the region's funding sources by their code, others by name. */
export const financierCode = (f: { financier: string; fundingSource: string | null; label: string }) =>
  f.fundingSource ?? slug(f.label || f.financier);

const LEGAL_FORM: Record<string, string> = {
  aktiebolag: 'Aktiebolag',
  enskild_firma: 'Enskild firma',
  handelsbolag: 'Handelsbolag',
  ekonomisk_forening: 'Ekonomisk förening',
  ideell_forening: 'Ideell förening',
  stiftelse: 'Stiftelse',
  kommun: 'Kommun',
  region: 'Region',
  statlig_myndighet: 'Statlig myndighet',
};

/**
 * Loads the demo data into an empty or earlier-loaded database. Idempotent: rows are keyed by their
 * natural keys (organisationsnummer, username, diarienummer), so running the demo twice changes nothing.
 */
export class DemoLoader {
  private rules: { ruleSet: RuleSet; rus: RusCatalogue } | null = null;
  /** The demo handläggare, who drafted the seeds' decisions. */
  private officerId: string | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly diarienummer = new DiarienummerService(),
  ) {}

  async load(
    data: DemoData,
    password: string,
  ): Promise<{ organisations: number; cases: number; accounts: number }> {
    return this.db.transaction(async (em) => {
      await this.settings(em, data);
      const rules = await this.policy(em, data);
      await this.delegation(em, data);
      await this.catalogue(em, data, rules.ruleSet);
      this.rules = rules;
      const orgIds = await this.organisations(em, data.organisations, data.region.urbanAreas);
      const accounts = await this.accounts(em, data, orgIds, password);
      await this.substitutes(em, data);
      let cases = 0;
      for (const p of data.projectCases) cases += await this.projectCase(em, p, orgIds, data);
      for (const c of data.companyCases)
        cases += await this.companyCase(em, c, orgIds, data.region.diarienummer.seriesLetters);
      return { organisations: orgIds.size, cases, accounts };
    });
  }

  private async settings(em: EntityManager, data: DemoData): Promise<void> {
    const rows: [string, unknown][] = [
      ['region', data.region],
      ['diarienummerSeries', data.region.diarienummer.seriesLetters],
      ['delegationOrder', data.delegationOrder],
      ['letterTemplates', data.letterTemplates],
      ['completionDueDays', data.catalogues.completionDueDays],
      ['legalBases', data.legalBases],
    ];
    if (data.inriktningsbeslut2019) rows.push(['inriktningsbeslutDefault', data.inriktningsbeslut2019]);
    if (data.rus20182030) rows.push(['rusDefault', data.rus20182030]);
    await em.upsert(
      RegionSetting,
      rows.map(([key, value]) => ({ key, value: value as object })),
      ['key'],
    );
    await em.upsert(
      Municipality,
      data.region.municipalities.map((m) => ({ code: m.code, name: m.name })),
      ['code'],
    );
  }

  /** The RUS catalogue and the 2019 inriktningsbeslut, adopted and extended "tills vidare". */
  private async policy(em: EntityManager, data: DemoData): Promise<{ ruleSet: RuleSet; rus: RusCatalogue }> {
    const stored = data.inriktningsbeslut2019 as RuleSet;
    const rates = data.exchangeRates;
    if (rates) {
      await em.upsert(
        ExchangeRateRow,
        rates.rates.map((r) => ({ month: r.month, orePerEur: r.orePerEur, source: rates.source })),
        ['month'],
      );
    }
    // The rules the loader signs the seeds' decisions with: the decision plus the loaded monthly rates.
    const ruleSet: RuleSet = {
      ...stored,
      deMinimis: {
        ...stored.deMinimis,
        exchangeRates: [
          ...stored.deMinimis.exchangeRates,
          ...(rates?.rates ?? []).map((r) => ({ from: `${r.month}-01`, orePerEur: r.orePerEur })),
        ],
      },
    };
    const rus = data.rus20182030 as RusCatalogue;
    await em.upsert(
      RusCatalogueRow,
      { id: rus.id, validFrom: rus.validFrom, validTo: rus.validTo, content: rus },
      ['id'],
    );
    if ((await em.count(Inriktningsbeslut, { where: { code: ruleSet.id } })) === 0) {
      const adopted = ruleSet.references.find((r) => r.kind === 'beslut');
      await em.insert(Inriktningsbeslut, {
        code: ruleSet.id,
        status: 'antaget',
        validFrom: ruleSet.validFrom,
        validTo: ruleSet.validTo,
        adoptedOn: adopted?.date ?? ruleSet.validFrom,
        paragraph: adopted?.paragraph ?? null,
        content: stored,
      });
    }
    return { ruleSet, rus };
  }

  private async delegation(em: EntityManager, data: DemoData): Promise<void> {
    const order = data.delegationOrder;
    for (const p of order.points) {
      if ((await em.count(DelegationPoint, { where: { point: p.point } })) > 0) continue;
      await em.insert(DelegationPoint, {
        point: p.point,
        title: p.title,
        decisionMakerTitle: p.decisionMaker.roleTitle,
        tracks: p.caseKinds,
        aidForms: [],
        limitKronor: p.limitKronor,
        validFrom: order.validFrom ?? '2019-01-01',
        validTo: null,
      });
    }
  }

  private async catalogue(em: EntityManager, data: DemoData, ruleSet: RuleSet): Promise<void> {
    const entries = new Map<string, Partial<CatalogueEntry>>();
    const add = (e: Partial<CatalogueEntry>) => entries.set(`${e.kind}:${e.code}`, { active: true, ...e });
    const cat = data.catalogues;
    const item = (kind: CatalogueEntry['kind'], i: DemoCatalogueItem, sortOrder: number) =>
      add({
        kind,
        code: i.code,
        name: i.name,
        description: i.description ?? null,
        sector: i.sector ?? null,
        tracks: i.tracks ?? [],
        requiredFor: i.requiredFor ?? [],
        sortOrder,
      });
    cat.costCategories.forEach((c, n) => item('cost_category', c, n));
    cat.financiers.forEach((f, n) => item('financier', f, 100 + n));
    data.region.municipalities.forEach((m, n) =>
      add({
        kind: 'financier',
        code: `${cat.kommunFinancier.codePrefix}${m.code}`,
        name: `${m.name}${cat.kommunFinancier.nameSuffix}`,
        sector: 'offentlig',
        sortOrder: 50 + n,
      }),
    );
    cat.sections.forEach((c, n) => item('application_section', c, n));
    cat.attachmentTypes.forEach((c, n) => item('attachment_type', c, n));
    for (const p of data.projectCases) {
      p.sections.forEach((x) => {
        if (!entries.has(`application_section:${x.code}`))
          add({ kind: 'application_section', code: x.code, name: x.heading });
      });
      p.budget.costs.forEach((c) => {
        if (!entries.has(`cost_category:${c.category}`))
          add({ kind: 'cost_category', code: c.category, name: c.label, sortOrder: 90 });
      });
      p.budget.financing.forEach((f) =>
        add({
          kind: 'financier',
          code: financierCode(f),
          name: f.label,
          sector: f.sector,
          regionGrant: f.fundingSource !== null,
          sortOrder: f.fundingSource !== null ? 0 : 200,
        }),
      );
    }
    let order = 0;
    for (const form of Object.values(ruleSet.aidForms)) {
      add({ kind: 'aid_form', code: form.code, name: form.name, sortOrder: order++ });
      for (const sub of Object.values(form.subforms ?? {}))
        add({ kind: 'aid_subform', code: sub.code, name: sub.name, parent: form.code, sortOrder: order++ });
    }
    // The region's own names for the aid forms, as its delegation report writes them ("Konsulttjänst",
    // "Investeringsbidrag", "Kommersiell service/Driftstöd"), take precedence over the rule set's.
    for (const c of data.companyCases) {
      const [form, sub] = c.aidFormCode.split('/');
      const key = sub ? `aid_subform:${sub}` : `aid_form:${form}`;
      const entry = entries.get(key);
      if (entry && (!sub || entry.parent === form)) entry.name = c.stod;
    }
    await em.upsert(CatalogueEntry, [...entries.values()], ['kind', 'code']);
  }

  /** The substitutes (ersättare) the delegation order names, once their accounts exist. */
  private async substitutes(em: EntityManager, data: DemoData): Promise<void> {
    for (const p of data.delegationOrder.points) {
      await em.query(
        `UPDATE delegation_point SET substitute_account_ids =
           ARRAY(SELECT id FROM account WHERE username = ANY($2) ORDER BY username)
         WHERE point = $1`,
        [p.point, p.substitutes ?? []],
      );
    }
  }

  private async organisations(
    em: EntityManager,
    orgs: DemoOrganisation[],
    areas: UrbanArea[],
  ): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const o of orgs) {
      const notes = [
        o.orgnrMadeUp && 'organisationsnumret är påhittat',
        o.addressMadeUp && 'adressen är påhittad',
        o.staffMadeUp && 'antal anställda är påhittat',
        o.sniMadeUp && 'SNI-koden är påhittad',
      ]
        .filter(Boolean)
        .join('; ');
      const row = {
        organisationsnummer: o.organisationsnummer,
        name: o.name,
        streetAddress: o.postalAddress.lines.join(', '),
        postalCode: o.postalAddress.postalCode,
        city: o.postalAddress.postalTown,
        kommunCode: o.municipalityCode,
        // Derived from the postal code by the region's own data, as for an organisation registered later.
        inTatort: placePostalCode(o.postalAddress.postalCode, areas).inTatort,
        inTatortBasis: 'postnummer' as const,
        legalForm: LEGAL_FORM[o.legalForm] ?? o.legalForm,
        employees: o.employees,
        fteHundredths: o.fte === null ? null : Math.round(o.fte * 100),
        runBy: o.runBy,
        bransch: o.bransch,
        sniCode: o.sniCode,
        dataNote: notes ? `Demodata: ${notes}` : null,
      };
      await em.upsert(Organisation, row, ['organisationsnummer']);
      const saved = await em.findOneOrFail(Organisation, {
        where: { organisationsnummer: o.organisationsnummer },
      });
      ids.set(o.organisationsnummer, saved.id);
    }
    return ids;
  }

  private async accounts(
    em: EntityManager,
    data: DemoData,
    orgIds: Map<string, string>,
    password: string,
  ): Promise<number> {
    const hash = await hashDemoPassword(password);
    for (const u of data.users) {
      await em.upsert(
        Account,
        {
          username: u.username,
          displayName: u.displayName,
          title: u.title,
          passwordHash: hash,
          roles: [u.role as Role],
          delegationPoints: u.delegationPoints,
          personnummer: u.personnummer,
          breakGlass: true,
          active: true,
        },
        ['username'],
      );
      if (u.personnummer) await this.mandates(em, u.username, u.personnummer, u.organisationsnummer, orgIds);
    }
    const officer = data.users.find((u) => u.role === 'handlaggare');
    this.officerId = officer
      ? (await em.findOneOrFail(Account, { where: { username: officer.username } })).id
      : null;
    return data.users.length;
  }

  /** The demo applicant's mandates: verified signatory of each organisation it acts for. */
  private async mandates(
    em: EntityManager,
    username: string,
    personnummer: string,
    organisationsnummer: string[],
    orgIds: Map<string, string>,
  ): Promise<void> {
    const account = await em.findOneOrFail(Account, { where: { username } });
    for (const n of organisationsnummer) {
      const organisationId = orgIds.get(n);
      if (!organisationId) continue;
      await em.query(
        `INSERT INTO mandate (organisation_id, personnummer, account_id, kind, status, granted_by_name,
           granted_at, verified_at, verification_note)
         VALUES ($1, $2, $3, 'firmatecknare', 'giltig', 'demodata', now(), now(), 'Demodata')
         ON CONFLICT DO NOTHING`,
        [organisationId, personnummer, account.id],
      );
    }
  }

  private async exists(em: EntityManager, where: FindOptionsWhere<GrantCase>): Promise<boolean> {
    return (await em.count(GrantCase, { where })) > 0;
  }

  private async projectCase(
    em: EntityManager,
    p: ProjectCase,
    orgIds: Map<string, string>,
    data: DemoData,
  ): Promise<number> {
    if (await this.exists(em, { diarienummer: p.diarienummer })) return 0;
    const c = await em.save(
      em.create(GrantCase, {
        diarienummer: p.diarienummer,
        nypsId: p.nypsId,
        track: 'projekt',
        status: 'beslutad',
        organisationId: orgIds.get(p.applicantOrganisationsnummer)!,
        title: p.title,
        periodStart: p.period.start,
        periodEnd: p.period.end,
        forstudie: p.forstudie,
        euCofinancing: p.euCofinancing,
        rusAreas: p.rus.areas.map(
          (a) => this.rules!.rus.areas.find((x) => x.name === a || x.code === a)?.code ?? a,
        ),
        effektmal: p.rus.effektmal,
        rusVersion: p.rus.version,
        sections: Object.fromEntries(p.sections.map((s) => [s.code, s.text])),
        receivedAt: new Date(p.receivedAt),
        registeredAt: new Date(p.receivedAt),
        registrationDate: p.registeredDate,
      }),
    );
    let position = 0;
    const lines: Partial<BudgetLine>[] = [];
    for (const l of p.budget.costs)
      for (const y of l.perYear)
        lines.push({ kind: 'cost', code: l.category, label: l.label, year: y.year, amount: y.kronor });
    for (const l of p.budget.financing) {
      for (const y of l.perYear)
        lines.push({
          kind: 'financing',
          code: financierCode(l),
          label: l.label,
          year: y.year,
          amount: y.kronor,
          financingForm: l.kind,
        });
    }
    for (const l of p.budget.inKind)
      for (const y of l.perYear)
        lines.push({ kind: 'in_kind', code: l.financier, label: l.label, year: y.year, amount: y.kronor });
    await em.insert(
      BudgetLine,
      lines.filter((l) => l.amount !== 0).map((l) => ({ ...l, caseId: c.id, position: position++ })),
    );
    await this.diarienummer.advancePast(em, p.diarienummer);
    await em.insert(CaseHistory, {
      caseId: c.id,
      actorName: 'system',
      action: 'importerad',
      visibility: 'public',
      after: { diarienummer: p.diarienummer },
      reason: 'Demodata',
    });
    await this.projectDecision(em, c, p, data);
    return 1;
  }

  private async companyCase(
    em: EntityManager,
    k: CompanyCase,
    orgIds: Map<string, string>,
    series: string,
  ): Promise<number> {
    const organisationId = orgIds.get(k.organisationsnummer)!;
    const [form, sub] = k.aidFormCode.split('/');
    const already = k.diarienummer
      ? await this.exists(em, { diarienummer: k.diarienummer })
      : await this.exists(em, { organisationId, nypsId: k.nypsId ?? undefined, aidForm: form });
    if (already) return 0;
    const registrationDate = k.registeredDate ?? k.application.receivedAt.slice(0, 10);
    const c = await em.save(
      em.create(GrantCase, {
        diarienummer: k.diarienummer ?? (await this.diarienummer.allocate(em, registrationDate, series)),
        nypsId: k.nypsId,
        track: 'foretagsstod',
        status: 'beslutad',
        organisationId,
        title: `${k.stod}: ${k.branschPrioritering}`,
        description: k.application.purpose,
        aidForm: form,
        aidSubform: sub ?? null,
        amountApplied: k.application.amountAppliedKronor,
        // Made up: the work starts the day after the application arrived at the earliest (incentive effect).
        plannedStart: laterOf(registrationDate, dayAfter(k.application.receivedAt.slice(0, 10))),
        homeDelivery: k.application.homeDelivery ?? null,
        collectiveAgreement: true,
        receivedAt: new Date(k.application.receivedAt),
        registeredAt: new Date(k.application.receivedAt),
        registrationDate,
      }),
    );
    const costType = this.costTypeOf(form, sub);
    const lines = k.application.costLines.map((l, i) => ({
      caseId: c.id,
      kind: 'cost' as const,
      code: costType,
      costType,
      label: l.description,
      year: null,
      amount: l.kronor,
      position: i,
    }));
    if (lines.length) await em.insert(BudgetLine, lines);
    if (k.diarienummer) await this.diarienummer.advancePast(em, k.diarienummer);
    await em.insert(CaseHistory, {
      caseId: c.id,
      actorName: 'system',
      action: 'importerad',
      visibility: 'public',
      after: { diarienummer: c.diarienummer },
      reason: 'Demodata',
    });
    await this.companyDecision(em, c, k);
    return 1;
  }

  private costTypeOf(form: string, sub: string | undefined): string {
    const f = this.rules!.ruleSet.aidForms[form];
    return (
      (sub ? f?.subforms?.[sub]?.eligibleCostTypes?.[0] : undefined) ??
      f?.eligibleCostTypes?.[0] ??
      'external_services'
    );
  }

  /** The ordinance in force and the EU basis of the route chosen (2015:211 § 2: one or the other). */
  private basesOn(bases: LegalBasis[], route: StateAidRoute | null, date: string): LegalBasis[] {
    const choice = chooseLegalBasis(bases, route ?? 'none', date, { source: 'Demodata' });
    return [...choice.national, ...(choice.eu ? [choice.eu] : [])];
  }

  /** The seeds' decisions, signed as they were, with their letters requested from the worker. */
  private async companyDecision(em: EntityManager, c: GrantCase, k: CompanyCase): Promise<void> {
    const [form, sub] = k.aidFormCode.split('/');
    const rules = this.rules!.ruleSet.aidForms[form];
    const subRules = sub ? rules?.subforms?.[sub] : undefined;
    const route = subRules?.defaultRoute ?? rules?.defaultRoute ?? null;
    const rate = rateOn(this.rules!.ruleSet.deMinimis.exchangeRates, k.decisionDate);
    const eur =
      route === 'de_minimis' && k.beloppKronor !== null && rate
        ? sekToEur(k.beloppKronor, rate.orePerEur)
        : null;
    const d = await em.save(
      em.create(Decision, {
        caseId: c.id,
        kind: 'beslut',
        status: 'signerat',
        outcome: k.outcome,
        amount: k.beloppKronor,
        // The report's category ("Uppfyller ej villkor"); the letter states the grounds themselves.
        rejectionGrounds: k.rejectionGround,
        reasons: k.rejectionGroundsInLetter
          ? { rusArea: null, effektmal: null, rankQuote: null, text: k.rejectionGroundsInLetter }
          : null,
        aidForm: k.aidFormCode,
        frame: rules?.frame ?? 'foretagsstod',
        financing: [],
        conditions: [],
        legalBasis: this.basesOn(subRules?.legalBasis ?? rules?.legalBasis ?? [], route, k.decisionDate),
        stateAidRoute: route,
        appealable: subRules?.appealable ?? rules?.appealable ?? false,
        deMinimisEur: eur,
        deMinimisRegime:
          eur !== null ? (regimeOn(this.rules!.ruleSet.deMinimis, k.decisionDate)?.code ?? null) : null,
        deMinimisOrePerEur: eur !== null ? (rate?.orePerEur ?? null) : null,
        deMinimisRateMonth: eur !== null ? (rate?.from ?? null) : null,
        deMinimisRegisterStatus: eur !== null ? 'ej_tillampligt' : null,
        decisionDate: k.decisionDate,
        delegationPoint: k.delegationPoint,
        signedByName: k.beslutsfattare.name,
        signedByTitle: k.beslutsfattare.title,
        coSigners: [],
        signedAt: new Date(`${k.decisionDate}T12:00:00Z`),
        draftedBy: this.officerId,
      }),
    );
    if (eur !== null && k.beloppKronor !== null) {
      const regime = regimeOn(this.rules!.ruleSet.deMinimis, k.decisionDate);
      await em.insert(DeMinimisLedgerEntry, {
        organisationId: c.organisationId,
        decisionId: d.id,
        grantedOn: k.decisionDate,
        amountEur: eur,
        amountSek: k.beloppKronor,
        regime: regime?.code ?? 'de_minimis',
      });
    }
    await requestDecisionLetter(em, d.id);
  }

  private async projectDecision(
    em: EntityManager,
    c: GrantCase,
    p: ProjectCase,
    data: DemoData,
  ): Promise<void> {
    const dec = p.decision;
    const byNamnd = dec.decidedBy.level === 'namnd';
    const signer = dec.signatories[0];
    const granted = dec.outcome !== 'avslag';
    const d = await em.save(
      em.create(Decision, {
        caseId: c.id,
        kind: 'beslut',
        status: 'signerat',
        outcome: dec.outcome,
        amount: granted ? dec.capKronor : null,
        shareBp: granted ? dec.shareBasisPoints : null,
        earliestStart: dec.earliestStart,
        latestEnd: dec.latestEnd,
        financing: dec.financingFrame.sources.map((s) => ({
          source: s.fundingSource,
          label: s.label,
          amount: s.kronor,
        })),
        conditions: dec.usesStandardConditions
          ? data.letterTemplates.standardConditions
          : dec.conditionsAsInSeed,
        // The letter writes the RUS sentence and the rank from these; only further reasons go in `text`.
        reasons: {
          rusArea: p.rus.areas.join(' och ') || null,
          effektmal: null,
          rankQuote: dec.rank.quote,
          text: furtherReasons(dec.skalTillBeslut),
        },
        draftedBy: this.officerId,
        frame: this.rules!.ruleSet.projectRules.frame,
        legalBasis: this.basesOn(this.rules!.ruleSet.projectRules.legalBasis, 'none', dec.decisionDate),
        stateAidRoute: null,
        appealable: this.rules!.ruleSet.projectRules.appealable,
        decisionDate: dec.decisionDate,
        delegationPoint: byNamnd ? null : dec.decidedBy.delegationPoint,
        decidedByNamnd: byNamnd,
        namndMeetingDate: byNamnd ? dec.decidedBy.meetingDate : null,
        namndParagraph: byNamnd ? dec.decidedBy.protocolParagraph : null,
        signedByName: byNamnd
          ? (dec.decidedBy.committee ?? data.region.organisation.committee)
          : (signer?.name ?? null),
        signedByTitle: byNamnd ? null : (signer?.title ?? null),
        coSigners: dec.signatories.slice(byNamnd ? 0 : 1).map((x) => ({ name: x.name, title: x.title })),
        signedAt: new Date(`${dec.decisionDate}T12:00:00Z`),
      }),
    );
    await requestDecisionLetter(em, d.id);
  }
}
