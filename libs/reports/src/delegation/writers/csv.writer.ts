import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { formatKronor } from '@anslag/money';
import { drained } from '../../shared/streams';
import {
  COLUMNS,
  dnrText,
  rejectionText,
  type ReportItem,
  type ReportMeta,
  type ReportTotals,
  totalsLabel,
} from '../delegation-report.model';

export interface CsvOptions {
  /**
   * 'sv' writes amounts grouped as Swedish text does, "3 586 849", with a non-breaking space (U+00A0, what
   * Swedish Excel itself uses as the thousands separator); otherwise plain integers, "3586849".
   */
  numberFormat?: 'sv' | 'plain';
}

/**
 * UTF-8 with a byte-order mark, `;` between fields, RFC 4180 quoting (by csv-stringify), a header row.
 * The report's shape is kept: a heading line before each delegation point's rows and a "Summa" line after
 * them (Dnr column: the label; Stöd: the counts; Belopp: the granted sum), then the overall sum.
 */
export async function writeCsv(
  meta: ReportMeta,
  items: AsyncIterable<ReportItem>,
  out: Writable,
  opts: CsvOptions,
): Promise<void> {
  const kronor = opts.numberFormat === 'sv' ? (n: number) => formatKronor(n, { unit: false }) : String;
  const csv = stringify({ bom: true, delimiter: ';', record_delimiter: '\r\n' });
  csv.pipe(out, { end: false });
  const write = async (record: string[]) => {
    if (!csv.write(record)) await drained(csv, out);
  };
  const sumLine = (label: string, t: ReportTotals) => [
    label,
    totalsLabel(t),
    '',
    '',
    '',
    '',
    kronor(t.granted),
    '',
  ];
  await write([...COLUMNS]);
  for await (const item of items) {
    switch (item.kind) {
      case 'group':
        await write([item.group.heading, '', '', '', '', '', '', '']);
        break;
      case 'row': {
        const r = item.row;
        await write([
          dnrText(r),
          r.stod,
          r.foretag,
          r.branschPrioritering,
          r.kon,
          r.kommun,
          r.amount === null ? rejectionText(r) : kronor(r.amount),
          r.beslutsfattare,
        ]);
        break;
      }
      case 'groupEnd':
        await write(sumLine(`Summa punkt ${item.group.point}`, item.totals));
        break;
      case 'end':
        await write(sumLine(meta.point ? `Summa` : 'Summa totalt', item.totals));
        break;
    }
  }
  const done = new Promise<void>((resolve, reject) => {
    csv.once('end', resolve);
    csv.once('error', reject);
  });
  csv.end();
  await done;
}
