import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PassThrough } from 'node:stream';
import { DataSource } from 'typeorm';
import { DomainError } from '@anslag/common';
import { FramesService, PolicyService } from '@anslag/policy';
import type { RuleSet } from '@anslag/rules';
import { attachment } from '../shared/period';
import { CONTENT_TYPES, type ReportFormat } from '../shared/formats';
import { RegionHeaderService } from '../shared/region-header.service';
import type { ReportDownload } from '../delegation/delegation-report.service';
import {
  FOLLOW_UP_TITLE,
  type FollowUp,
  type FollowUpLine,
  type FrameLine,
  type Indicator,
} from './follow-up.model';
import { writeFollowUpCsv } from './writers/follow-up-csv.writer';
import { writeFollowUpPdf } from './writers/follow-up-pdf.writer';
import { writeFollowUpXlsx } from './writers/follow-up-xlsx.writer';

/** One grant chain decided in the year or the year before, at its latest signed amount. */
interface Decided {
  year: number;
  outcome: 'bifall' | 'delvis_bifall' | 'avslag';
  amount: string | null;
  aid_form: string | null;
  aid_form_name: string | null;
  track: string;
  kommun_code: string | null;
  kommun: string | null;
  run_by: string | null;
  miljo: boolean;
}

const PROJECT = { key: 'projekt', name: 'Medfinansiering av projekt' };
const NO_KOMMUN = { key: 'okand', name: 'Utanför länet eller okänd' };

/**
 * The decisions first taken in the follow-up's two years ($1 the first day, $2 the last), each at its chain's
 * latest signed change decision. A chain's members by key lists, each in one scan (as FRAME_USAGE_SQL).
 */
export const FOLLOW_UP_DECISIONS_SQL = `
WITH roots AS (
  SELECT id, decision_date, signed_at, outcome, amount, snapshot FROM decision
  WHERE status = 'signerat' AND amends_decision_id IS NULL AND decision_date BETWEEN $1::date AND $2::date
),
members AS (
  SELECT id AS root, decision_date AS first_date, decision_date, signed_at, outcome, amount, snapshot
  FROM roots
  UNION ALL
  SELECT amends_decision_id, NULL, decision_date, signed_at, outcome, amount, snapshot FROM decision
  WHERE status = 'signerat' AND amends_decision_id = ANY (ARRAY(SELECT id FROM roots))
),
chains AS (
  SELECT DISTINCT ON (root) max(first_date) OVER (PARTITION BY root) AS first_date, outcome, amount, snapshot
  FROM members
  ORDER BY root, decision_date DESC, signed_at DESC NULLS LAST
)
SELECT extract(year FROM c.first_date)::int AS year, c.outcome, c.amount::text AS amount,
       c.snapshot ->> 'aidForm' AS aid_form, c.snapshot ->> 'stod' AS aid_form_name,
       c.snapshot ->> 'track' AS track, c.snapshot ->> 'kommunCode' AS kommun_code,
       c.snapshot ->> 'kommun' AS kommun, c.snapshot ->> 'runBy' AS run_by,
       COALESCE((c.snapshot ->> 'miljo')::boolean, false) AS miljo
FROM chains c`;

/**
 * Follow-up figures for a year: per aid form and per kommun the grants (count, sum) and the rejections;
 * the nämnd's indicators against the year before; the frames used against the inriktningsbeslut's
 * indicative amounts. A decision counts in the year it was first taken, at the amount of its latest
 * signed change decision, and the nämnd's own decisions count as well as delegated ones. Organisation, kommun,
 * aid form and Kön are read from each decision's snapshot, as they were when it was signed.
 */
