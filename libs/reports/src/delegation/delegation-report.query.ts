/**
 * The one SQL statement behind the delegation report, shared by the export and the benchmark (which runs
 * it through `COPY … TO STDOUT` for comparison), and the mapping of its rows.
 *
 * A decision and its change decisions form a chain (an ändringsbeslut points at the decision first taken).
 * A chain is listed when one of its signed, delegated decisions was taken in the period; the row shows the
 * latest signed decision of the chain taken by the period's end, so a report for a past period reads the
 * same later, and an ändringsbeslut replaces the amount of the decision it amends. What a row says of the
 * organisation (name, Bransch/Prioritering, Kön, Kommun) and the Stöd comes from the decision's snapshot,
 * taken when it was signed, so later edits of the organisation or the catalogue change no report.
 * The chains' members are read by key lists, each in one scan: joined to the listed roots, the planner
 * of a young database without statistics probed every signed decision for each listed one.
 */
import type { DelegationReportRow, Kon } from './delegation-report.model';

export interface DelegationReportFilter {
  from: string;
  to: string;
  point: string | null;
  onlyUnreported: boolean;
  /** Only the decisions a presentation to the nämnd stamped. */
  presentation?: string | null;
}

/** Natural order of points ("3.2" before "3.10"); anything not numeric sorts after, by text. */
const POINT_ORDER = `CASE WHEN e.delegation_point ~ '^[0-9]+(\\.[0-9]+)*$'
  THEN string_to_array(e.delegation_point, '.')::int[] END NULLS LAST, e.delegation_point`;

export const DELEGATION_REPORT_SQL = `
WITH listed AS (
  SELECT DISTINCT COALESCE(m.amends_decision_id, m.id) AS root
  FROM decision m
  WHERE m.status = 'signerat' AND NOT m.decided_by_namnd AND m.delegation_point IS NOT NULL
    AND m.decision_date BETWEEN $1::date AND $2::date
    AND ($3::text IS NULL OR m.delegation_point = $3::text)
    AND (NOT $4::boolean OR m.reported_in IS NULL)
    AND ($5::uuid IS NULL OR m.reported_in = $5::uuid)
),
members AS (
  SELECT d.id AS root, d.* FROM decision d WHERE d.id = ANY (ARRAY(SELECT root FROM listed))
  UNION ALL
  SELECT d.amends_decision_id, d.* FROM decision d WHERE d.amends_decision_id = ANY (ARRAY(SELECT root FROM listed))
),
effective AS (
  SELECT DISTINCT ON (root) *, count(*) OVER (PARTITION BY root) > 1 AS amended
  FROM members
  WHERE status = 'signerat' AND decision_date <= $2::date
  ORDER BY root, decision_date DESC, signed_at DESC NULLS LAST
)
SELECT e.id, e.case_id, e.delegation_point, to_char(e.decision_date, 'YYYY-MM-DD'),
       gc.diarienummer, gc.nyps_id, COALESCE(e.snapshot ->> 'stod', e.snapshot ->> 'aidForm', ''),
       e.snapshot ->> 'name', e.snapshot ->> 'branschPrioritering',
       e.snapshot ->> 'runBy', e.snapshot ->> 'legalForm', COALESCE(e.snapshot ->> 'kommun', ''),
       e.outcome, e.amount::text, e.rejection_grounds,
       COALESCE(e.signed_by_name, ''), e.signed_by_title, e.amended, e.reported_in
FROM effective e
JOIN grant_case gc ON gc.id = e.case_id
ORDER BY ${POINT_ORDER}, e.decision_date, gc.diarienummer, e.id`;

export const delegationReportParams = (f: DelegationReportFilter): unknown[] => [
  f.from,
  f.to,
  f.point,
  f.onlyUnreported,
  f.presentation ?? null,
];

/** Stöd for a project without an aid form in the catalogue. */
const PROJECT_STOD = 'Medfinansiering av projekt';

/** Public bodies get "–" in the Kön column, as the seed shows for a municipality. */
const PUBLIC_LEGAL_FORMS = new Set([
  'kommun',
  'region',
  'statlig myndighet',
  'statlig_myndighet',
  'kommunalförbund',
]);

export function konOf(runBy: string | null, legalForm: string | null): Kon {
  if (legalForm && PUBLIC_LEGAL_FORMS.has(legalForm.toLowerCase())) return '–';
  switch (runBy) {
    case 'kvinnor':
      return 'K';
    case 'man':
      return 'M';
    case 'bada':
      return 'B';
    default:
      return '';
  }
}

/** A row of DELEGATION_REPORT_SQL read with rowMode 'array' (cheaper than objects for large exports). */
export type RawReportRow = [
  string,
  string,
  string,
  string,
  string | null,
  string | null,
  string,
  string,
  string,
  string | null,
  string | null,
  string,
  DelegationReportRow['outcome'],
  string | null,
  string | null,
  string,
  string | null,
  boolean,
  string | null,
];

export function toReportRow(r: RawReportRow): DelegationReportRow {
  return {
    decisionId: r[0],
    caseId: r[1],
    delegationPoint: r[2],
    decisionDate: r[3],
    diarienummer: r[4],
    nypsId: r[5],
    stod: r[6] || PROJECT_STOD,
    foretag: r[7],
    branschPrioritering: r[8],
    kon: konOf(r[9], r[10]),
    kommun: r[11],
    outcome: r[12],
    amount: r[12] === 'avslag' || r[13] === null ? null : Number(r[13]),
    rejectionGrounds: r[14],
    beslutsfattare: r[15],
    beslutsfattareTitel: r[16],
    amended: r[17],
    reportedIn: r[18],
  };
}
