import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { type Principal, Role } from '@anslag/auth';
import { DomainError } from '@anslag/common';
import { kronorTransformer, plainQuery } from '@anslag/database';
import { AccessService } from '../access.service';
import { type Catalogues, CatalogueService } from '../catalogue/catalogue.service';
import { GrantCase } from '../entities/grant-case.entity';
import { HistoryService } from '../history/history.service';
import { summariseBudget } from './budget';
import { CASE_STATUSES, type CaseQueryDto, CasePageDto, StatusCountsDto } from './case-query.dto';
import {
  type BudgetLineOfCase,
  CaseDto,
  CaseSummaryDto,
  type DeclarationOfCase,
  HistoryEntryDto,
  type PersonDto,
} from './case-response.dto';
import { CompletionRequestService } from './completion-request.service';
import { PeopleService } from './people.service';
import { WorkQueueService } from './work-queue.service';

/** A row as json_build_object gives it: the amount as text. */
type AsStored<T extends { amount: number }> = Omit<T, 'amount'> & { amount: string };

const ORDER: Record<string, [string, 'ASC' | 'DESC']> = {
  registrationDate: ['c.registrationDate', 'ASC'],
  diarienummer: ['c.diarienummer', 'ASC'],
  title: ['c.title', 'ASC'],
};

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

interface CaseRow {
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

/** The row as the GrantCase that CaseDto.full reads (its organisation's name and kommun included). */
function toCase(row: CaseRow): GrantCase {
  const { organisationName, kommunCode, lines: _l, dm: _d, requests: _r, assignee: _a, ...c } = row;
  return {
    ...c,
    amountApplied: row.amountApplied === null ? null : (kronorTransformer.from(row.amountApplied) as number),
    organisation: { name: organisationName, kommunCode },
  } as unknown as GrantCase;
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
    private readonly workQueue: WorkQueueService,
  ) {}

