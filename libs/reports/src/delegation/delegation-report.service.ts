import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { cursorBatches } from '@anslag/database';
import { attachment, assertPeriod } from '../shared/period';
import { CONTENT_TYPES, type ReportFormat } from '../shared/formats';
import { RegionHeaderService } from '../shared/region-header.service';
import {
  addToTotals,
  emptyTotals,
  groupHeading,
  REPORT_TITLE,
  type DelegationReportRow,
  type ReportGroup,
  type ReportItem,
  type ReportMeta,
  type ReportTotals,
} from './delegation-report.model';
import {
  DELEGATION_REPORT_SQL,
  delegationReportParams,
  type DelegationReportFilter,
  type RawReportRow,
  toReportRow,
} from './delegation-report.query';
import { writeCsv, type CsvOptions } from './writers/csv.writer';
import { writeJson } from './writers/json.writer';
import { writePdf } from './writers/pdf.writer';
import { writeXlsx } from './writers/xlsx.writer';

/**
 * Rows fetched per round trip of the cursor: each round trip is a socket write and a wait for the database
 * (at 500 rows they were a fifth of a CSV export's time), and a batch of 2 000 rows (about 2 MB) still dies
 * young. The next batch is asked for before the current one is written, so the database works meanwhile.
 */
const BATCH_SIZE = 2000;

export interface ReportDownload {
  contentType: string;
  contentDisposition: string;
  stream: Readable;
}

export interface DelegationReportRequest extends DelegationReportFilter {
  format: ReportFormat;
  csv?: CsvOptions;
}

export interface PointTitle {
  point: string;
  title: string;
  decision_maker_title: string;
}

/**
 * Streams the delegation report: a PostgreSQL cursor feeds the rows through a writer into the reply, so
 * the memory used does not grow with the number of decisions.
 */
@Injectable()
export class DelegationReportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly region: RegionHeaderService,
  ) {}

  async export(req: DelegationReportRequest): Promise<ReportDownload> {
    assertPeriod(req.from, req.to);
    const meta = await this.meta(req);
    const titles = await this.pointTitles(req.from, req.to);
    const out = new PassThrough();
    writeReport(meta, groupedBatches(this.rowBatches(req), titles), out, req.format, req.csv).then(
      () => {
        if (!out.writableEnded) out.end();
      },
      (err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))),
    );
    return {
      contentType: CONTENT_TYPES[req.format],
      contentDisposition: attachment(reportFileName(req, req.format)),
      stream: out,
    };
  }

  async meta(f: DelegationReportFilter): Promise<ReportMeta> {
    return {
      ...(await this.region.get()),
      title: REPORT_TITLE,
      from: f.from,
      to: f.to,
      point: f.point,
      onlyUnreported: f.onlyUnreported,
    };
  }

  /** The delegation order's points in force during the period (the latest version of each). */
  async pointTitles(from: string, to: string, em = this.db.manager): Promise<Map<string, PointTitle>> {
    const rows: PointTitle[] = await em.query(
      `SELECT DISTINCT ON (point) point, title, decision_maker_title FROM delegation_point
       WHERE valid_from <= $2::date AND (valid_to IS NULL OR valid_to >= $1::date)
       ORDER BY point, valid_from DESC`,
      [from, to],
    );
    return new Map(rows.map((r) => [r.point, r]));
  }

  /**
   * The report's rows from a cursor, a batch at a time (no promise per row); closes it and returns the
   * connection however it ends. The SQL gives dates and amounts as text, so only `amended` is parsed.
   */
  async *rowBatches(f: DelegationReportFilter): AsyncGenerator<DelegationReportRow[]> {
    for await (const raw of cursorBatches<RawReportRow>(
      this.db,
      DELEGATION_REPORT_SQL,
      delegationReportParams(f),
      BATCH_SIZE,
      { rowMode: 'array', mode: 'slave' },
    )) {
      const rows = new Array<DelegationReportRow>(raw.length);
      for (let i = 0; i < raw.length; i++) rows[i] = toReportRow(raw[i]);
      yield rows;
    }
  }
}

