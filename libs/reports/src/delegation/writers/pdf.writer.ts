import type { Writable } from 'node:stream';
import { formatKronor } from '@anslag/money';
import { periodText } from '../../shared/period';
import { type Column, finish, keepPace, line, PdfTable, reportDocument } from '../../shared/pdf';
import {
  COLUMNS,
  dnrText,
  rejectionText,
  type ReportItem,
  type ReportMeta,
  type ReportTotals,
  totalsLabel,
} from '../delegation-report.model';

const WIDTHS = [64, 74, 76, 90, 22, 56, 66, 67];
const TABLE: Column[] = COLUMNS.map((title, i) => ({
  title,
  width: WIDTHS[i],
  align: i === 6 ? 'right' : 'left',
}));
const kr = (n: number) => formatKronor(n, { unit: false });

/** The report as an agenda attachment: A4, Swedish, per delegation point a table with its sum. */
export async function writePdf(
  meta: ReportMeta,
  items: AsyncIterable<ReportItem>,
  out: Writable,
): Promise<void> {
  const period = periodText(meta.from, meta.to);
  const doc = reportDocument(out, meta.title, `${meta.title}, perioden ${period}`, meta.regionName);
  if (meta.regionName) line(doc, meta.regionName, 12, true, 0);
  if (meta.committee) line(doc, meta.committee, 9);
  doc.moveDown(0.6);
  line(doc, meta.title, 15, true, 0.3);
  line(doc, `Perioden: ${period}${meta.point ? `, punkt ${meta.point}` : ''}`, 10);
  if (meta.onlyUnreported) line(doc, 'Endast beslut som inte redovisats tidigare.', 9);
  const table = new PdfTable(doc, TABLE);
  const sum = (label: string, t: ReportTotals) =>
    table.row([`${label}: ${totalsLabel(t)}`, kr(t.granted), ''], { bold: true, ruleAbove: true, span: 6 });
  let n = 0;
  for await (const item of items) {
    switch (item.kind) {
      case 'group':
        doc.moveDown(0.8);
        line(doc, item.group.heading, 10, true, 0.3);
        table.header();
        break;
      case 'row': {
        const r = item.row;
        table.row([
          dnrText(r, '\n'),
          r.stod,
          r.foretag,
          r.branschPrioritering,
          r.kon,
          r.kommun,
          r.amount === null ? rejectionText(r) : kr(r.amount),
          r.beslutsfattare,
        ]);
        if (++n % 200 === 0) await keepPace(out);
        break;
      }
      case 'groupEnd':
        sum(`Summa punkt ${item.group.point}`, item.totals);
        break;
      case 'end':
        doc.moveDown(0.8);
        if (item.totals.grantedCount + item.totals.rejectedCount === 0)
          line(doc, 'Inga delegationsbeslut under perioden.', 9);
        else
          line(
            doc,
            `Totalt: ${totalsLabel(item.totals)}, beviljat ${formatKronor(item.totals.granted)}.`,
            10,
            true,
          );
        break;
    }
  }
  await finish(doc);
}
