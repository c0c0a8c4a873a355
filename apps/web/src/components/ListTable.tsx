import type { ReactNode } from 'react';
import { Table } from '@digdir/designsystemet-react';
import { TableScroll } from './TableScroll';

/** A column's heading: its text, and whether it holds amounts (right-aligned). */
export type Column = string | { label: string; num?: boolean };

/**
 * A list of things as a table in its own scrolling box: the caption (only for screen readers unless
 * `caption` is given to show), one heading per column, and the rows the page renders as children. With
 * `actions`, a last column holds each row's buttons, its heading heard only by screen readers.
 * Compact and striped, as the staff's lists are, unless `plain`.
 */
export function ListTable({
  label,
  caption,
  columns,
  actions,
  plain = false,
  children,
}: {
  /** The table's name: its scrolling box's and, unless `caption` is given, its caption's. */
  label: string;
  caption?: ReactNode;
  columns: Column[];
  actions?: string;
  plain?: boolean;
  children: ReactNode;
}) {
  return (
    <TableScroll label={label}>
      <Table {...(plain ? {} : { 'data-size': 'sm', zebra: true })}>
        {caption === undefined ? (
          <caption className="visually-hidden">{label}</caption>
        ) : (
          <caption>{caption}</caption>
        )}
        <Table.Head>
          <Table.Row>
            {columns.map((c, i) => {
              const { label: text, num } = typeof c === 'string' ? { label: c } : c;
              return (
                <Table.HeaderCell key={i} className={num ? 'num' : undefined}>
                  {text}
                </Table.HeaderCell>
              );
            })}
            {actions && (
              <Table.HeaderCell>
                <span className="visually-hidden">{actions}</span>
              </Table.HeaderCell>
            )}
          </Table.Row>
        </Table.Head>
        <Table.Body>{children}</Table.Body>
      </Table>
    </TableScroll>
  );
}
