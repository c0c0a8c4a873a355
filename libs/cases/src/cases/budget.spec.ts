import { checkBudgetLines, summariseBudget } from './budget';

describe('budget', () => {
  // PAN (seeds/03): both totals 3 351 011, yet 2020 has costs 2 408 765 and financing 2 209 382.
  const pan = [
    { kind: 'cost' as const, code: 'egen_personal', year: 2020, amount: 2_408_765 },
    { kind: 'cost' as const, code: 'egen_personal', year: 2021, amount: 942_246 },
    { kind: 'financing' as const, code: 'region_1_1', year: 2020, amount: 1_104_691 },
    { kind: 'financing' as const, code: 'kommuner', year: 2020, amount: 1_104_691 },
    { kind: 'financing' as const, code: 'region_1_1', year: 2021, amount: 570_814 },
    { kind: 'financing' as const, code: 'kommuner', year: 2021, amount: 570_815 },
  ];

  it('balances on totals while showing per-year differences', () => {
    const s = summariseBudget(pan, new Set(['region_1_1']));
    expect(s.costsTotal).toBe(3_351_011);
    expect(s.financingTotal).toBe(3_351_011);
    expect(s.balanced).toBe(true);
    expect(s.years[0]).toEqual({ year: 2020, costs: 2_408_765, financing: 2_209_382, difference: -199_383 });
    expect(s.askedOfRegion).toBe(1_675_505);
    expect(s.askedShareBp).toBe(5000);
  });

  it('is not balanced when totals differ, and keeps in-kind outside', () => {
    const s = summariseBudget(
      [
        { kind: 'cost', code: 'x', year: 2020, amount: 484_000 },
        { kind: 'financing', code: 'y', year: 2020, amount: 432_000 },
        { kind: 'in_kind', code: 'Möckelnföretagen', year: 2020, amount: 60_000 },
      ],
      new Set(['y']),
    );
    expect(s.balanced).toBe(false);
    expect(s.inKindTotal).toBe(60_000);
    expect(s.askedShareBp).toBe(8926);
  });

  it('names lines outside the period or the catalogues', () => {
    const problems = checkBudgetLines(
      [
        { kind: 'cost', code: 'egen_personal', year: 2023, amount: 1, field: 'costs[0]' },
        { kind: 'financing', code: 'okand', year: 2020, amount: 1, field: 'financing[0]' },
      ],
      {
        periodStart: '2020-01-01',
        periodEnd: '2021-12-31',
        costCategories: new Set(['egen_personal']),
        financiers: new Set(['region_1_1']),
      },
    );
    expect(problems).toEqual([
      { field: 'costs[0].year', problem: 'år 2023 ligger utanför projektperioden 2020–2021' },
      { field: 'financing[0].financier', problem: 'okänd finansiär "okand"', allowed: ['region_1_1'] },
    ]);
  });
});
