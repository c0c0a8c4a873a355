import { DEFAULT_PAGE_SIZE } from '@anslag/common';
import type { CaseQueryDto } from './case-query.dto';
import type { PersonDto } from './case-response.dto';

/**
 * Statement parameters, numbered as they are added. A list added again (the same array: the matching
 * organisations, in the page's filter and in its counts) is sent once.
 */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    const known = Array.isArray(value) ? this.values.indexOf(value) : -1;
    if (known >= 0) return `$${known + 1}`;
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The organisations a search names: their ids when there are at most MANY_ORGANISATIONS (looked up first),
 * else the term itself, matched in a subquery (a term like "AB" names nearly every organisation; a list
 * of all their ids would be a long parameter, and such a search reads most cases anyway).
 */
export type OrganisationMatch = { ids: string[] } | { term: string };

export const MANY_ORGANISATIONS = 1000;

/** What the filters need besides the query: whose cases (null: every case) and who asks. */
export interface ListScope {
  /** The applicant's organisations; null for officers. */
  mine: string[] | null;
  userId: string;
  /** The organisations whose name or number matches the free text (`q`). */
  textOrganisations: OrganisationMatch;
  /** The same for the organisation filter; null when there is none. */
  organisations: OrganisationMatch | null;
}

/** A term for ILIKE/LIKE with the user's wildcards taken out. */
export const likeTerm = (s: string) => s.replace(/[%_\\]/g, '');

/**
 * The organisations whose name holds the term (trigram index on the name) or whose number starts with it
 * (prefix index on the number): two branches, so that each uses its own index.
 */
const MATCHING_ORGANISATIONS = (name: string, prefix: string) =>
  `SELECT id FROM organisation WHERE name ILIKE ${name}
   UNION SELECT id FROM organisation WHERE organisationsnummer LIKE ${prefix}`;

/** The ids of the matching organisations, one more than MANY_ORGANISATIONS at most. */
export const ORGANISATIONS_SQL = `${MATCHING_ORGANISATIONS('$1', '$2')} LIMIT ${MANY_ORGANISATIONS + 1}`;

/** Many organisations: the case's own organisation is looked up by its key and matched (one row each). */
function organisationCondition(m: OrganisationMatch, p: Params): string {
  if ('ids' in m) return `c.organisation_id = ANY(${p.add(m.ids)}::uuid[])`;
  return `EXISTS (SELECT 1 FROM organisation m WHERE m.id = c.organisation_id
    AND (m.name ILIKE ${p.add(`%${m.term}%`)} OR m.organisationsnummer LIKE ${p.add(`${m.term}%`)}))`;
}

/**
 * The conditions on grant_case `c`. Every one is on a column of the case itself, so that the planner can
 * combine them: the free text is `title ILIKE OR diarienummer ILIKE OR organisation_id = ANY(ids)`, three
 * index conditions on one table (trigram, trigram, btree) that a BitmapOr joins, where an OR with a
 * subquery on another table could only be a filter over every case.
 */
export function conditions(q: CaseQueryDto, scope: ListScope, p: Params, withStatus: boolean): string[] {
  const where: string[] = [];
  if (scope.mine) where.push(`c.organisation_id = ANY(${p.add(scope.mine)}::uuid[])`);
  // IN with a parameter each: one status is then an equality, and the index gives the page in order.
  if (withStatus && q.status?.length) where.push(`c.status IN (${q.status.map((s) => p.add(s)).join(', ')})`);
  const text = q.q ? likeTerm(q.q.trim()) : '';
  if (text) {
    const t = p.add(`%${text}%`);
    const branches = [`c.title ILIKE ${t}`, `c.diarienummer ILIKE ${t}`];
    const orgs = scope.textOrganisations;
    if (!('ids' in orgs) || orgs.ids.length) branches.push(organisationCondition(orgs, p));
    where.push(`(${branches.join(' OR ')})`);
  }
  if (q.assignee === 'mine') where.push(`c.assigned_to = ${p.add(scope.userId)}`);
  else if (q.assignee === 'unassigned') where.push('c.assigned_to IS NULL');
  else if (q.assignee) where.push(`c.assigned_to = ${p.add(q.assignee.toLowerCase())}`);
  if (q.track) where.push(`c.track = ${p.add(q.track)}`);
  if (q.aidForm) where.push(`c.aid_form = ${p.add(q.aidForm)}`);
  if (q.kommun)
    where.push(`c.organisation_id IN (SELECT id FROM organisation WHERE kommun_code = ${p.add(q.kommun)})`);
  if (q.diarienummer)
    where.push(`c.diarienummer LIKE ${p.add(`${likeTerm(q.diarienummer.toUpperCase())}%`)}`);
  if (q.organisationId) where.push(`c.organisation_id = ${p.add(q.organisationId)}`);
  if (scope.organisations) where.push(organisationCondition(scope.organisations, p));
  if (q.from) where.push(`c.registration_date >= ${p.add(q.from)}`);
  if (q.to) where.push(`c.registration_date <= ${p.add(q.to)}`);
  return where;
}

const whereClause = (where: string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '');

const COLUMNS: Record<string, string> = {
  registrationDate: 'registration_date',
  diarienummer: 'diarienummer',
  title: 'title',
};

