import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { Account, hashPassword, Role } from '@anslag/auth';
import {
  BudgetLine,
  CaseHistory,
  CatalogueEntry,
  DiarienummerService,
  GrantCase,
  Municipality,
  Organisation,
  RegionSetting,
} from '@anslag/cases';
import type { CompanyCase, DemoData, DemoOrganisation, ProjectCase } from './demo-data.types';

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
      await this.catalogue(em, data);
      const orgIds = await this.organisations(em, data.organisations);
      const accounts = await this.accounts(em, data, orgIds, password);
      let cases = 0;
      for (const p of data.projectCases) cases += await this.projectCase(em, p, orgIds);
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

  private async catalogue(em: EntityManager, data: DemoData): Promise<void> {
    const entries = new Map<string, Partial<CatalogueEntry>>();
    const add = (e: Partial<CatalogueEntry>) => entries.set(`${e.kind}:${e.code}`, { active: true, ...e });
    for (const p of data.projectCases) {
      p.budget.costs.forEach((c) => add({ kind: 'cost_category', code: c.category, name: c.label }));
      p.budget.financing.forEach((f) =>
        add({
          kind: 'financier',
          code: financierCode(f),
          name: f.label,
          sector: f.sector,
          regionGrant: f.fundingSource !== null,
        }),
      );
    }
    for (const c of data.companyCases) {
      const [form, sub] = c.aidFormCode.split('/');
      if (!entries.has(`aid_form:${form}`)) add({ kind: 'aid_form', code: form, name: sub ? form : c.stod });
      if (sub) add({ kind: 'aid_form', code: sub, name: c.stod, parent: form });
    }
    await em.upsert(CatalogueEntry, [...entries.values()], ['kind', 'code']);
  }

  private async organisations(em: EntityManager, orgs: DemoOrganisation[]): Promise<Map<string, string>> {
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
        inTatort: o.inTatort,
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
    const hash = await hashPassword(password);
    for (const u of data.users) {
      await em.upsert(
        Account,
        {
          username: u.username,
          displayName: u.displayName,
          title: u.title,
          passwordHash: hash,
          roles: [u.role as Role],
          organisationIds: u.organisationsnummer.map((n) => orgIds.get(n)).filter((x): x is string => !!x),
          active: true,
        },
        ['username'],
      );
    }
    return data.users.length;
  }

  private async exists(em: EntityManager, where: FindOptionsWhere<GrantCase>): Promise<boolean> {
    return (await em.count(GrantCase, { where })) > 0;
  }

  private async projectCase(em: EntityManager, p: ProjectCase, orgIds: Map<string, string>): Promise<number> {
    if (await this.exists(em, { diarienummer: p.diarienummer })) return 0;
    const c = await em.save(
      em.create(GrantCase, {
        diarienummer: p.diarienummer,
        nypsId: p.nypsId,
        track: 'projekt',
        status: 'under_handlaggning',
        organisationId: orgIds.get(p.applicantOrganisationsnummer)!,
        title: p.title,
        periodStart: p.period.start,
        periodEnd: p.period.end,
        forstudie: p.forstudie,
        euCofinancing: p.euCofinancing,
        rusAreas: p.rus.areas,
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
      after: { diarienummer: p.diarienummer },
      reason: 'Demodata',
    });
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
        status: 'under_handlaggning',
        organisationId,
        title: `${k.stod}: ${k.branschPrioritering}`,
        description: k.application.purpose,
        aidForm: form,
        aidSubform: sub ?? null,
        amountApplied: k.application.amountAppliedKronor,
        plannedStart: registrationDate,
        collectiveAgreement: true,
        receivedAt: new Date(k.application.receivedAt),
        registeredAt: new Date(k.application.receivedAt),
        registrationDate,
      }),
    );
    const lines = k.application.costLines.map((l, i) => ({
      caseId: c.id,
      kind: 'cost' as const,
      code: 'kostnad',
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
      after: { diarienummer: c.diarienummer },
      reason: 'Demodata',
    });
    return 1;
  }
}
