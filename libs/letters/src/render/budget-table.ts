/**
 * The cost and financing budget: one table per kind (bokförda kostnader, finansiering, in natura), the
 * calendar years as columns and a total column. A table that reaches the bottom of a page goes on on the
 * next one under a repeated header row.
 */
import { formatKronor, type Kronor, sum } from '@anslag/money';
import type { BudgetRow, BudgetTable, LetterBudget } from './letter-model';
import { body, bold, BOTTOM, CONTENT_WIDTH, type Doc, LEFT, placeRight, SIZE } from './style';

const PADDING = 2;
const RULE = '#777777';

interface Columns {
  readonly labelWidth: number;
  /** The right edge of each amount column: the years, then the total. */
  readonly rights: readonly number[];
  readonly headers: readonly string[];
}

function columns(budget: LetterBudget, totalLabel: string): Columns {
  const count = budget.years.length + 1;
  const width = Math.min(72, (CONTENT_WIDTH * 0.6) / count);
  const rights = Array.from({ length: count }, (_, i) => LEFT + CONTENT_WIDTH - (count - 1 - i) * width);
  return {
    labelWidth: CONTENT_WIDTH - count * width - 6,
    rights,
    headers: [...budget.years.map(String), totalLabel],
  };
}

function amount(value: Kronor | null): string {
  return value === null ? '' : formatKronor(value, { unit: false });
}

function rule(doc: Doc, y: number, weight: number): void {
  doc
    .moveTo(LEFT, y)
    .lineTo(LEFT + CONTENT_WIDTH, y)
    .lineWidth(weight)
    .strokeColor(RULE)
    .stroke();
}

function rowHeight(doc: Doc, label: string, cols: Columns): number {
  return doc.heightOfString(label, { width: cols.labelWidth }) + 2 * PADDING;
}

type RowKind = 'group' | 'data' | 'total';

/** One row: the label (wrapping if long) and right-aligned cells; starts a new page if it does not fit. */
function row(
  doc: Doc,
  label: string,
  cells: readonly string[],
  cols: Columns,
  kind: RowKind,
  redraw: () => void,
) {
  const font = kind === 'data' ? body : bold;
  font(doc, SIZE.table);
  const height = rowHeight(doc, label, cols);
  if (doc.y + height > BOTTOM) {
    doc.addPage();
    redraw();
    font(doc, SIZE.table);
  }
  const top = doc.y;
  if (kind === 'total') rule(doc, top, 0.5);
  doc.text(label, LEFT, top + PADDING, { width: cols.labelWidth });
  cells.forEach((cell, i) => cell && placeRight(doc, cell, cols.rights[i], top + PADDING));
  doc.y = top + height;
}

function headerRow(doc: Doc, table: BudgetTable, cols: Columns): void {
  bold(doc, SIZE.table);
  const top = doc.y;
  doc.text(table.heading, LEFT, top + PADDING, { width: cols.labelWidth });
  cols.headers.forEach((text, i) => placeRight(doc, text, cols.rights[i], top + PADDING));
  doc.y = Math.max(doc.y, top + rowHeight(doc, table.heading, cols));
  rule(doc, doc.y, 0.8);
}

function rowCells(values: readonly (Kronor | null)[]): string[] {
  const present = values.filter((v): v is Kronor => v !== null);
  return [...values.map(amount), amount(sum(present))];
}

function columnTotals(table: BudgetTable, years: number): (Kronor | null)[] {
  const rows: BudgetRow[] = table.groups.flatMap((g) => [...g.rows]);
  return Array.from({ length: years }, (_, i) => sum(rows.map((r) => r.amounts[i] ?? 0)));
}

/** The whole table's height when drawn on one page. */
function tableHeight(doc: Doc, table: BudgetTable, cols: Columns): number {
  bold(doc, SIZE.table);
  let height = rowHeight(doc, table.heading, cols);
  for (const group of table.groups) {
    bold(doc, SIZE.table);
    if (group.label) height += rowHeight(doc, group.label, cols);
    body(doc, SIZE.table);
    for (const r of group.rows) height += rowHeight(doc, r.label, cols);
  }
  bold(doc, SIZE.table);
  if (table.totalLabel !== null) height += rowHeight(doc, table.totalLabel, cols);
  return height;
}

/** `keep`: the height of what must stay on the page with the table (the signatures after the last one). */
function drawTable(doc: Doc, budget: LetterBudget, table: BudgetTable, totalLabel: string, keep = 0): void {
  const cols = columns(budget, totalLabel);
  const whole = keep > 0 ? tableHeight(doc, table, cols) + keep : 0;
  bold(doc, SIZE.table);
  const firstRows = rowHeight(doc, table.heading, cols) + 2 * (SIZE.table * 1.2 + 2 * PADDING);
  const page = BOTTOM - doc.page.margins.top;
  if (doc.y + firstRows > BOTTOM || (whole > 0 && whole < page && doc.y + whole > BOTTOM)) doc.addPage();
  const redraw = () => headerRow(doc, table, cols);
  redraw();
  for (const group of table.groups) {
    if (group.label) row(doc, group.label, [], cols, 'group', redraw);
    for (const r of group.rows) row(doc, r.label, rowCells(r.amounts), cols, 'data', redraw);
  }
  if (table.totalLabel !== null) {
    const totals = rowCells(columnTotals(table, budget.years.length));
    row(doc, table.totalLabel, totals, cols, 'total', redraw);
  }
  doc.moveDown(0.5);
}

export function drawBudget(doc: Doc, budget: LetterBudget, totalLabel: string, keep = 0): void {
  budget.tables.forEach((table, i) =>
    drawTable(doc, budget, table, totalLabel, i === budget.tables.length - 1 ? keep : 0),
  );
}
