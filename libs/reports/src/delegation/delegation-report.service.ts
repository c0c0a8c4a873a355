import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
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
 * young.
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
    writeReport(meta, groupedItems(this.rows(req), titles), out, req.format, req.csv).then(
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

  /** The report's rows from a cursor; closes it and returns the connection however it ends. */
  async *rows(f: DelegationReportFilter): AsyncGenerator<DelegationReportRow> {
    const runner = this.db.createQueryRunner('slave');
    try {
      const client = (await runner.connect()) as PoolClient;
      const rows = client.query(
        new QueryStream(DELEGATION_REPORT_SQL, delegationReportParams(f), {
          batchSize: BATCH_SIZE,
          rowMode: 'array',
        }),
      );
      try {
        for await (const raw of rows) yield toReportRow(raw as RawReportRow);
      } finally {
        if (!rows.closed) {
          const closed = new Promise((resolve) => rows.once('close', resolve));
          rows.destroy();
          await closed;
        }
      }
    } finally {
      await runner.release();
    }
  }
}

/** The rows as items in print order: grouped by delegation point, with subtotals and a total. */
export async function* groupedItems(
  rows: AsyncIterable<DelegationReportRow> | Iterable<DelegationReportRow>,
  titles: Map<string, PointTitle>,
): AsyncGenerator<ReportItem> {
  const total = emptyTotals();
  let group = null as ReportGroup | null;
  let sub = emptyTotals();
  for await (const row of rows) {
    if (group?.point !== row.delegationPoint) {
      if (group) yield { kind: 'groupEnd', group, totals: sub };
      const t = titles.get(row.delegationPoint);
      const makerTitle = t?.decision_maker_title ?? row.beslutsfattareTitel;
      group = {
        point: row.delegationPoint,
        title: t?.title ?? null,
        decisionMakerTitle: makerTitle,
        heading: groupHeading(row.delegationPoint, t?.title ?? null, makerTitle),
      };
      sub = emptyTotals();
      yield { kind: 'group', group };
    }
    addToTotals(sub, row);
    addToTotals(total, row);
    yield { kind: 'row', row };
  }
  if (group) yield { kind: 'groupEnd', group, totals: sub };
  yield { kind: 'end', totals: total };
}

export function writeReport(
  meta: ReportMeta,
  items: AsyncIterable<ReportItem>,
  out: Writable,
  format: ReportFormat,
  csv: CsvOptions = {},
): Promise<void> {
  return {
    csv: () => writeCsv(meta, items, out, csv),
    xlsx: () => writeXlsx(meta, items, out),
    pdf: () => writePdf(meta, items, out),
    json: () => writeJson(meta, items, out),
  }[format]();
}

export function reportFileName(f: DelegationReportFilter, format: ReportFormat): string {
  const suffix = f.point ? `-punkt-${f.point}` : '';
  return `delegationsbeslut-${f.from}--${f.to}${suffix}.${format}`;
}