/** ORDER BY for `c`, in the direction of the work queue's indexes (the id breaks ties the same way). */
export function orderBy(sort: string): string {
  const column = COLUMNS[sort.replace(/^-/, '')];
  return sort.startsWith('-')
    ? `c.${column} DESC NULLS LAST, c.id DESC`
    : `c.${column} ASC NULLS FIRST, c.id ASC`;
}

/** What the page's statement also counts: the kept counts, a count of the matches, or nothing. */
export type CountsOf = 'kept' | 'matches' | 'none';

/** LIMIT and OFFSET as literals (validated integers). */
function limitOffset(q: CaseQueryDto): string {
  const { page, pageSize } = q;
  if (!Number.isSafeInteger(page) || !Number.isSafeInteger(pageSize) || page < 1 || pageSize < 1)
    throw new Error('page and pageSize must be positive integers');
  return `LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
}

/**
 * One page of the list with everything its rows show and, when asked, the number of cases per status with
 * the other filters (the queue's tabs and the page's total), in one statement. The page is chosen from
 * the case ids alone (an index-only scan where an index holds the filter and the sort); its rows are then
 * read by case_queue_rows (migration CaseQueueRows), whose plan each connection keeps, so that only this
 * choice is planned for each request. The counts come on the first row (`counts`: `{ counts, rows }`, the
 * counts per status, null when nothing matches, and for the kept counts the number of rows of
 * differences); an empty page is one row with the counts and no case (`id` null).
 *
 * `prepared`: the statement is one of the few texts of the queue's first page (every case, at most one
 * status, the queue's page size): sent as a prepared statement, its plan is kept too (plainQuery).
 *
 * `fewMatches`: the matches are known to be few (a free-text search, counted first). They are then all
 * found first through their indexes and sorted; else the planner, misled by its estimate of a trigram
 * match, may walk the sort's index and filter, reading most of the table before it has a page.
 */
export function pageSql(
  q: CaseQueryDto,
  scope: ListScope,
  officer: boolean,
  countsOf: CountsOf,
  fewMatches = false,
): { sql: string; params: unknown[]; prepared: boolean } {
  const p = new Params();
  const where = whereClause(conditions(q, scope, p, true));
  const order = orderBy(q.sort ?? '-registrationDate');
  const column = COLUMNS[(q.sort ?? '-registrationDate').replace(/^-/, '')];
  const ids = fewMatches
    ? `ARRAY(SELECT c.id FROM hits c ORDER BY ${order} ${limitOffset(q)})`
    : `ARRAY(SELECT c.id FROM grant_case c ${where} ORDER BY ${order} ${limitOffset(q)})`;
  let counts = 'NULL::json';
  if (countsOf === 'kept')
    counts = `(SELECT json_build_object('counts', json_object_agg(status, n), 'rows', sum(rows))
        FROM (SELECT status, sum(n) AS n, count(*) AS rows FROM case_status_delta GROUP BY status) k)`;
  else if (countsOf === 'matches')
    counts = `(SELECT json_build_object('counts', json_object_agg(status, n))
        FROM (SELECT c.status, count(*) AS n FROM grant_case c
              ${whereClause(conditions(q, scope, p, false))} GROUP BY c.status) k)`;
  const sql = `${fewMatches ? `WITH hits AS MATERIALIZED (SELECT c.id, c.${column} FROM grant_case c ${where})` : ''}
  SELECT CASE WHEN r.n IS NULL OR r.n = 1 THEN k.counts END AS counts, r.*
  FROM (SELECT ${counts} AS counts) k
  LEFT JOIN LATERAL case_queue_rows(${ids}, ${officer ? 'true' : 'false'}) r ON true
  ORDER BY r.n`;
  // The queue's first page and its tabs: the same few texts, with the status at most as a parameter.
  const prepared =
    countsOf === 'kept' && (q.status?.length ?? 0) <= 1 && q.page === 1 && q.pageSize === DEFAULT_PAGE_SIZE;
  return { sql, params: p.values, prepared };
}

/** The number of cases per status with the other filters (the queue's tabs and the page's total). */
export function countsSql(q: CaseQueryDto, scope: ListScope): { sql: string; params: unknown[] } {
  const p = new Params();
  const where = whereClause(conditions(q, scope, p, false));
  return {
    sql: `SELECT c.status, count(*)::text AS n FROM grant_case c ${where} GROUP BY c.status`,
    params: p.values,
  };
}

/** A row of pageSql as the database gives it (an empty page: one row with `counts` and `id` null). */
export interface PageRow {
  counts: { counts: Record<string, number | string> | null; rows?: number | string | null } | null;
  id: string;
  diarienummer: string | null;
  nypsId: string | null;
  track: string;
  status: string;
  title: string;
  organisationId: string;
  organisationName: string;
  kommunCode: string | null;
  aidForm: string | null;
  aidSubform: string | null;
  amountApplied: string | null;
  registrationDate: string | null;
  receivedAt: Date | null;
  assignee: PersonDto | null;
  asked: string | null;
  evaluation: { outcome: string; maxGrant: string; evaluatedAt: string } | null;
  decision: {
    id: string;
    status: string;
    outcome: string;
    amount: string | null;
    letterStatus: string | null;
  } | null;
  request: {
    id: string;
    reason: string;
    requestedAt: string;
    requestedBy: string | null;
    dueDate: string;
  } | null;
}
