import { parseAmount, sumAmounts } from './amount';

/** A line of the budget as stored: what the API's case answer gives back. */
export interface StoredLine {
  kind: string;
  code: string;
  label: string | null;
  year: number | null;
  amount: number;
}

/** The project budget as typed: one row per cost category, financier or contributor, one cell per year. */
export interface BudgetDraft {
  costs: Record<string, Record<number, string>>;
  financing: { financier: string; amounts: Record<number, string> }[];
  inKind: { contributor: string; amounts: Record<number, string> }[];
}

/** The calendar years of the project's period, first to last (none when a date is missing or reversed). */
export function yearsOf(
  periodStart: string | null | undefined,
  periodEnd: string | null | undefined,
): number[] {
  const first = Number(periodStart?.slice(0, 4));
  const last = Number(periodEnd?.slice(0, 4));
  if (!first || !last || last < first || last - first > 20) return [];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The stored lines as the table shows them; years outside the period are kept so nothing typed is lost. */
export function budgetDraftOf(lines: readonly StoredLine[]): BudgetDraft {
  const draft: BudgetDraft = { costs: {}, financing: [], inKind: [] };
  for (const l of lines) {
    if (l.year === null) continue;
    const amount = String(l.amount);
    if (l.kind === 'cost') (draft.costs[l.code] ??= {})[l.year] = amount;
    else if (l.kind === 'financing') {
      let row = draft.financing.find((r) => r.financier === l.code);
      if (!row) draft.financing.push((row = { financier: l.code, amounts: {} }));
      row.amounts[l.year] = amount;
    } else if (l.kind === 'in_kind') {
      const who = l.label ?? l.code;
      let row = draft.inKind.find((r) => r.contributor === who);
      if (!row) draft.inKind.push((row = { contributor: who, amounts: {} }));
      row.amounts[l.year] = amount;
    }
  }
  return draft;
}

/** The years the draft has amounts in, besides the period's: a cell typed is never hidden. */
export function yearsShown(period: number[], draft: BudgetDraft): number[] {
  const all = new Set(period);
  const add = (a: Record<number, string>) =>
    Object.keys(a).forEach((y) => a[Number(y)] && all.add(Number(y)));
  Object.values(draft.costs).forEach(add);
  draft.financing.forEach((r) => add(r.amounts));
  draft.inKind.forEach((r) => add(r.amounts));
  return [...all].sort((a, b) => a - b);
}

/** The input id of one cell of the table. */
export const cellId = (table: 'costs' | 'financing' | 'inKind', row: string | number, year: number) =>
  `budget-${table}-${row}-${year}`;

export interface BudgetBody {
  body: {
    costs: { category: string; year: number; amount: number }[];
    financing: { financier: string; year: number; amount: number }[];
    inKind: { contributor: string; year: number; amount: number }[];
  };
  /** For each line sent, the cell it came from: the API names lines by their place in the body. */
  cells: Record<string, string>;
}

/** What the API receives: one line per filled cell; amounts not whole kronor are passed on for the API to name. */
export function budgetBody(draft: BudgetDraft): BudgetBody {
  const cells: Record<string, string> = {};
  const costs: BudgetBody['body']['costs'] = [];
  const financing: BudgetBody['body']['financing'] = [];
  const inKind: BudgetBody['body']['inKind'] = [];
  const amount = (typed: string) => parseAmount(typed) as number;
  for (const [category, amounts] of Object.entries(draft.costs))
    for (const [year, typed] of Object.entries(amounts))
      if (typed.trim()) {
        cells[`budget.costs[${costs.length}]`] = cellId('costs', category, Number(year));
        costs.push({ category, year: Number(year), amount: amount(typed) });
      }
  draft.financing.forEach((row, i) => {
    for (const [year, typed] of Object.entries(row.amounts))
      if (typed.trim()) {
        cells[`budget.financing[${financing.length}]`] = cellId('financing', i, Number(year));
        financing.push({ financier: row.financier, year: Number(year), amount: amount(typed) });
      }
  });
  draft.inKind.forEach((row, i) => {
    for (const [year, typed] of Object.entries(row.amounts))
      if (typed.trim()) {
        cells[`budget.inKind[${inKind.length}]`] = cellId('inKind', i, Number(year));
        inKind.push({ contributor: row.contributor, year: Number(year), amount: amount(typed) });
      }
  });
  return { body: { costs, financing, inKind }, cells };
}

/**
 * The input a problem the API named belongs to: `budget.costs[2].amount` (or `budget.costs.2.amount`)
 * → the cell that line came from; anything else keeps its own id.
 */
export function budgetFieldId(field: string, cells: Record<string, string>): string | undefined {
  const m = /^budget\.(costs|financing|inKind)(?:\[(\d+)\]|\.(\d+))/.exec(field);
  if (!m) return undefined;
  return cells[`budget.${m[1]}[${m[2] ?? m[3]}]`];
}

export interface BudgetTotals {
  costsByYear: Record<number, number>;
  financingByYear: Record<number, number>;
  inKindByYear: Record<number, number>;
  costs: number;
  financing: number;
  inKind: number;
  /** financing − costs: what the sentence under the table says in words. */
  difference: number;
}

/** The running totals beside the table, of the cells that hold whole kronor. */
export function budgetTotals(draft: BudgetDraft, years: number[]): BudgetTotals {
  const byYear = (rows: Record<number, string>[]) =>
    Object.fromEntries(years.map((y) => [y, sumAmounts(rows.map((r) => r[y] ?? ''))]));
  const costRows = Object.values(draft.costs);
  const financingRows = draft.financing.map((r) => r.amounts);
  const inKindRows = draft.inKind.map((r) => r.amounts);
  const all = (rows: Record<number, string>[]) => sumAmounts(rows.flatMap((r) => Object.values(r)));
  const costs = all(costRows);
  const financing = all(financingRows);
  return {
    costsByYear: byYear(costRows),
    financingByYear: byYear(financingRows),
    inKindByYear: byYear(inKindRows),
    costs,
    financing,
    inKind: all(inKindRows),
    difference: financing - costs,
  };
}

/** The sum of one row across the years. */
export const rowSum = (amounts: Record<number, string>) => sumAmounts(Object.values(amounts));
