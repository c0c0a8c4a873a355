import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Principal, Role } from '@anslag/auth';
import { Clock, DomainError } from '@anslag/common';
import { kronorTransformer, plainQuery, ReferenceCache } from '@anslag/database';
import { AccessService } from '../access.service';
import { type Catalogues, CatalogueService } from '../catalogue/catalogue.service';
import { GrantCase } from '../entities/grant-case.entity';
import { HistoryService } from '../history/history.service';
import { summariseBudget } from './budget';
import {
  countsSql,
  type ListScope,
  likeTerm,
  MANY_ORGANISATIONS,
  type OrganisationMatch,
  ORGANISATIONS_SQL,
  type PageRow,
  pageSql,
} from './case-list';
import { CASE_STATUSES, type CaseQueryDto, CasePageDto, StatusCountsDto } from './case-query.dto';
import {
  type BudgetLineOfCase,
  CaseDto,
  type DeclarationOfCase,
  HistoryEntryDto,
  type PersonDto,
} from './case-response.dto';
import { CompletionRequestService } from './completion-request.service';
import { PeopleService } from './people.service';

/** A row as json_build_object gives it: the amount as text. */
type AsStored<T extends { amount: number }> = Omit<T, 'amount'> & { amount: string };

const DAY = 24 * 60 * 60 * 1000;
/** Up to this many matches, a free-text search finds them all through its indexes and sorts them. */
const FEW_MATCHES = 2000;

/** Amounts as text, through the same check as the entities' (a safe integer or an error). */
const kronor = <T extends { amount: string }>(r: T) => ({
  ...r,
  amount: kronorTransformer.from(r.amount) as number,
});

/** The case read by CaseQueryService.get: every column CaseDto.full shows, and what hangs off it. */
const CASE_SQL = `
  SELECT c.id, c.diarienummer, c.nyps_id AS "nypsId", c.track, c.status, c.organisation_id AS "organisationId",
         c.title, c.aid_form AS "aidForm", c.aid_subform AS "aidSubform", c.amount_applied::text AS "amountApplied",
         c.description, c.period_start::text AS "periodStart", c.period_end::text AS "periodEnd", c.forstudie,
         c.eu_cofinancing AS "euCofinancing", c.builds_on_earlier AS "buildsOnEarlier", c.rus_areas AS "rusAreas",
         c.effektmal, c.sections, c.planned_start::text AS "plannedStart",
         c.collective_agreement AS "collectiveAgreement", c.priority_claims AS "priorityClaims",
         c.state_aid_facts AS "stateAidFacts", c.home_delivery AS "homeDelivery",
         c.service_area_attestation AS "serviceAreaAttestation", c.state_aid_assessment AS "stateAidAssessment",
         c.eu_basis AS "euBasis", c.secrecy_marking AS "secrecyMarking", c.received_at AS "receivedAt",
         c.registration_date::text AS "registrationDate", c.assigned_to AS "assignedTo", c.version,
         o.name AS "organisationName", o.kommun_code AS "kommunCode",
         CASE WHEN a.id IS NULL THEN NULL
              ELSE json_build_object('id', a.id, 'displayName', a.display_name, 'title', a.title) END AS assignee,
         (SELECT COALESCE(json_agg(json_build_object('kind', kind, 'code', code, 'label', label, 'year', year,
                   'amount', amount::text, 'financingForm', financing_form, 'costType', cost_type,
                   'dated', dated::text) ORDER BY position), '[]')
            FROM budget_line WHERE case_id = c.id) AS lines,
         (SELECT COALESCE(json_agg(json_build_object('grantor', grantor, 'grantedOn', granted_on::text,
                   'amount', amount::text, 'currency', currency, 'regulation', regulation,
                   'recipient', recipient) ORDER BY granted_on), '[]')
            FROM de_minimis_declaration WHERE case_id = c.id) AS dm,
         (SELECT COALESCE(json_agg(json_build_object('id', id, 'reason', reason, 'requestedAt', requested_at,
                   'requestedBy', requested_by, 'dueDate', due_date::text, 'answeredAt', answered_at)
                   ORDER BY requested_at), '[]')
            FROM completion_request WHERE case_id = c.id) AS requests
  FROM grant_case c
  JOIN organisation o ON o.id = c.organisation_id
  LEFT JOIN account a ON a.id = c.assigned_to
  WHERE c.id = $1`;

export interface CaseRow {
  id: string;
  organisationId: string;
  organisationName: string;
  kommunCode: string | null;
  amountApplied: string | null;
  assignee: PersonDto | null;
  lines: AsStored<BudgetLineOfCase>[];
  dm: AsStored<DeclarationOfCase>[];
  requests: {
    id: string;
    reason: string;
    requestedAt: string;
    requestedBy: string | null;
    dueDate: string;
    answeredAt: string | null;
  }[];
  [column: string]: unknown;
}

/**
 * The row as the GrantCase that CaseDto.full reads (its organisation's name and kommun included): the row
 * itself, changed in place (a copy of its 40 columns by rest and spread cost more than the rest of the
 * mapping; CaseDto.full reads the fields it shows by name, none of the row's others).
 */
