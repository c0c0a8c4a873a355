import { evaluate } from './evaluate';
import { windowStart } from './firm/de-minimis';
import { firmCase, kr, org, ruleSet2019, rus2018 } from './spec-fixtures';
import type { DeMinimisAid, Evaluation } from './types';

const rs = ruleSet2019();
const rus = rus2018();
const [old1407, new2831] = rs.deMinimis.regimes;
const eur = (amount: number, date: string): DeMinimisAid => ({
  date,
  amount,
  currency: 'EUR',
  grantor: 'Tillväxtverket',
});
const mikro = (decisionDate: string, deMinimis: DeMinimisAid[], fiscalYearStartMonth?: number): Evaluation =>
  evaluate(
    firmCase({
      decisionDate,
      plannedStart: decisionDate,
      receivedAt: '2019-01-02T09:00:00Z',
      history: { grants: [], deMinimis },
      organisation: org({ fiscalYearStartMonth }),
    }),
    rs,
    rus,
  );
const dm = (e: Evaluation) => e.checks.find((c) => c.rule === 'de_minimis');

describe('de minimis windows', () => {
  it('1407/2013: the current and the two previous fiscal years', () => {
    expect(windowStart(old1407, '2019-06-15')).toBe('2017-01-01');
    expect(windowStart(old1407, '2019-06-15', 7)).toBe('2016-07-01');
    expect(windowStart(old1407, '2023-12-31')).toBe('2021-01-01');
  });

  it('2023/2831: the three years ending on the decision day', () => {
    expect(windowStart(new2831, '2024-01-01')).toBe('2021-01-02');
    expect(windowStart(new2831, '2024-06-15')).toBe('2021-06-16');
    expect(windowStart(new2831, '2024-02-29')).toBe('2021-03-01');
  });

  it('counts aid inside the fiscal window and not before it', () => {
    expect(mikro('2019-06-15', [eur(200_000, '2016-12-31')]).outcome).toBe('eligible');
    const e = mikro('2019-06-15', [eur(200_000, '2017-01-01')]);
    expect(e.outcome).toBe('not_eligible');
    expect(e.deMinimis).toMatchObject({
      regime: '(EU) nr 1407/2013',
      windowFrom: '2017-01-01',
      usedEur: 200_000,
      roomEur: 0,
    });
  });

  it('follows a fiscal year that does not start in January', () => {
    expect(mikro('2019-06-15', [eur(200_000, '2016-08-01')], 7).outcome).toBe('not_eligible');
    expect(mikro('2019-06-15', [eur(200_000, '2016-06-30')], 7).outcome).toBe('eligible');
  });

  it('counts aid inside the rolling window and not the day before', () => {
    expect(mikro('2024-06-15', [eur(300_000, '2021-06-15')]).outcome).toBe('eligible');
    const e = mikro('2024-06-15', [eur(300_000, '2021-06-16')]);
    expect(e.outcome).toBe('not_eligible');
    expect(e.deMinimis).toMatchObject({
      regime: '(EU) 2023/2831',
      ceilingEur: 300_000,
      windowFrom: '2021-06-16',
    });
  });
});

describe('de minimis ceiling', () => {
  it("converts the room to kronor at the month's rate (InforEuro June 2019: 10.63 SEK/EUR)", () => {
    const e = mikro('2019-06-15', [eur(190_000, '2018-03-01')]);
    expect(e.deMinimis).toMatchObject({
      usedEur: 190_000,
      roomEur: 10_000,
      orePerEur: 1063,
      rateFrom: '2019-06-01',
      roomSek: 106_300,
    });
    expect(e.maxGrant.terms.find((t) => t.term === 'de_minimis')?.amount).toBe(106_300);
    expect(e.maxGrant.amount).toBe(30_000);
  });

  it('converts earlier aid in kronor at the rate of its own date, rounding up', () => {
    const sek: DeMinimisAid = {
      date: '2018-03-01',
      amount: 2_000_000,
      currency: 'SEK',
      grantor: 'Region Örebro län',
    };
    const e = mikro('2019-06-15', [sek]);
    expect(e.deMinimis).toMatchObject({ usedEur: 199_402, roomEur: 598, roomSek: 6_356 });
  });

  it('gives a grant that just fits, and refuses one that would pass the ceiling, not even in part', () => {
    const fits = mikro('2019-06-15', [eur(197_177, '2018-03-01')]);
    expect(fits.deMinimis?.roomSek).toBe(30_008);
    expect(fits.outcome).toBe('eligible');
    expect(fits.maxGrant.amount).toBe(30_000);
    const over = mikro('2019-06-15', [eur(197_178, '2018-03-01')]);
    expect(over.deMinimis?.roomSek).toBe(29_997);
    expect(over.outcome).toBe('not_eligible');
    expect(over.maxGrant.amount).toBe(0);
    expect(dm(over)?.reason).toContain(
      `Ett stöd på ${kr('30 000')} skulle överskrida taket enligt (EU) nr 1407/2013 och kan inte ges, inte ens delvis.`,
    );
    expect(dm(over)?.ref).toBe('Kommissionens förordning (EU) nr 1407/2013, artikel 3.2');
  });

  it('applies 200 000 euro until 2023-12-31 and 300 000 euro from 2024-01-01', () => {
    const aid = [eur(280_000, '2022-01-01')];
    const before = mikro('2023-12-31', aid);
    expect(before.outcome).toBe('not_eligible');
    expect(before.deMinimis).toMatchObject({ regime: '(EU) nr 1407/2013', ceilingEur: 200_000, roomEur: 0 });
    const after = mikro('2024-01-01', aid);
    expect(after.outcome).toBe('eligible');
    expect(after.deMinimis).toMatchObject({
      regime: '(EU) 2023/2831',
      roomEur: 20_000,
      orePerEur: 1110,
      roomSek: 222_000,
    });
  });

  it('refuses when the declaration holds an amount that is not whole', () => {
    expect(mikro('2019-06-15', [eur(10.5, '2018-03-01')]).outcome).toBe('not_eligible');
  });

  it('refuses when no rate is configured for the decision date', () => {
    const noRates = { ...rs, deMinimis: { ...rs.deMinimis, exchangeRates: [] } };
    const e = evaluate(firmCase(), noRates, rus);
    expect(e.outcome).toBe('not_eligible');
    expect(dm(e)?.reason).toContain('växelkurs');
  });
});

