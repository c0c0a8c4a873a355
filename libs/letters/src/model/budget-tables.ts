/** The cost, financing and in-kind tables of a letter, per calendar year, from the case's budget lines. */
import type { BudgetGroup, BudgetRow, BudgetTable, LetterBudget } from '../render/letter-model';
import type { LetterBudgetLineData, LetterTemplateSet } from './letter-input';

/** Rows in the order their first line appears; one amount per year (null for an empty cell). */
function rows(lines: readonly LetterBudgetLineData[], years: readonly number[]): BudgetRow[] {
  const byKey = new Map<string, { label: string; amounts: (number | null)[] }>();
  for (const line of lines) {
    if (line.year === null) continue;
    const label = line.label ?? line.code;
    const key = `${line.code}\u0000${label}`;
    let row = byKey.get(key);
    if (!row) {
      row = { label, amounts: years.map(() => null) };
      byKey.set(key, row);
    }
    const i = years.indexOf(line.year);
    row.amounts[i] = (row.amounts[i] ?? 0) + line.amount;
  }
  return [...byKey.values()];
}

export function budgetTables(
  lines: readonly LetterBudgetLineData[],
  titles: LetterTemplateSet['budgetTableTitles'],
): LetterBudget | null {
  const years = [...new Set(lines.map((l) => l.year).filter((y): y is number => y !== null))].sort(
    (a, b) => a - b,
  );
  if (years.length === 0) return null;
  const of = (kind: LetterBudgetLineData['kind']) => lines.filter((l) => l.kind === kind);
  const tables: BudgetTable[] = [
    { heading: titles.costs, groups: [{ rows: rows(of('cost'), years) }], totalLabel: titles.costsSum },
  ];
  const financing = of('financing');
  const groups: BudgetGroup[] = [
    {
      label: titles.publicFinancing,
      rows: rows(
        financing.filter((l) => l.sector === 'offentlig'),
        years,
      ),
    },
    {
      label: titles.privateFinancing,
      rows: rows(
        financing.filter((l) => l.sector === 'privat'),
        years,
      ),
    },
    {
      rows: rows(
        financing.filter((l) => l.sector !== 'offentlig' && l.sector !== 'privat'),
        years,
      ),
    },
  ].filter((g) => g.rows.length > 0);
  if (groups.length > 0) tables.push({ heading: titles.financing, groups, totalLabel: titles.financingSum });
  const inKind = rows(of('in_kind'), years);
  if (inKind.length > 0)
    tables.push({ heading: titles.inKind, groups: [{ rows: inKind }], totalLabel: null });
  return { years, tables };
}
