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
  it('converts the room to kronor at the configured rate (10.59 SEK/EUR in 2019)', () => {
    const e = mikro('2019-06-15', [eur(190_000, '2018-03-01')]);
    expect(e.deMinimis).toMatchObject({
      usedEur: 190_000,
      roomEur: 10_000,
      orePerEur: 1059,
      roomSek: 105_900,
    });
    expect(e.maxGrant.terms.find((t) => t.term === 'de_minimis')?.amount).toBe(105_900);
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
    expect(e.deMinimis).toMatchObject({ usedEur: 194_932, roomEur: 5_068, roomSek: 53_670 });
  });

  it('gives a grant that just fits, and refuses one that would pass the ceiling, not even in part', () => {
    const fits = mikro('2019-06-15', [eur(197_167, '2018-03-01')]);
    expect(fits.deMinimis?.roomSek).toBe(30_001);
    expect(fits.outcome).toBe('eligible');
    expect(fits.maxGrant.amount).toBe(30_000);
    const over = mikro('2019-06-15', [eur(197_168, '2018-03-01')]);
    expect(over.deMinimis?.roomSek).toBe(29_990);
    expect(over.outcome).toBe('not_eligible');
    expect(over.maxGrant.amount).toBe(0);
    expect(dm(over)?.reason).toContain(
      `Ett stöd på ${kr('30 000')} skulle överskrida taket och kan inte ges, inte ens delvis.`,
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
      orePerEur: 1143,
      roomSek: 228_600,
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