describe('de minimis done properly', () => {
  const sek = (amount: number, date: string, regulation?: string): DeMinimisAid => ({
    date,
    amount,
    currency: 'SEK',
    grantor: 'Region',
    regulation,
  });

  it("converts each earlier aid at its own grant month's rate (June and July 2019 differ)", () => {
    const june = mikro('2019-11-15', [sek(1_063_000, '2019-06-30')]);
    const july = mikro('2019-11-15', [sek(1_063_000, '2019-07-01')]);
    expect(june.deMinimis?.usedEur).toBe(100_000); // 10.63
    expect(july.deMinimis?.usedEur).toBe(101_046); // 10.52, rounded up
    expect(june.deMinimis).toMatchObject({ orePerEur: 1073, rateFrom: '2019-11-01' });
  });

  it('refuses when the month of the decision or of an earlier aid has no loaded rate', () => {
    const gap = structuredClone(rs);
    gap.deMinimis.exchangeRates = gap.deMinimis.exchangeRates.filter((r) => r.from !== '2019-07-01');
    const aid = evaluate(
      firmCase({ history: { grants: [], deMinimis: [sek(10_000, '2019-07-15')] } }),
      gap,
      rus,
    );
    expect(aid.outcome).toBe('not_eligible');
    expect(dm(aid)?.reason).toContain('2019-07, den månad ett tidigare stöd beviljades');
    const decision = evaluate(firmCase({ decisionDate: '2019-07-10' }), gap, rus);
    expect(dm(decision)?.reason).toContain('InforEuro) är inläst för 2019-07');
  });

  it('checks each ceiling against its own aid: SGEI aid does not fill the general ceiling', () => {
    const sgei: DeMinimisAid = { ...eur(300_000, '2019-01-10'), regulation: '(EU) nr 360/2012' };
    const e = mikro('2019-06-15', [sgei, eur(100_000, '2019-01-10')]);
    expect(e.outcome).toBe('eligible');
    expect(e.deMinimis?.usedEur).toBe(100_000);
    // … but general aid counts toward the SGEI ceiling of 500 000 euro as well.
    expect(e.deMinimis?.ceilings.map((c) => [c.regime, c.usedEur])).toEqual([
      ['(EU) nr 1407/2013', 100_000],
      ['(EU) nr 360/2012', 400_000],
    ]);
    const both = mikro('2019-06-15', [{ ...sgei, amount: 399_000 }, eur(100_000, '2019-01-10')]);
    expect(both.deMinimis?.roomSek).toBe(10_630);
    expect(both.outcome).toBe('not_eligible');
    // Agricultural de minimis (1408/2013) counts toward the general ceiling.
    const agri = mikro('2019-06-15', [{ ...eur(200_000, '2019-01-10'), regulation: '(EU) nr 1408/2013' }]);
    expect(agri.outcome).toBe('not_eligible');
  });

  it('words the room for the single undertaking the applicant forms with linked companies', () => {
    const e = evaluate(
      firmCase({
        singleUndertaking: ['Moderbolaget AB (556000-0001)'],
        history: { grants: [], deMinimis: [{ ...eur(50_000, '2019-02-01'), recipient: 'Moderbolaget AB' }] },
      }),
      rs,
      rus,
    );
    expect(e.deMinimis?.usedEur).toBe(50_000);
    expect(dm(e)?.reason).toContain(
      'det enda företaget (sökanden tillsammans med Moderbolaget AB (556000-0001))',
    );
  });

  it('2024 transition: 1407/2013 may still be named until 2024-06-30, not after', () => {
    const named = (decisionDate: string) =>
      evaluate(firmCase({ decisionDate, plannedStart: '2024-12-01', euBasis: '(EU) nr 1407/2013' }), rs, rus);
    const inside = named('2024-06-30');
    expect(inside.outcome).toBe('eligible');
    expect(inside.deMinimis).toMatchObject({
      regime: '(EU) nr 1407/2013',
      ceilingEur: 200_000,
      centralRegister: false,
    });
    expect(inside.legalBasis.map((b) => b.code)).toContain('(EU) nr 1407/2013');
    const after = named('2024-07-01');
    expect(after.outcome).toBe('not_eligible');
    expect(after.checks.find((c) => c.rule === 'legal_basis')?.reason).toContain(
      'övergångstiden slutade 2024-06-30',
    );
    const unnamed = evaluate(firmCase({ decisionDate: '2024-06-30', plannedStart: '2024-12-01' }), rs, rus);
    expect(unnamed.deMinimis).toMatchObject({ regime: '(EU) 2023/2831', ceilingEur: 300_000 });
  });

  it('marks decisions for the central de minimis register from 2026-01-01', () => {
    const on = (decisionDate: string) =>
      evaluate(firmCase({ decisionDate, plannedStart: '2026-12-01' }), rs, rus).deMinimis?.centralRegister;
    expect(on('2025-12-31')).toBe(false);
    expect(on('2026-01-01')).toBe(true);
  });
});
