import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { DomainError } from '@anslag/common';
import { assertPeriod, attachment } from '../shared/period';
import { CONTENT_TYPES, type ReportFormat } from '../shared/formats';
import type { DelegationReportRow, ReportMeta } from './delegation-report.model';
import {
  DELEGATION_REPORT_SQL,
  delegationReportParams,
  type DelegationReportFilter,
  type RawReportRow,
  toReportRow,
} from './delegation-report.query';
import {
  DelegationReportService,
  groupedItems,
  reportFileName,
  writeReport,
  type PointTitle,
} from './delegation-report.service';
import { CreatePresentationDto, PresentationDto, type PresentationRow } from './delegation-report.dto';

export const NOTHING_TO_PRESENT = 'NOTHING_TO_PRESENT';
DomainError.register(NOTHING_TO_PRESENT, 409);
export const PRESENTATION_NOT_STORED = 'PRESENTATION_NOT_STORED';
DomainError.register(PRESENTATION_NOT_STORED, 409);

const COLUMNS = `id, to_char(period_from, 'YYYY-MM-DD') AS period_from, to_char(period_to, 'YYYY-MM-DD') AS period_to,
  delegation_point, to_char(meeting_date, 'YYYY-MM-DD') AS meeting_date, paragraph, decision_count, presented_by,
  created_at, hashes`;

/** Every file kept of a presented report: each format, and the CSV in both number formats. */
const VARIANTS: { variant: string; format: ReportFormat; sv?: boolean }[] = [
  { variant: 'pdf', format: 'pdf' },
  { variant: 'xlsx', format: 'xlsx' },
  { variant: 'csv', format: 'csv' },
  { variant: 'csv-sv', format: 'csv', sv: true },
  { variant: 'json', format: 'json' },
];

/** The report as presented: its heading and rows, kept with the presentation. */
export interface PresentedDocument {
  meta: ReportMeta;
  titles: [string, PointTitle][];
  rows: DelegationReportRow[];
}

export interface PresentedFile {
  contentType: string;
  contentDisposition: string;
  content: Buffer;
  sha256: string;
}

/**
 * Marks a delegation report as presented to a nämnd meeting: in one transaction every signed, delegated
 * decision of the period (and point) that no earlier presentation stamped gets this presentation's id,
 * and the report of those decisions is kept as presented: its rows, every format byte for byte and the
 * SHA-256 of each, so that what the nämnd approved can be fetched again unchanged. Setting reported_in is
 * the one change the immutability trigger allows on a signed decision. Two presentations of overlapping
 * periods at once stamp each decision once: the UPDATE takes the row locks and re-checks
 * `reported_in IS NULL` after waiting.
 */