function toCase(row: CaseRow): GrantCase {
  const c = row as unknown as GrantCase;
  c.amountApplied = row.amountApplied === null ? null : (kronorTransformer.from(row.amountApplied) as number);
  c.organisation = { name: row.organisationName, kommunCode: row.kommunCode } as GrantCase['organisation'];
  return c;
}

/** Every status with its number (0 when none matched), from the database's counts by status. */
function toCounts(byStatus: Record<string, number | string> | null): StatusCountsDto {
  const counts = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as unknown as StatusCountsDto;
  for (const [status, n] of Object.entries(byStatus ?? {}))
    (counts as unknown as Record<string, number>)[status] = Number(n);
  return counts;
}

@Injectable()
export class CaseQueryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly catalogue: CatalogueService,
    private readonly history: HistoryService,
    private readonly people: PeopleService,
    private readonly completion: CompletionRequestService,
    private readonly clock: Clock,
  ) {}

  /**
   * The case as its reader may see it; another organisation's case is NOT_FOUND, whatever the id. The
   * case with its organisation, assigned officer, budget, declarations and completion requests is one
   * statement of plain SQL with its columns named (TypeORM's query building and hydration were half of
   * this request's CPU); the reader's organisations are read beside it. Nothing is answered before the
   * access check. The statement goes through the pg pool, not TypeORM's query runner (plainQuery).
   */
  async get(p: Principal, id: string): Promise<CaseDto> {
    const [[row], mine, cat] = await Promise.all([
      plainQuery<CaseRow>(this.db, CASE_SQL, [id]),
      this.access.isOfficer(p) ? null : this.access.organisationsOf(p),
      this.catalogue.load(),
    ]);
    if (!row || (mine && !mine.includes(row.organisationId))) throw DomainError.notFound('Ärendet');
    return this.answer(row, cat);
  }

  /**
   * The read of `get` for the end of the statement that writes the case (insertTogether's `read`): the
   * answer to a write that has just checked the writer's access to the case's organisation and read the
   * catalogues, given to `answer` with them. With `referenceVersion`, the statement fails unless the
   * reference counter is still at it (ReferenceCache.unchangedSql, on the case's row, which it always reads).
   */
  readBack(id: string, referenceVersion?: string): { sql: string; params: unknown[] } {
    return referenceVersion === undefined
      ? { sql: CASE_SQL, params: [id] }
      : { sql: `${CASE_SQL} AND ${ReferenceCache.unchangedSql('$2')}`, params: [id, referenceVersion] };
  }

  /** The case as answered, from the row of CASE_SQL. */
  async answer(row: CaseRow, cat: Catalogues): Promise<CaseDto> {
    const lines = row.lines.map(kronor);
    const requests = await this.completion.toDtos(
      row.requests.map((r) => ({
        ...r,
        caseId: row.id,
        requestedAt: new Date(r.requestedAt),
        answeredAt: r.answeredAt === null ? null : new Date(r.answeredAt),
        answeredBy: null,
      })),
    );
    return CaseDto.full(
      toCase(row),
      lines,
      row.dm.map(kronor),
      summariseBudget(lines, cat.regionGrantFinanciers),
      { assignedTo: row.assignee, completionRequests: requests },
    );
  }

  /**
   * The officers' work queue and the applicants' own list. A page is one statement of plain SQL with its
   * columns named (case-list.ts pageSql): a plain LIMIT over an index that fits the filter and the sort
   * (migrations WorkQueueIndexes, QueueSearch) chooses the page's ids, the rows with what the queue shows
   * beside each are read for those only (case_queue_rows, migration CaseQueueRows, whose plan each
   * connection keeps), and the counts per status (the queue's tabs, which give the total too) come in the
   * same statement; unfiltered, they are the kept counts (migration CaseStatusCounts), not a count of
   * every case. An organisation named in a search is looked up first (trigram index on the name, prefix
   * index on the number), so that the case's own indexes serve the rest. The statements go through the pg
   * pool, not TypeORM's query runner (plainQuery).
   */
  async list(p: Principal, q: CaseQueryDto): Promise<CasePageDto> {
    const officer = this.access.isOfficer(p);
    const text = q.q ? likeTerm(q.q.trim()) : '';
    const org = q.organisation ? likeTerm(q.organisation) : '';
    const [mine, textOrganisations, organisations] = await Promise.all([
      officer ? null : this.access.organisationsOf(p),
      text ? this.organisationsMatching(text) : { ids: [] },
      org ? this.organisationsMatching(org) : null,
    ]);
    const scope: ListScope = { mine, userId: p.userId, textOrganisations, organisations };
    const totalOf = (counts: StatusCountsDto) =>
      (q.status?.length ? q.status : CASE_STATUSES).reduce(
        (n, s) => n + ((counts as unknown as Record<string, number>)[s] ?? 0),
        0,
      );
    let rows: PageRow[];
    let counts: StatusCountsDto;
    if (text) {
      // A free-text search is counted first: the count tells whether its matches are few (see pageSql).
      counts = await this.counts(q, scope);
      const page = pageSql(q, scope, officer, 'none', totalOf(counts) <= FEW_MATCHES);
      rows = await plainQuery<PageRow>(this.db, page.sql, page.params);
    } else {
      const kept = this.everyCase(q, scope);
      const page = pageSql(q, scope, officer, kept ? 'kept' : 'matches');
      rows = await plainQuery<PageRow>(this.db, page.sql, page.params, { prepared: page.prepared });
      counts = toCounts(rows[0]?.counts?.counts ?? null);
      if (kept) this.foldWhenMany(Number(rows[0]?.counts?.rows ?? 0));
    }
    // An empty page is one row without a case (it carries the counts).
    if (rows.length === 1 && rows[0].id === null) rows = [];
    const total = totalOf(counts);
    const requests = await this.completion.toDtos(
      rows.flatMap((r) =>
        r.request
          ? [
              {
                ...r.request,
                caseId: r.id,
                requestedAt: new Date(r.request.requestedAt),
                answeredAt: null,
                answeredBy: null,
              },
            ]
          : [],
      ),
    );
    const requestOf = new Map(requests.map((d) => [d.id, d]));
    const now = this.clock.now().getTime();
    return {
      items: rows.map((r) => ({
        id: r.id,
        diarienummer: r.diarienummer,
        nypsId: r.nypsId,
        track: r.track,
        status: r.status,
        title: r.title,
        organisationId: r.organisationId,
        organisationName: r.organisationName,
        kommunCode: r.kommunCode,
        aidForm: r.aidForm,
        aidSubform: r.aidSubform,
        // The list shows what was applied for; for projects that is derived from the budget.
        amountApplied:
          r.track === 'projekt'
            ? (kronorTransformer.from(r.asked) as number)
            : r.amountApplied === null
              ? null
              : (kronorTransformer.from(r.amountApplied) as number),
        registrationDate: r.registrationDate,
        receivedAt: r.receivedAt?.toISOString() ?? null,
        assignedTo: r.assignee,
        ageDays: r.receivedAt ? Math.floor((now - r.receivedAt.getTime()) / DAY) : null,
        evaluation: r.evaluation && {
          outcome: r.evaluation.outcome,
          maxGrant: Number(r.evaluation.maxGrant),
          evaluatedAt: new Date(r.evaluation.evaluatedAt).toISOString(),
        },
        decision: r.decision && {
          ...r.decision,
          amount: r.decision.amount === null ? null : Number(r.decision.amount),
        },
        openCompletionRequest: r.request ? (requestOf.get(r.request.id) ?? null) : null,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
      counts,
    };
  }

  private async organisationsMatching(term: string): Promise<OrganisationMatch> {
    const rows = await plainQuery<{ id: string }>(this.db, ORGANISATIONS_SQL, [`%${term}%`, `${term}%`]);
    return rows.length > MANY_ORGANISATIONS ? { term } : { ids: rows.map((r) => r.id) };
  }

  /** Whether the list is every case (an officer's, no filter but the status): the kept counts apply. */
  private everyCase(q: CaseQueryDto, scope: ListScope): boolean {
    return (
      !scope.mine &&
      !q.q &&
      !q.assignee &&
      !q.track &&
      !q.aidForm &&
      !q.kommun &&
      !q.diarienummer &&
      !q.organisationId &&
      !q.organisation &&
      !q.from &&
      !q.to
    );
  }

  /** The counts of a free-text search (never the kept counts: the text filters). */
  private async counts(q: CaseQueryDto, scope: ListScope): Promise<StatusCountsDto> {
    const { sql, params } = countsSql(q, scope);
    const rows = await plainQuery<{ status: string; n: string }>(this.db, sql, params);
    return toCounts(Object.fromEntries(rows.map((r) => [r.status, r.n])));
  }

  /**
   * The kept counts are the sum of the differences that the triggers add (migration CaseStatusCounts).
   * When more than a few hundred have piled up they are folded into one row per status (not awaited; a
   * fold that meets another only takes the rows the other has not).
   */
  private foldWhenMany(rows: number): void {
    if (rows > 500)
      void this.db
        .query(
          `WITH gone AS (DELETE FROM case_status_delta RETURNING status, n)
           INSERT INTO case_status_delta (status, n) SELECT status, sum(n) FROM gone GROUP BY status`,
        )
        .catch(() => undefined);
  }

  async historyOf(p: Principal, id: string): Promise<HistoryEntryDto[]> {
    const c = await this.db
      .getRepository(GrantCase)
      .findOne({ where: { id }, select: { id: true, organisationId: true } });
    if (!c) throw DomainError.notFound('Ärendet');
    await this.access.assertOrganisation(p, c.organisationId, 'Ärendet');
    const officer = p.roles.some((r) => r !== Role.sokande);
    const entries = await this.history.list(id, !officer);
    const people = await this.people.byIds(entries.map((h) => h.actorId));
    return entries.map((h) => ({
      id: h.id,
      at: h.at.toISOString(),
      actor: h.actorName,
      actorPerson: h.actorId ? (people.get(h.actorId) ?? null) : null,
      action: h.action,
      before: h.before,
      after: h.after,
      reason: h.reason,
    }));
  }
}
