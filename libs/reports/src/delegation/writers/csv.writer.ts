import type { Writable } from 'node:stream';
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

/** A field as RFC 4180 wants it: quoted (its quotes doubled) when it holds `;`, a quote or a line break. */
const NEEDS_QUOTES = /[;"\r\n]/;
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const csvLine = (fields: readonly string[]) => fields.map(csvField).join(';') + '\r\n';

/** Text gathered before it is written: few large writes instead of one per row. */
const FLUSH_AT = 64 * 1024;

/**
 * UTF-8 with a byte-order mark, `;` between fields, RFC 4180 quoting, CRLF line ends, a header row.
 * The report's shape is kept: a heading line before each delegation point's rows and a "Summa" line after
 * them (Dnr column: the label; Stöd: the counts; Belopp: the granted sum), then the overall sum.
 * A row is written straight into the text being gathered (no record array, no per-row stream write), so
 * that a large export costs little more than reading its rows. Items may come in batches (as the export
 * reads them): a batch is written without a pause, in pieces of 64 KiB, and the writer then waits for the
 * reader to take them.
 */
export async function writeCsv(
  meta: ReportMeta,
  items: AsyncIterable<ReportItem | readonly ReportItem[]>,
  out: Writable,
  opts: CsvOptions,
): Promise<void> {
  const kronor = opts.numberFormat === 'sv' ? (n: number) => formatKronor(n, { unit: false }) : String;
  let text = '\ufeff' + csvLine(COLUMNS);
  const sumLine = (label: string, t: ReportTotals) =>
    `${csvField(label)};${csvField(totalsLabel(t))};;;;;${csvField(kronor(t.granted))};\r\n`;
  const put = (item: ReportItem) => {
    switch (item.kind) {
      case 'group':
        text += `${csvField(item.group.heading)};;;;;;;\r\n`;
        break;
      case 'row': {
        const r = item.row;
        text +=
          csvField(dnrText(r)) +
          ';' +
          csvField(r.stod) +
          ';' +
          csvField(r.foretag) +
          ';' +
          csvField(r.branschPrioritering) +
          ';' +
          csvField(r.kon) +
          ';' +
          csvField(r.kommun) +
          ';' +
          csvField(r.amount === null ? rejectionText(r) : kronor(r.amount)) +
          ';' +
          csvField(r.beslutsfattare) +
          '\r\n';
        break;
      }
      case 'groupEnd':
        text += sumLine(`Summa punkt ${item.group.point}`, item.totals);
        break;
      case 'end':
        text += sumLine(meta.point ? `Summa` : 'Summa totalt', item.totals);
        break;
    }
    if (text.length >= FLUSH_AT) {
      out.write(text);
      text = '';
    }
  };
  for await (const batch of items) {
    // A reader gone (the client closed the connection) stops the rows: drained() throws ReaderGoneError.
    if (out.destroyed) await drained(out);
    if (Array.isArray(batch)) for (const item of batch as readonly ReportItem[]) put(item);
    else put(batch as ReportItem);
    if (out.writableNeedDrain) await drained(out);
  }
  if (text.length > 0) {
    if (out.destroyed) await drained(out);
    out.write(text);
    await drained(out);
  }
}