@Injectable()
export class ReportPresentationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly report: DelegationReportService,
  ) {}

  async present(p: Principal, dto: CreatePresentationDto): Promise<PresentationDto> {
    assertPeriod(dto.from, dto.to);
    if (dto.meetingDate < dto.to)
      throw DomainError.validation('meetingDate', 'sammanträdet kan inte ligga före periodens slut');
    const id = randomUUID();
    return this.db.transaction(async (em) => {
      const [stamped]: [{ id: string }[], number] = await em.query(
        `UPDATE decision SET reported_in = $4, updated_at = now(), version = version + 1
         WHERE status = 'signerat' AND NOT decided_by_namnd AND delegation_point IS NOT NULL
           AND decision_date BETWEEN $1::date AND $2::date
           AND ($3::text IS NULL OR delegation_point = $3::text)
           AND reported_in IS NULL
         RETURNING id`,
        [dto.from, dto.to, dto.point ?? null, id],
      );
      if (stamped.length === 0)
        throw new DomainError(
          NOTHING_TO_PRESENT,
          'Det finns inga orapporterade delegationsbeslut i perioden',
        );
      const filter: DelegationReportFilter = {
        from: dto.from,
        to: dto.to,
        point: dto.point ?? null,
        onlyUnreported: false,
        presentation: id,
      };
      const document: PresentedDocument = {
        meta: await this.report.meta(filter),
        titles: [...(await this.report.pointTitles(dto.from, dto.to, em))],
        rows: await this.stampedRows(em, filter),
      };
      const files = await renderAll(document);
      const hashes = Object.fromEntries(files.map((f) => [f.variant, sha256(f.content)]));
      const [row]: PresentationRow[] = await em.query(
        `INSERT INTO report_presentation
           (id, period_from, period_to, delegation_point, meeting_date, paragraph, decision_count, presented_by,
            document, hashes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
        [
          id,
          dto.from,
          dto.to,
          dto.point ?? null,
          dto.meetingDate,
          dto.paragraph.trim(),
          stamped.length,
          p.userId,
          document,
          hashes,
        ],
      );
      for (const f of files)
        await em.query(
          `INSERT INTO report_presentation_file (presentation_id, variant, content_type, content)
           VALUES ($1, $2, $3, $4)`,
          [id, f.variant, CONTENT_TYPES[f.format], f.content],
        );
      return PresentationDto.from(row);
    });
  }

  async list(): Promise<PresentationDto[]> {
    const rows: PresentationRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM report_presentation ORDER BY meeting_date DESC, created_at DESC`,
    );
    return rows.map(PresentationDto.from);
  }

  /** The report exactly as presented, in one format. */
  async file(id: string, format: ReportFormat, numberFormat?: 'sv' | 'plain'): Promise<PresentedFile> {
    const variant = format === 'csv' && numberFormat === 'sv' ? 'csv-sv' : format;
    const [row]: (PresentationRow & { content: Buffer | null; content_type: string | null })[] =
      await this.db.query(
        `SELECT ${COLUMNS}, f.content, f.content_type FROM report_presentation rp
         LEFT JOIN report_presentation_file f ON f.presentation_id = rp.id AND f.variant = $2
         WHERE rp.id = $1`,
        [id, variant],
      );
    if (!row) throw DomainError.notFound('Redovisningen');
    if (!row.content || !row.content_type)
      throw new DomainError(
        PRESENTATION_NOT_STORED,
        'Redovisningen markerades som föredragen innan rapporterna sparades med den; hämta rapporten för perioden',
      );
    const name = reportFileName(
      { from: row.period_from, to: row.period_to, point: row.delegation_point, onlyUnreported: false },
      format,
    ).replace('delegationsbeslut-', `delegationsbeslut-${row.meeting_date}-`);
    return {
      contentType: row.content_type,
      contentDisposition: attachment(name),
      content: row.content,
      sha256: sha256(row.content),
    };
  }

  /** The rows of the decisions this presentation stamped, read inside its transaction. */
  private async stampedRows(em: EntityManager, f: DelegationReportFilter): Promise<DelegationReportRow[]> {
    const client = (await em.queryRunner!.connect()) as PoolClient;
    const result = await client.query({
      text: DELEGATION_REPORT_SQL,
      values: delegationReportParams(f),
      rowMode: 'array',
    });
    return (result.rows as RawReportRow[]).map(toReportRow);
  }
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function renderAll(
  doc: PresentedDocument,
): Promise<{ variant: string; format: ReportFormat; content: Buffer }[]> {
  const titles = new Map(doc.titles);
  const out: { variant: string; format: ReportFormat; content: Buffer }[] = [];
  for (const v of VARIANTS) {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise<void>((resolve, reject) => {
      stream.once('end', resolve);
      stream.once('error', reject);
    });
    await writeReport(doc.meta, groupedItems(doc.rows, titles), stream, v.format, {
      numberFormat: v.sv ? 'sv' : 'plain',
    });
    if (!stream.writableEnded) stream.end();
    await ended;
    out.push({ variant: v.variant, format: v.format, content: Buffer.concat(chunks) });
  }
  return out;
}
