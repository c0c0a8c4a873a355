import { copyFileSync, mkdtempSync, readdirSync, rmSync, unlinkSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { placePostalCode } from '@anslag/cases';
import { applyShare, parseKronor, sum } from '@anslag/money';
import {
  DEFAULT_DEMO_DATA_DIR,
  DEMO_FILES,
  DemoDataError,
  isValidOrganisationsnummer,
  loadDemoData,
  parseRawBudgetTable,
} from './demo-data';
import { LETTER_PLACEHOLDERS } from './demo-data.types';
import type { AidFormCode, ProjectCase, YearAmount } from './demo-data.types';

const data = loadDemoData();

const project = (key: string): ProjectCase => {
  const p = data.projectCases.find((c) => c.key === key);
  if (!p) throw new Error(`no project ${key}`);
  return p;
};
const yearSum = (lines: { perYear: YearAmount[] }[], year: number) =>
  sum(lines.map((l) => l.perYear.find((y) => y.year === year)?.kronor ?? 0));
const total = (lines: { totalKronor: number }[]) => sum(lines.map((l) => l.totalKronor));

describe('isValidOrganisationsnummer', () => {
  it('accepts a correct check digit and rejects a wrong one or a wrong shape', () => {
    expect(isValidOrganisationsnummer('556901-2346')).toBe(true);
    expect(isValidOrganisationsnummer('556901-2345')).toBe(false);
    expect(isValidOrganisationsnummer('212000-1967')).toBe(true);
    expect(isValidOrganisationsnummer('212000-1966')).toBe(false);
    expect(isValidOrganisationsnummer('5569012346')).toBe(false);
    expect(isValidOrganisationsnummer('556901-234')).toBe(false);
    expect(isValidOrganisationsnummer('55690a-2346')).toBe(false);
  });
});

describe('demo data: files and counts', () => {
  it('loads every file with the expected number of records', () => {
    expect(data.organisations).toHaveLength(25);
    expect(data.projectCases.map((p) => p.key)).toEqual(['pan', 'mind', 'kottaberget']);
    expect(data.companyCases).toHaveLength(22);
    expect(data.users).toHaveLength(6);
    expect(data.letterTemplates.templates).toHaveLength(4);
    expect(data.delegationOrder.points.map((p) => p.point)).toEqual(['3.2', '3.3']);
    expect(data.region.municipalities).toHaveLength(12);
    expect(Object.keys(data.assumptions)).toHaveLength(8);
    for (const list of Object.values(data.assumptions)) expect(list.length).toBeGreaterThan(0);
  });

  it('tolerates the rules files being absent and names a missing required file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-data-'));
    try {
      for (const f of readdirSync(DEFAULT_DEMO_DATA_DIR))
        copyFileSync(join(DEFAULT_DEMO_DATA_DIR, f), join(dir, f));
      for (const f of [DEMO_FILES.inriktningsbeslut2019, DEMO_FILES.rus20182030]) {
        if (readdirSync(dir).includes(f)) unlinkSync(join(dir, f));
      }
      const loaded = loadDemoData(dir);
      expect(loaded.inriktningsbeslut2019).toBeNull();
      expect(loaded.rus20182030).toBeNull();
      expect(loaded.companyCases).toHaveLength(22);

      unlinkSync(join(dir, DEMO_FILES.users));
      expect(() => loadDemoData(dir)).toThrow(DemoDataError);
      expect(() => loadDemoData(dir)).toThrow(/users\.json/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('region', () => {
  it('lists the twelve municipalities of Örebro län with their SCB codes', () => {
    const codes = Object.fromEntries(data.region.municipalities.map((m) => [m.name, m.code]));
    expect(codes).toEqual({
      Askersund: '1882',
      Degerfors: '1862',
      Hallsberg: '1861',
      Hällefors: '1863',
      Karlskoga: '1883',
      Kumla: '1881',
      Laxå: '1860',
      Lekeberg: '1814',
      Lindesberg: '1885',
      Ljusnarsberg: '1864',
      Nora: '1884',
      Örebro: '1880',
    });
  });

  it('places Vintrosa and Närkes Kil in Örebro kommun but outside Örebro tätort', () => {
    const tatort = data.region.urbanAreas.find((u) => u.name === 'Örebro tätort');
    expect(tatort?.municipalityCode).toBe('1880');
    for (const name of ['Vintrosa', 'Närkes Kil']) {
      const place = data.region.places.find((p) => p.name === name);
      expect(place).toMatchObject({ municipalityCode: '1880', urbanAreaCode: null });
      const orgsThere = data.organisations.filter((o) => o.locality === name);
      expect(orgsThere).toHaveLength(1);
      expect(orgsThere[0].inTatort).toBe(false);
    }
  });

  it('derives from the postal codes of the region data where every firm lies, as the transcription says', () => {
    const firms = data.organisations.filter((o) => o.runBy !== null || o.legalForm === 'aktiebolag');
    expect(firms.length).toBeGreaterThan(15);
    for (const o of firms)
      expect([o.name, placePostalCode(o.postalAddress.postalCode, data.region.urbanAreas).inTatort]).toEqual([
        o.name,
        o.inTatort,
      ]);
  });

  it('has the address, series letters and general conditions of the documents', () => {
    expect(data.region.name).toBe('Region Örebro län');
    expect(data.region.postalAddress).toEqual({
      lines: ['Box 1613'],
      postalCode: '701 16',
      postalTown: 'Örebro',
    });
    expect(data.region.diarienummer.seriesLetters).toBe('RS');
    expect(data.region.generalConditions).toEqual({
      title: 'Allmänna villkor för medfinansiering',
      diarienummer: '19RS9026',
      decidedDate: '2019-11-05',
    });
    const staffKeys = data.region.staff.map((s) => s.key);
    expect(staffKeys).toEqual(
      expect.arrayContaining(['petter-arneback', 'kristina-eklof', 'lena-kihl', 'june-fors', 'eva-getzman']),
    );
  });
});

describe('organisations', () => {
  it('every organisationsnummer has a valid Luhn check digit and is unique', () => {
    const numbers = data.organisations.map((o) => o.organisationsnummer);
    for (const n of numbers) expect([n, isValidOrganisationsnummer(n)]).toEqual([n, true]);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('places every organisation in one of the region municipalities', () => {
    const codes = new Set(data.region.municipalities.map((m) => m.code));
    for (const o of data.organisations) expect(codes.has(o.municipalityCode)).toBe(true);
  });

  it('keeps Kön as reported: null for public bodies and for Silkflower Import AB', () => {
    const runBy = (name: string) => data.organisations.find((o) => o.name === name)?.runBy;
    expect(runBy('Silkflower Import AB')).toBeNull();
    expect(runBy('Lindesbergs kommun')).toBeNull();
    expect(runBy('ICA Nära Vintrosa')).toBe('bada');
    expect(runBy('Period Pack Sweden AB')).toBe('kvinnor');
    expect(runBy('HITAB')).toBe('man');
    const fromKon = { K: 'kvinnor', M: 'man', B: 'bada', '–': null } as const;
    for (const c of data.companyCases) {
      const o = data.organisations.find((x) => x.organisationsnummer === c.organisationsnummer);
      expect(o?.runBy).toBe(c.kon === null ? null : fromKon[c.kon]);
    }
  });

  it('gives the mikrobidrag firms at most 4 employees and at least 0.5 fte', () => {
    const micro = data.companyCases.filter((c) => c.aidFormCode === 'mikrobidrag');
    expect(micro).toHaveLength(2);
    for (const c of micro) {
      const o = data.organisations.find((x) => x.organisationsnummer === c.organisationsnummer);
      expect(o?.employees).toBeLessThanOrEqual(4);
      expect(o?.fte).toBeGreaterThanOrEqual(0.5);
    }
  });
});

describe('references between files', () => {
  const byOrgnr = new Map(data.organisations.map((o) => [o.organisationsnummer, o]));
  const staffKeys = new Set(data.region.staff.map((s) => s.key));

  it('every organisation referenced by a case or a user exists', () => {
    for (const p of data.projectCases) expect(byOrgnr.has(p.applicantOrganisationsnummer)).toBe(true);
    for (const c of data.companyCases) {
      expect(byOrgnr.get(c.organisationsnummer)?.name).toBe(c.foretag);
      expect(byOrgnr.get(c.organisationsnummer)?.municipalityCode).toBe(c.municipalityCode);
    }
    for (const u of data.users) for (const n of u.organisationsnummer) expect(byOrgnr.has(n)).toBe(true);
    const referenced = new Set([
      ...data.projectCases.map((p) => p.applicantOrganisationsnummer),
      ...data.companyCases.map((c) => c.organisationsnummer),
    ]);
    expect(referenced.size).toBe(data.organisations.length);
  });

  it('every person referenced exists in the region staff', () => {
    for (const p of data.projectCases) {
      if (p.handlaggareKey !== null) expect(staffKeys.has(p.handlaggareKey)).toBe(true);
      for (const s of p.decision.signatories) expect(staffKeys.has(s.staffKey)).toBe(true);
    }
    for (const c of data.companyCases) expect(staffKeys.has(c.beslutsfattare.staffKey)).toBe(true);
    for (const u of data.users) if (u.staffKey !== null) expect(staffKeys.has(u.staffKey)).toBe(true);
    for (const d of data.delegationOrder.points) expect(staffKeys.has(d.decisionMaker.staffKey)).toBe(true);
  });

  it('the project effektmål and areas exist in the RUS catalogue when the rules library has written it', () => {
    const rus = data.rus20182030 as { effektmal?: { name?: string }[] } | null;
    if (!rus || !Array.isArray(rus.effektmal)) return;
    const names = new Set(rus.effektmal.map((e) => e.name));
    for (const p of data.projectCases)
      for (const e of p.rus.effektmal) expect([e, names.has(e)]).toEqual([e, true]);
  });
});

describe('company cases (delegation report 2019-11-01 – 2019-12-03)', () => {
  const cases = data.companyCases;

  it('has the 22 rows in report order', () => {
    expect(cases.map((c) => c.row)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(cases[0]).toMatchObject({ diarienummer: '19RS8649', foretag: 'Samflex AB', beloppKronor: 34200 });
    expect(cases[15]).toMatchObject({ diarienummer: '19RS9492', foretag: 'HITAB', beloppKronor: 800000 });
    expect(cases[21]).toMatchObject({ diarienummer: null, foretag: 'Klipphallen i Sköllersta' });
  });

  it('grants 3 586 849 kr in 21 decisions and rejects Klipphallen i Sköllersta', () => {
    const grants = cases.filter((c) => c.outcome === 'bifall');
    expect(grants).toHaveLength(21);
    expect(sum(grants.map((c) => c.beloppKronor ?? NaN))).toBe(3_586_849);
    expect(data.companyReport.totalGrantedKronor).toBe(3_586_849);
    const rejections = cases.filter((c) => c.outcome === 'avslag');
    expect(rejections).toHaveLength(1);
    expect(rejections[0]).toMatchObject({
      foretag: 'Klipphallen i Sköllersta',
      beloppKronor: null,
      rejectionGround: 'Uppfyller ej villkor',
      aidFormCode: 'kommersiell_service/driftstod',
    });
    for (const g of grants) expect(g.rejectionGround).toBeNull();
  });

  it('keeps the four NypsID rows without a diarienummer', () => {
    const nyps = cases.filter((c) => c.nypsId !== null);
    expect(nyps.map((c) => c.row)).toEqual([19, 20, 21, 22]);
    for (const c of nyps)
      expect(c).toMatchObject({ diarienummer: null, nypsId: '214557', registeredDate: null });
    const pattern = new RegExp(data.region.diarienummer.pattern);
    const dnrs = cases.filter((c) => c.diarienummer !== null).map((c) => c.diarienummer as string);
    expect(dnrs).toHaveLength(18);
    for (const d of dnrs) expect(d).toMatch(pattern);
    expect(new Set(dnrs).size).toBe(18);
  });

  it('normalises the Stöd column to an aid-form code', () => {
    const expected: Record<string, AidFormCode> = {
      Konsulttjänst: 'konsultcheck',
      Mikrobidrag: 'mikrobidrag',
      Investeringsbidrag: 'investeringsstod',
      Såddbidrag: 'saddbidrag',
      'Kommersiell service': 'kommersiell_service',
      Hemsändningsbidrag: 'kommersiell_service/hemsandningsbidrag',
      'Kommersiell service/Driftstöd': 'kommersiell_service/driftstod',
      'Affärsutveckling/Internationalisering': 'affarsutveckling_internationalisering',
      'Affärsutveckling/Digitalisering': 'affarsutveckling_digitalisering',
    };
    for (const c of cases) expect([c.stod, c.aidFormCode]).toEqual([c.stod, expected[c.stod]]);
    expect(new Set(cases.map((c) => c.stod)).size).toBe(9);
  });

  it('all were decided under point 3.3 by Kristina Eklöf inside the report period, after receipt', () => {
    const { periodStart, periodEnd } = data.companyReport;
    expect([periodStart, periodEnd]).toEqual(['2019-11-01', '2019-12-03']);
    const point = data.delegationOrder.points.find((p) => p.point === '3.3');
    for (const c of cases) {
      expect(c.delegationPoint).toBe('3.3');
      expect(c.beslutsfattare.name).toBe('Kristina Eklöf');
      expect(c.beslutsfattare.staffKey).toBe(point?.decisionMaker.staffKey);
      expect(point?.aidFormCodes).toContain(c.aidFormCode);
      expect(c.decisionDate >= periodStart && c.decisionDate <= periodEnd).toBe(true);
      expect(c.application.receivedAt.slice(0, 10) < c.decisionDate).toBe(true);
      if (c.registeredDate !== null) {
        expect(c.application.receivedAt.slice(0, 10) <= c.registeredDate).toBe(true);
        expect(c.registeredDate <= c.decisionDate).toBe(true);
      }
      if (c.beloppKronor !== null) expect(c.beloppKronor).toBeLessThanOrEqual(point?.limitKronor ?? 0);
    }
  });

  it('each application is consistent with its grant: granted = min(share × approved cost, applied)', () => {
    for (const c of cases) {
      const a = c.application;
      expect(sum(a.costLines.map((l) => l.kronor))).toBe(a.totalCostKronor);
      if (c.beloppKronor === null) continue;
      expect(a.amountAppliedKronor).toBeGreaterThanOrEqual(c.beloppKronor);
      expect([c.row, c.beloppKronor]).toEqual([
        c.row,
        Math.min(applyShare(a.totalCostKronor, a.shareBasisPoints), a.amountAppliedKronor),
      ]);
    }
    const samflex = cases[0].application;
    expect([samflex.shareBasisPoints, samflex.totalCostKronor]).toEqual([5000, 68_400]);
    const hitab = cases[15].application;
    expect([hitab.shareBasisPoints, hitab.totalCostKronor]).toEqual([2500, 3_200_000]);
  });
});

describe('project cases', () => {
  it('list every application section in form order with text', () => {
    const codes = [
      'sammanfattning',
      'bakgrund',
      'overgripande_mal',
      'projektmal',
      'delmal_och_aktiviteter',
      'ingaende_kommuner',
      'regional_samverkan',
      'perspektiv',
      'langsiktighet',
      'uppfoljning',
      'resultatspridning',
      'projektorganisation',
      'avgransning_mot_ordinarie_verksamhet',
    ];
    for (const p of data.projectCases) {
      expect(p.sections.map((s) => s.code)).toEqual(codes);
      for (const s of p.sections) expect(s.text.length).toBeGreaterThan(10);
    }
    const madeUp = data.projectCases.flatMap((p) =>
      p.sections.filter((s) => s.madeUp).map((s) => `${p.key}:${s.code}`),
    );
    expect(madeUp).toEqual(['mind:avgransning_mot_ordinarie_verksamhet']);
  });

  it('have the diarienummer, periods and decision facts of the documents', () => {
    expect(data.projectCases.map((p) => [p.diarienummer, p.period.start, p.period.end])).toEqual([
      ['19RS10041', '2020-01-01', '2021-09-30'],
      ['19RS9282', '2019-11-20', '2020-05-30'],
      ['19RS9565', '2019-12-01', '2020-10-30'],
    ]);
    expect(data.projectCases.map((p) => [p.decision.shareBasisPoints, p.decision.capKronor])).toEqual([
      [5000, 1_675_505],
      [9000, 432_000],
      [1500, 137_725],
    ]);
    for (const p of data.projectCases) {
      expect(p.decision.capKronor).toBe(p.amountAppliedKronor);
      expect([p.decision.earliestStart, p.decision.latestEnd]).toEqual([p.period.start, p.period.end]);
      expect(sum(p.decision.financingFrame.sources.map((s) => s.kronor))).toBe(p.decision.capKronor);
      expect(p.decision.skalTillBeslut).toContain(
        'Enligt inriktningsbeslutet är projektet prioriterat enligt rangordningen',
      );
      expect(p.decision.skalTillBeslut).toContain(p.decision.rank.quote);
      expect(p.decision.skalTillBeslut).toContain(p.rus.areas[0]);
      expect(p.decision.rank.code).toBe('2b');
    }
    expect(project('pan').decision.decidedBy).toMatchObject({
      level: 'namnd',
      meetingDate: '2020-01-22',
      agendaItem: 4,
    });
    expect(project('mind').decision.decisionDate).toBe('2019-11-18');
    expect(project('mind').forstudie && project('kottaberget').forstudie && !project('pan').forstudie).toBe(
      true,
    );
  });

  it('the region money in the financing equals the cap, split 232 000 / 200 000 for MIND', () => {
    const regionMoney = (p: ProjectCase, source: string) =>
      total(p.budget.financing.filter((f) => f.fundingSource === source));
    expect(regionMoney(project('pan'), 'anslag_1_1')).toBe(1_675_505);
    expect(regionMoney(project('pan'), 'rambudget')).toBe(300_000);
    expect(regionMoney(project('mind'), 'anslag_1_1')).toBe(232_000);
    expect(regionMoney(project('mind'), 'rambudget')).toBe(200_000);
    expect(project('mind').decision.financingFrame.sources.map((s) => [s.fundingSource, s.kronor])).toEqual([
      ['anslag_1_1', 232_000],
      ['rambudget', 200_000],
    ]);
    expect(regionMoney(project('kottaberget'), 'anslag_1_1')).toBe(137_725);
  });

  it('delegated projects fall under point 3.2 and its limit; PAN is above it and went to the nämnd', () => {
    const point = data.delegationOrder.points.find((p) => p.point === '3.2');
    expect(point?.limitSource).toBe('default, not in seeds');
    for (const key of ['mind', 'kottaberget']) {
      const d = project(key).decision;
      expect(d.decidedBy).toMatchObject({ level: 'delegation', delegationPoint: '3.2' });
      expect(d.signatories[0].staffKey).toBe(point?.decisionMaker.staffKey);
      expect(d.capKronor).toBeLessThanOrEqual(point?.limitKronor ?? 0);
      expect(d.decisionDate >= '2019-11-01' && d.decisionDate <= '2019-12-03').toBe(true);
    }
    expect(project('pan').decision.capKronor).toBeGreaterThan(point?.limitKronor ?? Infinity);
  });
});

describe('project budgets', () => {
  it('every row adds up to its printed total and the columns to the printed sums', () => {
    for (const p of data.projectCases) {
      const b = p.budget;
      for (const line of [...b.costs, ...b.financing, ...b.inKind]) {
        expect([p.key, line.label, sum(line.perYear.map((y) => y.kronor))]).toEqual([
          p.key,
          line.label,
          line.totalKronor,
        ]);
        expect(line.perYear.map((y) => y.year)).toEqual(b.years);
      }
      for (const y of b.statedTotals.costsPerYear) expect(yearSum(b.costs, y.year)).toBe(y.kronor);
      expect(total(b.costs)).toBe(b.statedTotals.costsTotal);
      for (const y of b.statedTotals.financingPerYear ?? [])
        expect(yearSum(b.financing, y.year)).toBe(y.kronor);
    }
  });

  it('booked costs equal financing in total: 3 351 011, 484 000 and 918 163', () => {
    const totals = data.projectCases.map((p) => [p.key, total(p.budget.costs), total(p.budget.financing)]);
    expect(totals).toEqual([
      ['pan', 3_351_011, 3_351_011],
      ['mind', 484_000, 484_000],
      ['kottaberget', 918_163, 918_163],
    ]);
  });

  it("keeps PAN's per-year difference: 2020 costs 2 408 765 against financing 2 209 382", () => {
    const b = project('pan').budget;
    expect([yearSum(b.costs, 2020), yearSum(b.financing, 2020)]).toEqual([2_408_765, 2_209_382]);
    expect([yearSum(b.costs, 2021), yearSum(b.financing, 2021)]).toEqual([942_246, 1_141_629]);
  });

  it('relates the share and the cap as the decisions do', () => {
    const pay = (key: string) => {
      const p = project(key);
      return Math.min(applyShare(total(p.budget.costs), p.decision.shareBasisPoints), p.decision.capKronor);
    };
    expect(pay('pan')).toBe(1_675_505);
    expect(applyShare(484_000, 9000)).toBe(435_600);
    expect(pay('mind')).toBe(432_000);
    expect(pay('kottaberget')).toBe(137_724);
  });

  it('holds MIND in-kind costs of 60 000 from Möckelnföretagen outside the booked costs', () => {
    const inKind = project('mind').budget.inKind;
    expect(inKind.map((l) => [l.financier, l.totalKronor])).toEqual([['Möckelnföretagen', 60_000]]);
    expect(project('pan').budget.inKind).toEqual([]);
    expect(project('kottaberget').budget.inKind).toEqual([]);
  });

  it('records the corrected typing errors', () => {
    expect(project('pan').seedCorrections.map((c) => [c.asTyped, c.corrected])).toEqual([['75 00', 75_000]]);
    const oru = project('pan').budget.financing.find((f) => f.label === 'Örebro universitet (arbetad tid)');
    expect(oru?.totalKronor).toBe(75_000);
    expect(project('kottaberget').seedCorrections.map((c) => [c.asTyped, c.corrected])).toEqual([
      ['684 120', 648_120],
    ]);
    const tva = project('kottaberget').budget.financing.find((f) => f.financier === 'Tillväxtverket');
    expect(tva?.perYear.find((y) => y.year === 2020)?.kronor).toBe(648_120);
  });
});

describe('the PAN budget as typed', () => {
  const raw = data.panBudgetAsTyped;

  it('keeps the raw strings, including the typo "75 00"', () => {
    expect(raw.header).toEqual(['section', 'label', '2020', '2021', 'Totalt']);
    expect(raw.rows).toHaveLength(15);
    const oru = raw.rows.find((r) => r.label === 'Örebro universitet (arbetad tid)');
    expect(oru?.cells).toEqual(['50 000', '25 000', '75 00']);
  });

  it('is rejected with a message that names the bad cell, and every other cell matches the JSON', () => {
    const bad: string[] = [];
    const pan = project('pan');
    const lines = [...pan.budget.costs, ...pan.budget.financing];
    for (const row of raw.rows) {
      const parsed = row.cells.map((cell) => {
        try {
          return parseKronor(cell);
        } catch (e) {
          bad.push(`${row.label}: ${(e as Error).message}`);
          return null;
        }
      });
      const line = lines.find((l) => l.label === row.label);
      if (row.label === 'Summa bokförda kostnader') {
        expect(parsed).toEqual([2_408_765, 942_246, 3_351_011]);
        continue;
      }
      expect(line).toBeDefined();
      const expected = [...(line?.perYear.map((y) => y.kronor) ?? []), line?.totalKronor];
      expect(parsed.map((v, i) => (v === null ? null : v - (expected[i] ?? NaN)))).toEqual(
        parsed.map((v) => (v === null ? null : 0)),
      );
    }
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatch(/^Örebro universitet \(arbetad tid\): .*"75 00"/);
  });

  it('refuses a table whose row does not match the header', () => {
    expect(() => parseRawBudgetTable('section;label;2020\nA;B;1;2\n')).toThrow(/line 2 has 4 cells/);
  });
});

describe('users', () => {
  it('has one account per role, named as the role, and no passwords', () => {
    expect(data.users.map((u) => [u.username, u.role])).toEqual([
      ['sokande', 'sokande'],
      ['handlaggare', 'handlaggare'],
      ['beslutsfattare', 'beslutsfattare'],
      ['beslutsfattare2', 'beslutsfattare'],
      ['namndsekreterare', 'namndsekreterare'],
      ['admin', 'admin'],
    ]);
    for (const u of data.users) expect(JSON.stringify(u)).not.toMatch(/password|lösenord/i);
    const sokande = data.users[0];
    expect(sokande.organisationsnummer.length).toBeGreaterThanOrEqual(1);
    const points = new Set(data.delegationOrder.points.map((p) => p.point));
    const held = data.users.flatMap((u) => u.delegationPoints);
    expect(new Set(held)).toEqual(points);
  });
});

describe('letter templates', () => {
  const lt = data.letterTemplates;

  it('has one template per letter type', () => {
    expect(lt.templates.map((t) => t.code).sort()).toEqual([
      'foretagsstod_avslag',
      'foretagsstod_bifall',
      'projekt_avslag',
      'projekt_bifall',
    ]);
  });

  it('uses only documented placeholders', () => {
    const used = new Set<string>();
    const collect = (s: string | undefined) => {
      for (const m of (s ?? '').matchAll(/\{\{(\w+)\}\}/g)) used.add(m[1]);
    };
    for (const t of lt.templates) {
      for (const b of t.blocks) {
        collect(b.text);
        collect(b.heading);
        b.items?.forEach(collect);
      }
    }
    collect(data.region.appeal.appealableText);
    collect(data.region.appeal.notAppealableText);
    collect(data.region.appeal.namndDecisionText);
    for (const f of lt.headerFields) f.placeholders.forEach((p) => used.add(p));
    const unknown = [...used].filter((p) => !(p in LETTER_PLACEHOLDERS));
    expect(unknown).toEqual([]);
    expect(used.has('belopp')).toBe(true);
  });

  it('orders the project letter headings as the MIND and Kottaberget letters do', () => {
    const t = lt.templates.find((x) => x.code === 'projekt_bifall');
    const headings = t?.blocks.filter((b) => b.kind === 'heading').map((b) => b.heading);
    expect(headings).toEqual([
      'Beslutet',
      'Sammanfattning',
      'Skäl till beslut',
      'Beskrivning av ärendet',
      'Kostnads- och finansieringsbudget',
      'Hur man överklagar',
    ]);
    expect(t?.blocks[0].kind).toBe('header');
    expect(t?.blocks[t.blocks.length - 1].kind).toBe('signatures');
    expect(lt.headerFields.map((f) => f.label)).toEqual(data.region.letterhead.headerLabels);
    expect(lt.headerFields[0].placeholders).toEqual(['tjanstestalle', 'handlaggare']);
    expect(lt.signatureLine).toBe('För Region Örebro län');
  });

  it('quotes the three standard conditions from the documents', () => {
    expect(lt.standardConditions).toEqual([
      'Beslutet gäller under förutsättning att projektets budget är fullt finansierad.',
      'I samband med genomförandet av projektet ska det framgå att Region Örebro län medfinansierar projektet.',
      'I övrigt gäller Region Örebro läns Allmänna villkor för medfinansiering (beslutades 2019-11-05, dnr 19RS9026)',
    ]);
    for (const p of data.projectCases) {
      expect(p.decision.conditionsAsInSeed[0]).toBe(lt.standardConditions[0]);
      expect(p.decision.conditionsAsInSeed[2]).toContain('Allmänna villkor för medfinansiering');
    }
  });
});
