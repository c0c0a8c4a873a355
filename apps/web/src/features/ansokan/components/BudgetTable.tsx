import type { ReactNode } from 'react';
import { Button, Fieldset, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { FieldError } from '../../../api/errors';
import { errorFor } from '../../../components/FormErrorSummary';
import { TableScroll } from '../../../components/TableScroll';
import { formatKronor } from '../../../format';
import { svAnsokan } from '../../../text/sv-ansokan';
import { cellId, rowSum, type BudgetTotals } from '../budget';

const t = svAnsokan;

/** One row of a budget table: what it is, its amounts per year as typed, and how they change. */
export interface BudgetRow {
  /** The row's place in the body's ids (a cost category's code, or the row's index). */
  key: string | number;
  /** The row's name, shown as its header, unless the row has a control to choose or type it. */
  name: string;
  /** The input that chooses or types what the row is; without one the name heads the row. */
  control?: ReactNode;
  amounts: Record<number, string>;
  setAmount: (year: number, value: string) => void;
  /** Rows that may be removed have a button for it in their last cell. */
  remove?: () => void;
}

type Kind = 'costs' | 'financing' | 'inKind';

/** Each table's legend (also its caption and its scrolling box's name), first column and sum row. */
const TEXTS: Record<Kind, { title: string; heading: string; sum: string; description?: string }> = {
  costs: { title: t.costsTable, heading: t.category, sum: t.costsSum },
  financing: { title: t.financingTable, heading: t.financier, sum: t.financingSum },
  inKind: { title: t.inKindTable, heading: t.contributor, sum: t.inKindSum, description: t.inKindHint },
};

/**
 * A budget table in its own fieldset (costs, financing or contributions in kind): an amount per row and
 * year, each row's sum, the sums per year in the foot, and an optional button that adds a row. The API's
 * problems with the whole table are shown under its legend, those with a cell at the cell.
 */
export function BudgetTable({
  table,
  years,
  rows,
  totals,
  errors,
  hideWhenEmpty = false,
  add,
}: {
  table: Kind;
  years: number[];
  rows: BudgetRow[];
  totals: BudgetTotals;
  errors: FieldError[];
  hideWhenEmpty?: boolean;
  add?: { label: string; onClick: () => void };
}) {
  const { title, heading, description } = TEXTS[table];
  const error = errorFor(errors, `budget-${table}`);
  const sum = { label: TEXTS[table].sum, byYear: totals[`${table}ByYear`], total: totals[table] };
  const removable = rows.some((r) => r.remove) || !!add;
  return (
    <Fieldset id={`budget-${table}`} tabIndex={-1}>
      <Fieldset.Legend>{title}</Fieldset.Legend>
      {description && <Fieldset.Description>{description}</Fieldset.Description>}
      {error && <ValidationMessage>{error}</ValidationMessage>}
      {(rows.length > 0 || !hideWhenEmpty) && (
        <TableScroll label={title}>
          <Table className="budget-table">
            <caption className="visually-hidden">{title}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{heading}</Table.HeaderCell>
                {years.map((y) => (
                  <Table.HeaderCell key={y} className="num">
                    {y}
                  </Table.HeaderCell>
                ))}
                <Table.HeaderCell className="num">{t.sum}</Table.HeaderCell>
                {removable ? (
                  <Table.HeaderCell>
                    <span className="visually-hidden">{t.change}</span>
                  </Table.HeaderCell>
                ) : (
                  <Table.HeaderCell />
                )}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((row, i) => (
                <Table.Row key={row.key}>
                  {row.control ? (
                    <Table.Cell>{row.control}</Table.Cell>
                  ) : (
                    <Table.HeaderCell scope="row">{row.name}</Table.HeaderCell>
                  )}
                  {years.map((y) => {
                    const id = cellId(table, row.key, y);
                    return (
                      <Table.Cell key={y}>
                        <Textfield
                          id={id}
                          aria-label={t.amountIn(row.name, y)}
                          inputMode="numeric"
                          suffix="kr"
                          value={row.amounts[y] ?? ''}
                          onChange={(e) => row.setAmount(y, e.target.value)}
                          error={errorFor(errors, id)}
                        />
                      </Table.Cell>
                    );
                  })}
                  <Table.Cell className="num">{formatKronor(rowSum(row.amounts))}</Table.Cell>
                  {row.remove ? (
                    <Table.Cell>
                      <Button type="button" variant="tertiary" data-size="sm" onClick={row.remove}>
                        {t.removeRow(i + 1)}
                      </Button>
                    </Table.Cell>
                  ) : (
                    <Table.Cell />
                  )}
                </Table.Row>
              ))}
            </Table.Body>
            <Table.Foot>
              <Table.Row>
                <Table.HeaderCell scope="row">{sum.label}</Table.HeaderCell>
                {years.map((y) => (
                  <Table.Cell key={y} className="num">
                    {formatKronor(sum.byYear[y] ?? 0)}
                  </Table.Cell>
                ))}
                <Table.Cell className="num">{formatKronor(sum.total)}</Table.Cell>
                <Table.Cell />
              </Table.Row>
            </Table.Foot>
          </Table>
        </TableScroll>
      )}
      {add && (
        <Button type="button" variant="secondary" onClick={add.onClick}>
          {add.label}
        </Button>
      )}
    </Fieldset>
  );
}