@Injectable()
export class FollowUpService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly region: RegionHeaderService,
    private readonly policy: PolicyService,
    private readonly framesUsed: FramesService,
  ) {}

  async figures(year: number): Promise<FollowUp> {
    const rows = await this.decided(year);
    const current = rows.filter((r) => r.year === year);
    const frames = await this.frames(year);
    return {
      ...(await this.region.get()),
      title: FOLLOW_UP_TITLE,
      year,
      totals: tally(current, () => ({ key: 'totalt', name: 'Totalt' }))[0] ?? line('totalt', 'Totalt'),
      perAidForm: tally(current, (r) =>
        r.aid_form ? { key: r.aid_form, name: r.aid_form_name ?? r.aid_form } : PROJECT,
      ),
      perKommun: tally(current, (r) =>
        r.kommun_code ? { key: r.kommun_code, name: r.kommun ?? r.kommun_code } : NO_KOMMUN,
      ),
      indicators: [
        indicator(
          'drivs_av_kvinnor',
          'Beviljade företagsstöd till företag som drivs av kvinnor',
          year,
          rows,
          (r) => r.run_by === 'kvinnor',
        ),
        indicator(
          'miljodriven',
          'Beviljade företagsstöd till företag som investerar i miljödriven affärsutveckling',
          year,
          rows,
          (r) => r.miljo,
        ),
      ],
      frames,
    };
  }

  async export(year: number, format: Exclude<ReportFormat, 'json'>): Promise<ReportDownload> {
    const figures = await this.figures(year);
    const out = new PassThrough();
    const write = { csv: writeFollowUpCsv, xlsx: writeFollowUpXlsx, pdf: writeFollowUpPdf }[format];
    write(figures, out).then(
      () => {
        if (!out.writableEnded) out.end();
      },
      (err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))),
    );
    return {
      contentType: CONTENT_TYPES[format],
      contentDisposition: attachment(`uppfoljning-${year}.${format}`),
      stream: out,
    };
  }

  private decided(year: number): Promise<Decided[]> {
    return this.db.query(FOLLOW_UP_DECISIONS_SQL, [`${year - 1}-01-01`, `${year}-12-31`]);
  }

  /**
   * Used per frame in the year against the inriktningsbeslut in force at the year's end (or start): the
   * same figures as `/api/policy/frames` for a date in that year, from the same statement.
   */
  private async frames(year: number): Promise<FollowUp['frames']> {
    const ruleSet = (await this.ruleSet(`${year}-12-31`)) ?? (await this.ruleSet(`${year}-01-01`));
    const used = new Map(Object.entries((await this.framesUsed.usage(year)).frames));
    const lines: FrameLine[] = Object.entries(ruleSet?.frames ?? {}).map(([code, f]) => {
      const u = used.get(code) ?? 0;
      used.delete(code);
      return { code, name: f.name, binding: f.binding, indicative: f.amount, used: u, left: f.amount - u };
    });
    for (const [code, u] of used)
      lines.push({ code, name: code, binding: null, indicative: null, used: u, left: null });
    return { inriktningsbeslut: ruleSet?.title ?? null, lines };
  }

  private async ruleSet(date: string): Promise<RuleSet | null> {
    try {
      return (await this.policy.inForce(date)).ruleSet;
    } catch (e) {
      if (e instanceof DomainError) return null;
      throw e;
    }
  }
}

const line = (key: string, name: string): FollowUpLine => ({
  key,
  name,
  grantedCount: 0,
  granted: 0,
  rejectedCount: 0,
});

function tally(rows: Decided[], keyOf: (r: Decided) => { key: string; name: string }): FollowUpLine[] {
  const lines = new Map<string, FollowUpLine>();
  for (const r of rows) {
    const { key, name } = keyOf(r);
    let l = lines.get(key);
    if (!l) lines.set(key, (l = line(key, name)));
    if (r.outcome === 'avslag') l.rejectedCount += 1;
    else {
      l.grantedCount += 1;
      l.granted += Number(r.amount ?? 0);
    }
  }
  return [...lines.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

function indicator(
  code: Indicator['code'],
  label: string,
  year: number,
  rows: Decided[],
  counts: (r: Decided) => boolean,
): Indicator {
  const figures = (y: number) => {
    const grants = rows.filter((r) => r.year === y && r.track === 'foretagsstod' && r.outcome !== 'avslag');
    const hits = grants.filter(counts);
    return {
      year: y,
      grantedCount: hits.length,
      granted: hits.reduce((s, r) => s + Number(r.amount ?? 0), 0),
      companyGrantedCount: grants.length,
    };
  };
  const current = figures(year);
  const previous = figures(year - 1);
  const change = current.grantedCount - previous.grantedCount;
  return { code, label, current, previous, change, increased: change > 0 };
}