  /**
   * The case as its reader may see it; another organisation's case is NOT_FOUND, whatever the id. The
   * case with its organisation, assigned officer, budget, declarations and completion requests is one
   * statement of plain SQL with its columns named (TypeORM's query building and hydration were half of
   * this request's CPU); the reader's organisations are read beside it. Nothing is answered before the
   * access check. The statement goes through the pg pool, not TypeORM's query runner (plainQuery).
   *
   * `written` is for the answer to a write that has just checked the reader's access to the case's
   * organisation and read the catalogues: neither is read again.
   */
  async get(p: Principal, id: string, written?: { catalogues: Catalogues }): Promise<CaseDto> {
    const [[row], mine, cat] = await Promise.all([
      plainQuery<CaseRow>(this.db, CASE_SQL, [id]),
      this.access.isOfficer(p) || written ? null : this.access.organisationsOf(p),
      written?.catalogues ?? this.catalogue.load(),
    ]);
    if (!row || (mine && !mine.includes(row.organisationId))) throw DomainError.notFound('Ärendet');
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
   * The officers' work queue and the applicants' own list. One page is a plain LIMIT over an index that
   * fits the sort (registration_date with id in the same direction; see migration WorkQueueIndexes); the
   * counts per status (the queue's tabs) give the total too. Unfiltered, they are the kept counts
   * (migration CaseStatusCounts), not a count of every case; filters on the organisation are subqueries
   * that use its own indexes (trigram on the name, prefix on the number).
   */
  async list(p: Principal, q: CaseQueryDto): Promise<CasePageDto> {
    const mine = this.access.isOfficer(p) ? null : await this.access.organisationsOf(p);
    const repo = this.db.getRepository(GrantCase);
    const sort = q.sort ?? '-registrationDate';
    const [column] = ORDER[sort.replace(/^-/, '')];
    const desc = sort.startsWith('-');
    const page = this.filter(repo.createQueryBuilder('c'), p, q, mine)
      .leftJoinAndSelect('c.organisation', 'o')
      .orderBy(column, desc ? 'DESC' : 'ASC', desc ? 'NULLS LAST' : 'NULLS FIRST')
      .addOrderBy('c.id', desc ? 'DESC' : 'ASC')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const [rows, counts] = await Promise.all([page.getMany(), this.counts(p, q, mine)]);
    const byStatus = counts as unknown as Record<string, number>;
    const total = (q.status?.length ? q.status : CASE_STATUSES).reduce((n, s) => n + (byStatus[s] ?? 0), 0);
    // The list shows what was applied for; for projects that is derived from the budget, in one query.
    const [asked, queue] = await Promise.all([
      this.askedOfRegion(rows.filter((r) => r.track === 'projekt').map((r) => r.id)),
      this.workQueue.forCases(rows, this.access.isOfficer(p)),
    ]);
    return {
      items: rows.map((r) => ({
        ...CaseSummaryDto.from(
          r,
          r.track === 'projekt' ? (asked.get(r.id) ?? 0) : r.amountApplied,
          r.assignedTo ? (queue.people.get(r.assignedTo) ?? null) : null,
        ),
        ...queue.of(r),
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
      counts,
    };
  }

  /** Whether the list is every case (an officer's, no filter but the status): the kept counts apply. */
  private everyCase(q: CaseQueryDto, mine: string[] | null): boolean {
    return (
      !mine &&
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

  /** The filters; without the status when counting the cases per status (the queue's tabs). */
  private filter(
    qb: SelectQueryBuilder<GrantCase>,
    p: Principal,
    q: CaseQueryDto,
    mine: string[] | null,
    withStatus = true,
  ): SelectQueryBuilder<GrantCase> {
    if (mine) qb.andWhere('c.organisation_id = ANY(:mine)', { mine });
    if (withStatus && q.status?.length) qb.andWhere('c.status IN (:...statuses)', { statuses: q.status });
    if (q.q) {
      const text = q.q.trim().replace(/[%_\\]/g, '');
      qb.andWhere(
        `(c.title ILIKE :text OR c.diarienummer ILIKE :text OR c.organisation_id IN
           (SELECT id FROM organisation WHERE name ILIKE :text
            UNION SELECT id FROM organisation WHERE organisationsnummer LIKE :textPrefix))`,
        { text: `%${text}%`, textPrefix: `${text}%` },
      );
    }
    if (q.assignee === 'mine') qb.andWhere('c.assigned_to = :me', { me: p.userId });
    else if (q.assignee === 'unassigned') qb.andWhere('c.assigned_to IS NULL');
    else if (q.assignee) qb.andWhere('c.assigned_to = :assignee', { assignee: q.assignee.toLowerCase() });
    if (q.track) qb.andWhere('c.track = :track', { track: q.track });
    if (q.aidForm) qb.andWhere('c.aid_form = :aidForm', { aidForm: q.aidForm });
    if (q.kommun)
      qb.andWhere('c.organisation_id IN (SELECT id FROM organisation WHERE kommun_code = :kommun)', {
        kommun: q.kommun,
      });
    if (q.diarienummer)
      qb.andWhere('c.diarienummer LIKE :dnr', {
        dnr: `${q.diarienummer.toUpperCase().replace(/[%_\\]/g, '')}%`,
      });
    if (q.organisationId) qb.andWhere('c.organisation_id = :orgId', { orgId: q.organisationId });
    if (q.organisation) {
      const term = q.organisation.replace(/[%_\\]/g, '');
      // Two branches, so that each uses its index (an OR across them would scan the table).
      qb.andWhere(
        `c.organisation_id IN (SELECT id FROM organisation WHERE name ILIKE :term
           UNION SELECT id FROM organisation WHERE organisationsnummer LIKE :prefix)`,
        { term: `%${term}%`, prefix: `${term}%` },
      );
    }
    if (q.from) qb.andWhere('c.registration_date >= :from', { from: q.from });
    if (q.to) qb.andWhere('c.registration_date <= :to', { to: q.to });
    return qb;
  }

  private async counts(p: Principal, q: CaseQueryDto, mine: string[] | null): Promise<StatusCountsDto> {
    const rows = this.everyCase(q, mine)
      ? await this.keptCounts()
      : await this.filter(this.db.getRepository(GrantCase).createQueryBuilder('c'), p, q, mine, false)
          .select('c.status', 'status')
          .addSelect('COUNT(*)', 'n')
          .groupBy('c.status')
          .getRawMany<{ status: string; n: string }>();
    const counts = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as unknown as StatusCountsDto;
    for (const r of rows) (counts as unknown as Record<string, number>)[r.status] = Number(r.n);
    return counts;
  }

  /**
   * The number of cases per status as the triggers keep it: the sum of the differences. When more than a
   * few hundred have piled up they are folded into one row per status (not awaited; a fold that meets
   * another only takes the rows the other has not).
   */
  private async keptCounts(): Promise<{ status: string; n: string }[]> {
    const rows: { status: string; n: string; rows: number }[] = await this.db.query(
      `SELECT status, sum(n)::text AS n, count(*)::int AS rows FROM case_status_delta GROUP BY status`,
    );
    if (rows.reduce((sum, r) => sum + r.rows, 0) > 500)
      void this.db
        .query(
          `WITH gone AS (DELETE FROM case_status_delta RETURNING status, n)
           INSERT INTO case_status_delta (status, n) SELECT status, sum(n) FROM gone GROUP BY status`,
        )
        .catch(() => undefined);
    return rows;
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

  private async askedOfRegion(caseIds: string[]): Promise<Map<string, number>> {
    if (caseIds.length === 0) return new Map();
    const rows: { case_id: string; asked: string }[] = await this.db.query(
      `SELECT b.case_id, SUM(b.amount)::text AS asked FROM budget_line b
       JOIN catalogue_entry f ON f.kind = 'financier' AND f.code = b.code AND f.region_grant
       WHERE b.kind = 'financing' AND b.case_id = ANY($1) GROUP BY b.case_id`,
      [caseIds],
    );
    return new Map(rows.map((r) => [r.case_id, Number(r.asked)]));
  }
}