/** The running state of the grouping: the delegation point being listed and its subtotals. */
interface Grouping {
  titles: Map<string, PointTitle>;
  group: ReportGroup | null;
  sub: ReportTotals;
  total: ReportTotals;
}

/** Adds a row's items (a new group's end and start, then the row) to `out`. */
function groupRow(g: Grouping, row: DelegationReportRow, out: ReportItem[]): void {
  if (g.group?.point !== row.delegationPoint) {
    if (g.group) out.push({ kind: 'groupEnd', group: g.group, totals: g.sub });
    const t = g.titles.get(row.delegationPoint);
    const makerTitle = t?.decision_maker_title ?? row.beslutsfattareTitel;
    g.group = {
      point: row.delegationPoint,
      title: t?.title ?? null,
      decisionMakerTitle: makerTitle,
      heading: groupHeading(row.delegationPoint, t?.title ?? null, makerTitle),
    };
    g.sub = emptyTotals();
    out.push({ kind: 'group', group: g.group });
  }
  addToTotals(g.sub, row);
  addToTotals(g.total, row);
  out.push({ kind: 'row', row });
}

/**
 * The batches of rows as batches of items in print order: grouped by delegation point, with subtotals,
 * and after the last batch the last subtotal and the total.
 */
export async function* groupedBatches(
  batches: AsyncIterable<readonly DelegationReportRow[]> | Iterable<readonly DelegationReportRow[]>,
  titles: Map<string, PointTitle>,
): AsyncGenerator<ReportItem[]> {
  const g: Grouping = { titles, group: null, sub: emptyTotals(), total: emptyTotals() };
  for await (const rows of batches) {
    const items: ReportItem[] = [];
    for (const row of rows) groupRow(g, row, items);
    yield items;
  }
  const last: ReportItem[] = [];
  if (g.group) last.push({ kind: 'groupEnd', group: g.group, totals: g.sub });
  last.push({ kind: 'end', totals: g.total });
  yield last;
}

/** The rows as items in print order: grouped by delegation point, with subtotals and a total. */
export async function* groupedItems(
  rows: AsyncIterable<DelegationReportRow> | Iterable<DelegationReportRow>,
  titles: Map<string, PointTitle>,
): AsyncGenerator<ReportItem> {
  yield* flatItems(groupedBatches(Symbol.asyncIterator in rows ? eachAlone(rows) : [[...rows]], titles));
}

async function* eachAlone<T>(rows: AsyncIterable<T>): AsyncGenerator<T[]> {
  for await (const row of rows) yield [row];
}

/** Items one by one, whether they come alone or in batches. */
export async function* flatItems(
  items: AsyncIterable<ReportItem | readonly ReportItem[]>,
): AsyncGenerator<ReportItem> {
  for await (const item of items) {
    if (Array.isArray(item)) yield* item as readonly ReportItem[];
    else yield item as ReportItem;
  }
}

/** Writes the report; the CSV writer takes the items in batches as they come, the others one by one. */
export function writeReport(
  meta: ReportMeta,
  items: AsyncIterable<ReportItem | readonly ReportItem[]>,
  out: Writable,
  format: ReportFormat,
  csv: CsvOptions = {},
): Promise<void> {
  return {
    csv: () => writeCsv(meta, items, out, csv),
    xlsx: () => writeXlsx(meta, flatItems(items), out),
    pdf: () => writePdf(meta, flatItems(items), out),
    json: () => writeJson(meta, flatItems(items), out),
  }[format]();
}

export function reportFileName(f: DelegationReportFilter, format: ReportFormat): string {
  const suffix = f.point ? `-punkt-${f.point}` : '';
  return `delegationsbeslut-${f.from}--${f.to}${suffix}.${format}`;
}
