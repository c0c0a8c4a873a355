import { shareOf, sum } from '@anslag/money';
import type { ErrorDetail } from '@anslag/common';

export interface BudgetLineInput {
  kind: 'cost' | 'financing' | 'in_kind';
  code: string;
  year: number | null;
  amount: number;
}

export interface YearSummary {
  year: number;
  costs: number;
  financing: number;
  /** financing − costs; per-year differences are allowed and shown. */
  difference: number;
}

export interface BudgetSummary {
  years: YearSummary[];
  costsTotal: number;
  financingTotal: number;
  inKindTotal: number;
  balanced: boolean;
  /** What the application asks of the region: the financing lines of the region's grant sources. */
  askedOfRegion: number;
  /** askedOfRegion as a share of the booked costs, basis points rounded up. */
  askedShareBp: number | null;
}

/** Derives totals per year and overall; nothing here is typed twice by the applicant. */
export function summariseBudget(
  lines: readonly BudgetLineInput[],
  regionGrantCodes: ReadonlySet<string>,
): BudgetSummary {
  const byYear = new Map<number, YearSummary>();
  for (const l of lines) {
    if (l.year === null || l.kind === 'in_kind') continue;
    const y = byYear.get(l.year) ?? { year: l.year, costs: 0, financing: 0, difference: 0 };
    if (l.kind === 'cost') y.costs += l.amount;
    else y.financing += l.amount;
    y.difference = y.financing - y.costs;
    byYear.set(l.year, y);
  }
  const of = (kind: BudgetLineInput['kind']) =>
    sum(lines.filter((l) => l.kind === kind).map((l) => l.amount));
  const costsTotal = of('cost');
  const financingTotal = of('financing');
  const askedOfRegion = sum(
    lines.filter((l) => l.kind === 'financing' && regionGrantCodes.has(l.code)).map((l) => l.amount),
  );
  return {
    years: [...byYear.values()].sort((a, b) => a.year - b.year),
    costsTotal,
    financingTotal,
    inKindTotal: of('in_kind'),
    balanced: costsTotal === financingTotal,
    askedOfRegion,
    askedShareBp: costsTotal > 0 ? shareOf(askedOfRegion, costsTotal) : null,
  };
}

export interface BudgetContext {
  periodStart: string | null;
  periodEnd: string | null;
  costCategories: ReadonlySet<string>;
  financiers: ReadonlySet<string>;
}

/** Checks lines against the period and the catalogues; the field names point into the request body. */
export function checkBudgetLines(
  lines: readonly (BudgetLineInput & { field: string })[],
  ctx: BudgetContext,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const first = ctx.periodStart ? Number(ctx.periodStart.slice(0, 4)) : null;
  const last = ctx.periodEnd ? Number(ctx.periodEnd.slice(0, 4)) : null;
  for (const l of lines) {
    if (l.year !== null && first !== null && last !== null && (l.year < first || l.year > last)) {
      problems.push({
        field: `${l.field}.year`,
        problem: `år ${l.year} ligger utanför projektperioden ${first}–${last}`,
      });
    }
    if (l.kind === 'cost' && !ctx.costCategories.has(l.code)) {
      problems.push({
        field: `${l.field}.category`,
        problem: `okänd kostnadskategori "${l.code}"`,
        allowed: [...ctx.costCategories],
      });
    }
    if (l.kind === 'financing' && !ctx.financiers.has(l.code)) {
      problems.push({
        field: `${l.field}.financier`,
        problem: `okänd finansiär "${l.code}"`,
        allowed: [...ctx.financiers],
      });
    }
  }
  return problems;
}
