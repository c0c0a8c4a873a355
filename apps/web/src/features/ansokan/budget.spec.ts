import { budgetBody, budgetDraftOf, budgetFieldId, budgetTotals, yearsOf, yearsShown } from './budget';

describe('the project budget as typed', () => {
  it('has one column per calendar year of the period', () => {
    expect(yearsOf('2030-03-01', '2031-12-31')).toEqual([2030, 2031]);
    expect(yearsOf('2030-03-01', null)).toEqual([]);
    expect(yearsOf('2031-01-01', '2030-12-31')).toEqual([]);
  });

  it('reads stored lines back into rows and cells, and keeps years outside the period', () => {
    const draft = budgetDraftOf([
      { kind: 'cost', code: 'egen_personal', label: null, year: 2030, amount: 400_000 },
      { kind: 'financing', code: 'egen_insats', label: null, year: 2030, amount: 100_000 },
      { kind: 'financing', code: 'egen_insats', label: null, year: 2031, amount: 50_000 },
      { kind: 'in_kind', code: 'Företagen', label: null, year: 2031, amount: 7_000 },
    ]);
    expect(draft.costs).toEqual({ egen_personal: { 2030: '400000' } });
    expect(draft.financing).toEqual([
      { financier: 'egen_insats', amounts: { 2030: '100000', 2031: '50000' } },
    ]);
    expect(draft.inKind).toEqual([{ contributor: 'Företagen', amounts: { 2031: '7000' } }]);
    expect(yearsShown([2030], draft)).toEqual([2030, 2031]);
  });

  it('sends one line per filled cell and knows which cell a problem the API names belongs to', () => {
    const { body, cells } = budgetBody({
      costs: { egen_personal: { 2030: '400 000', 2031: '' }, resor_och_logi: { 2031: '12,5' } },
      financing: [{ financier: 'anslag_1_1', amounts: { 2030: '200000' } }],
      inKind: [],
    });
    expect(body.costs).toEqual([
      { category: 'egen_personal', year: 2030, amount: 400_000 },
      { category: 'resor_och_logi', year: 2031, amount: '12,5' },
    ]);
    expect(budgetFieldId('budget.costs[1].amount', cells)).toBe('budget-costs-resor_och_logi-2031');
    expect(budgetFieldId('budget.financing.0.amount', cells)).toBe('budget-financing-0-2030');
    expect(budgetFieldId('periodStart', cells)).toBeUndefined();
  });

  it('totals costs and financing per year and says how far apart they are', () => {
    const t = budgetTotals(
      {
        costs: { egen_personal: { 2030: '300000', 2031: '100000' } },
        financing: [{ financier: 'anslag_1_1', amounts: { 2030: '350 000' } }],
        inKind: [{ contributor: 'X', amounts: { 2031: '5000' } }],
      },
      [2030, 2031],
    );
    expect(t.costsByYear).toEqual({ 2030: 300_000, 2031: 100_000 });
    expect(t.financingByYear).toEqual({ 2030: 350_000, 2031: 0 });
    expect(t.difference).toBe(-50_000);
    expect(t.inKind).toBe(5_000);
  });
});
