import type { Writable } from 'node:stream';
import { formatKronor } from '@anslag/money';
import { CONTENT_WIDTH, finish, line, PdfTable, reportDocument } from '../../shared/pdf';
import type { FollowUp } from '../follow-up.model';
import { type Cell, followUpHeading, followUpTables } from '../follow-up.tables';

const text = (c: Cell) => (c === null ? '–' : typeof c === 'number' ? formatKronor(c, { unit: false }) : c);

/** A4, Swedish: the title and each table, numbers grouped as Swedish text does. */
export async function writeFollowUpPdf(f: FollowUp, out: Writable): Promise<void> {
  const doc = reportDocument(out, f.title, `${f.title} ${f.year}`, f.regionName);
  const heading = followUpHeading(f);
  if (heading) line(doc, heading, 11, true, 0.4);
  line(doc, `${f.title} ${f.year}`, 15, true, 0.3);
  for (const t of followUpTables(f)) {
    doc.moveDown(0.8);
    line(doc, t.title, 10, true, 0.3);
    const rest = (CONTENT_WIDTH - 190) / (t.columns.length - 1);
    const table = new PdfTable(
      doc,
      t.columns.map((title, i) => ({
        title,
        width: i === 0 ? 190 : rest,
        align: t.numeric.includes(i) ? ('right' as const) : ('left' as const),
      })),
    );
    table.header();
    t.rows.forEach((cells, i) =>
      table.row(cells.map(text), {
        bold: t.sumRow && i === t.rows.length - 1,
        ruleAbove: t.sumRow && i === t.rows.length - 1,
      }),
    );
  }
  await finish(doc);
}
