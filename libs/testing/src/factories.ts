import { randomInt, randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Account, Role, TokenService } from '@anslag/auth';
import { CatalogueEntry, Municipality, Organisation, RegionSetting } from '@anslag/cases';
import { DelegationPoint } from '@anslag/decisions';
import { Mandate } from '@anslag/identity';
import { ExchangeRateRow, Inriktningsbeslut, RusCatalogueRow } from '@anslag/policy';
import type { RuleSet, RusCatalogue } from '@anslag/rules';
import exchangeRates from '../../demo/data/exchange-rates.json';
import ruleSet2019 from '../../demo/data/inriktningsbeslut-2019.json';
import legalBases from '../../demo/data/legal-bases.json';
import letterTemplates from '../../demo/data/letter-templates.json';
import regionFile from '../../demo/data/region.json';
import rus20182030 from '../../demo/data/rus-2018-2030.json';

/** Fixed ids so that every suite inserts the same reference rows, once. */
export const TEST_IDS = {
  inriktningsbeslut2019: '00000000-0000-4000-8000-000000002019',
  point32: '00000000-0000-4000-8000-000000000032',
  point33: '00000000-0000-4000-8000-000000000033',
};

/** A valid 10-digit organisationsnummer (Luhn check digit), random enough for parallel suites. */
export function randomOrganisationsnummer(): string {
  // Third digit ≥ 2 marks a legal person's number (a personnummer has a month there). 80 million
  // numbers: suites share one database, and a clash of two made-up numbers would fail a test by chance.
  const body = `5${randomInt(0, 10)}${randomInt(2, 10)}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
  let total = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(body[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    total += d;
  }
  const check = (10 - (total % 10)) % 10;
  return `${body.slice(0, 6)}-${body.slice(6)}${check}`;
}

/** Reference data the case code needs; idempotent so that parallel suites may all call it. */
export async function ensureReferenceData(ds: DataSource): Promise<void> {
  const municipalities = [
    ['1880', 'Örebro'],
    ['1881', 'Kumla'],
    ['1885', 'Lindesberg'],
    ['1864', 'Ljusnarsberg'],
  ];
  await ds
    .createQueryBuilder()
    .insert()
    .into(Municipality)
    .values(municipalities.map(([code, name]) => ({ code, name })))
    .orIgnore()
    .execute();
  const entries: Partial<CatalogueEntry>[] = [
    { kind: 'cost_category', code: 'egen_personal', name: 'Egen personal' },
    { kind: 'cost_category', code: 'externa_tjanster', name: 'Externa tjänster' },
    { kind: 'cost_category', code: 'resor', name: 'Resor och logi' },
    { kind: 'financier', code: 'region_1_1', name: 'Regionen 1:1', sector: 'offentlig', regionGrant: true },
    {
      kind: 'financier',
      code: 'region_rambudget',
      name: 'Regionen rambudgetmedel',
      sector: 'offentlig',
      regionGrant: true,
    },
    { kind: 'financier', code: 'kommuner', name: 'Kommuner', sector: 'offentlig' },
    { kind: 'financier', code: 'privat', name: 'Privat', sector: 'privat' },
    ...['sammanfattning', 'bakgrund', 'projektmal'].map((code, i) => ({
      kind: 'application_section' as const,
      code,
      name: code,
      tracks: ['projekt'],
      sortOrder: i,
    })),
    { kind: 'attachment_type', code: 'offert', name: 'Offert', tracks: ['foretagsstod'] },
    { kind: 'aid_form', code: 'mikrobidrag', name: 'Mikrobidrag' },
    { kind: 'aid_form', code: 'konsultcheck', name: 'Konsultcheck' },
    { kind: 'aid_form', code: 'kommersiell_service', name: 'Kommersiell service' },
    {
      kind: 'aid_subform',
      code: 'hemsandningsbidrag',
      name: 'Hemsändningsbidrag',
      parent: 'kommersiell_service',
    },
  ];
  for (const form of Object.values((ruleSet2019 as unknown as RuleSet).aidForms)) {
    entries.push({ kind: 'aid_form', code: form.code, name: form.name });
    for (const sub of Object.values(form.subforms ?? {}))
      entries.push({ kind: 'aid_subform', code: sub.code, name: sub.name, parent: form.code });
  }
  await ds.createQueryBuilder().insert().into(CatalogueEntry).values(entries).orIgnore().execute();
  await ds
    .createQueryBuilder()
    .insert()
    .into(RegionSetting)
    .values([
      { key: 'region', value: regionFile.region },
      { key: 'letterTemplates', value: letterTemplates },
      { key: 'legalBases', value: legalBases },
      { key: 'diarienummerSeries', value: 'RS' },
    ])
    .orIgnore()
    .execute();
  const rus = rus20182030 as unknown as RusCatalogue;
  await ds
    .createQueryBuilder()
    .insert()
    .into(RusCatalogueRow)
    .values({ id: rus.id, validFrom: rus.validFrom, validTo: rus.validTo, content: rus })
    .orIgnore()
    .execute();
  await ds
    .createQueryBuilder()
    .insert()
    .into(ExchangeRateRow)
    .values(
      exchangeRates.rates.map((r) => ({
        month: r.month,
        orePerEur: r.orePerEur,
        source: exchangeRates.source,
      })),
    )
    .orIgnore()
    .execute();
  const rules = ruleSet2019 as unknown as RuleSet;
  // Keyed by code, as the demo loader keys it: never a second adopted 2019 rule set in one database.
  const [{ n: known }] = await ds.query(`SELECT count(*)::int AS n FROM inriktningsbeslut WHERE code = $1`, [
    rules.id,
  ]);
  if (known === 0)
    await ds
      .createQueryBuilder()
      .insert()
      .into(Inriktningsbeslut)
      .values({
        id: TEST_IDS.inriktningsbeslut2019,
        code: rules.id,
        status: 'antaget',
        validFrom: rules.validFrom,
        validTo: null,
        adoptedOn: '2018-11-28',
        paragraph: '§ 83',
        content: rules,
      })
      .orIgnore()
      .execute();
  // A point already in force for the period (the demo's) is kept: the exclusion constraint makes
  // ON CONFLICT DO NOTHING skip it.
  await ds
    .createQueryBuilder()
    .insert()
    .into(DelegationPoint)
    .values([
      {
        id: TEST_IDS.point32,
        point: '3.2',
        title: 'Regionalt utvecklingsstöd',
        decisionMakerTitle: 'Förvaltningschef',
        tracks: ['projekt'],
        aidForms: [],
        limitKronor: 1_000_000,
        validFrom: '2019-01-01',
        validTo: null,
      },
      {
        id: TEST_IDS.point33,
        point: '3.3',
        title: 'Företagsstöd',
        decisionMakerTitle: 'Områdeschef',
        tracks: ['foretagsstod'],
        aidForms: [],
        limitKronor: 1_000_000,
        validFrom: '2019-01-01',
        validTo: null,
      },
    ])
    .orIgnore()
    .execute();
}

export interface TestUser {
  account: Account;
  token: string;
  auth: { Authorization: string };
}

/** A valid personnummer (Luhn check digit) of a made-up adult, random enough for parallel suites. */
export function randomPersonnummer(): string {
  const date = `19${String(randomInt(40, 100)).padStart(2, '0')}${String(randomInt(1, 13)).padStart(2, '0')}${String(randomInt(1, 29)).padStart(2, '0')}`;
  const body = `${date.slice(2)}${String(randomInt(0, 1000)).padStart(3, '0')}`;
  let total = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(body[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    total += d;
  }
  return `${date}${body.slice(6)}${(10 - (total % 10)) % 10}`;
}

/** Sweden Connect's level of assurance 3, what e-legitimation (BankID, Freja+) gives. */
export const LOA3 = 'http://id.elegnamnden.se/loa/1.0/loa3';

/**
 * An account and a bearer token for it. An applicant (sokande) gets a personnummer, a valid signatory
 * mandate for each organisation given, and a token at assurance level 3, as after e-legitimation.
 */
export async function createUser(
  app: NestFastifyApplication,
  roles: Role[],
  organisationIds: string[] = [],
  delegationPoints: string[] = [],
): Promise<TestUser> {
  const ds = app.get(DataSource);
  const applicant = roles.includes(Role.sokande);
  const account = await ds.getRepository(Account).save({
    username: `${roles.join('-')}-${randomUUID().slice(0, 8)}`,
    displayName: 'Test Testsson',
    roles,
    delegationPoints,
    passwordHash: null,
    personnummer: applicant ? randomPersonnummer() : null,
  });
  if (organisationIds.length) {
    await ds.getRepository(Mandate).insert(
      organisationIds.map((organisationId) => ({
        organisationId,
        personnummer: account.personnummer ?? randomPersonnummer(),
        accountId: account.id,
        kind: 'firmatecknare' as const,
        status: 'giltig' as const,
        grantedAt: new Date(),
        grantedByName: 'test',
        verifiedAt: new Date(),
      })),
    );
  }
  const token = await app.get(TokenService).issue({
    userId: account.id,
    username: account.username,
    roles,
    organisationIds,
    acr: applicant ? LOA3 : null,
  });
  return { account, token, auth: { Authorization: `Bearer ${token}` } };
}

/**
 * What an officer's verification does (POST /api/mandates/{id}/verify): the account's unverified mandates,
 * from registering organisations, become valid. For suites that register through the API and then submit.
 */
export async function verifyMandates(ds: DataSource, accountId: string): Promise<void> {
  await ds.query(
    `UPDATE mandate SET status = 'giltig', verified_at = now(), verification_note = 'test'
      WHERE account_id = $1 AND status = 'overifierad'`,
    [accountId],
  );
}

export async function createOrganisation(
  ds: DataSource,
  overrides: Partial<Organisation> = {},
): Promise<Organisation> {
  return ds.getRepository(Organisation).save({
    organisationsnummer: randomOrganisationsnummer(),
    name: `Testbolaget ${randomUUID().slice(0, 6)} AB`,
    streetAddress: 'Storgatan 1',
    postalCode: '70211',
    city: 'Örebro',
    kommunCode: '1880',
    inTatort: true,
    legalForm: 'Aktiebolag',
    employees: 3,
    fteHundredths: 250,
    runBy: 'kvinnor',
    ...overrides,
  });
}

/** A balanced project budget over 2020–2021 (MIND's totals: 484 000, 1:1 232 000 + rambudget 200 000). */
export function mindLikeProject(organisationId: string) {
  return {
    track: 'projekt',
    organisationId,
    title: 'MIND – Matrix for Industrial Network Development',
    periodStart: '2020-01-01',
    periodEnd: '2021-12-31',
    rusAreas: ['innovationskraft_specialisering'],
    sections: { sammanfattning: 'Ett nätverk för industriföretag i Karlskoga och Degerfors.' },
    budget: {
      costs: [
        { category: 'egen_personal', year: 2020, amount: 200_000 },
        { category: 'externa_tjanster', year: 2020, amount: 42_000 },
        { category: 'egen_personal', year: 2021, amount: 242_000 },
      ],
      financing: [
        { financier: 'region_1_1', year: 2020, amount: 116_000 },
        { financier: 'region_rambudget', year: 2020, amount: 100_000 },
        { financier: 'kommuner', year: 2020, amount: 26_000 },
        { financier: 'region_1_1', year: 2021, amount: 116_000 },
        { financier: 'region_rambudget', year: 2021, amount: 100_000 },
        { financier: 'kommuner', year: 2021, amount: 26_000 },
      ],
      inKind: [{ contributor: 'Möckelnföretagen', year: 2020, amount: 60_000 }],
    },
  };
}

/** A mikrobidrag application body: equipment costs, a planned start after any test's clock. */
export function mikrobidragApplication(
  organisationId: string,
  amountApplied: number,
  costs = amountApplied * 2,
) {
  return {
    track: 'foretagsstod',
    organisationId,
    title: 'Ny maskin',
    aidForm: 'mikrobidrag',
    amountApplied,
    costLines: [{ description: 'Maskin', costType: 'equipment', amount: costs }],
    plannedStart: '2030-01-01',
    collectiveAgreement: true,
  };
}
