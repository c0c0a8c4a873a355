import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { type Principal, Role } from '@anslag/auth';
import { DomainError, Page } from '@anslag/common';
import { AccessService } from '../access.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { BudgetLine } from '../entities/budget-line.entity';
import { DeMinimisDeclaration } from '../entities/de-minimis-declaration.entity';
import { GrantCase } from '../entities/grant-case.entity';
import { HistoryService } from '../history/history.service';
import { summariseBudget } from './budget';
import type { CaseQueryDto } from './case-query.dto';
import { CaseDto, CaseSummaryDto, HistoryEntryDto } from './case-response.dto';

const ORDER: Record<string, [string, 'ASC' | 'DESC']> = {
  registrationDate: ['c.registrationDate', 'ASC'],
  diarienummer: ['c.diarienummer', 'ASC'],
  title: ['c.title', 'ASC'],
};

@Injectable()
export class CaseQueryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly catalogue: CatalogueService,
    private readonly history: HistoryService,
  ) {}

  /** The case as its reader may see it; another organisation's case is NOT_FOUND, whatever the id. */
  async get(p: Principal, id: string): Promise<CaseDto> {
    const c = await this.db
      .getRepository(GrantCase)
      .findOne({ where: { id }, relations: { organisation: true } });
    if (!c) throw DomainError.notFound('Ärendet');
    await this.access.assertOrganisation(p, c.organisationId, 'Ärendet');
    const [lines, dm, cat] = await Promise.all([
      this.db.getRepository(BudgetLine).find({ where: { caseId: id }, order: { position: 'ASC' } }),
      this.db
        .getRepository(DeMinimisDeclaration)
        .find({ where: { caseId: id }, order: { grantedOn: 'ASC' } }),
      this.catalogue.load(),
    ]);
    return CaseDto.full(c, lines, dm, summariseBudget(lines, cat.regionGrantFinanciers));
  }

  /**
   * The officers' work queue and the applicants' own list. One page is a plain LIMIT over an index that
   * fits the sort (registration_date with id in the same direction; see migration WorkQueueIndexes), and
   * the total a COUNT(*) over the same filters without the join: filters on the organisation are
   * subqueries that use its own indexes (trigram on the name, prefix on the number).
   */
  async list(p: Principal, q: CaseQueryDto): Promise<Page<CaseSummaryDto>> {
    const mine = this.access.isOfficer(p) ? null : await this.access.organisationsOf(p);
    const repo = this.db.getRepository(GrantCase);
    const sort = q.sort ?? '-registrationDate';
    const [column] = ORDER[sort.replace(/^-/, '')];
    const desc = sort.startsWith('-');
    const page = this.filter(repo.createQueryBuilder('c'), q, mine)
      .leftJoinAndSelect('c.organisation', 'o')
      .orderBy(column, desc ? 'DESC' : 'ASC', desc ? 'NULLS LAST' : 'NULLS FIRST')
      .addOrderBy('c.id', desc ? 'DESC' : 'ASC')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const count = this.filter(repo.createQueryBuilder('c').select('COUNT(*)::int', 'total'), q, mine);
    const [rows, counted] = await Promise.all([page.getMany(), count.getRawOne<{ total: number }>()]);
    // The list shows what was applied for; for projects that is derived from the budget, in one query.
    const asked = await this.askedOfRegion(rows.filter((r) => r.track === 'projekt').map((r) => r.id));
    return {
      items: rows.map((r) =>
        CaseSummaryDto.from(r, r.track === 'projekt' ? (asked.get(r.id) ?? 0) : r.amountApplied),
      ),
      total: counted?.total ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  private filter(
    qb: SelectQueryBuilder<GrantCase>,
    q: CaseQueryDto,
    mine: string[] | null,
  ): SelectQueryBuilder<GrantCase> {
    if (mine) qb.andWhere('c.organisation_id = ANY(:mine)', { mine });
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
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

  async historyOf(p: Principal, id: string): Promise<HistoryEntryDto[]> {
    const c = await this.db
      .getRepository(GrantCase)
      .findOne({ where: { id }, select: { id: true, organisationId: true } });
    if (!c) throw DomainError.notFound('Ärendet');
    await this.access.assertOrganisation(p, c.organisationId, 'Ärendet');
    const officer = p.roles.some((r) => r !== Role.sokande);
    return (await this.history.list(id, !officer)).map((h) => ({
      id: h.id,
      at: h.at.toISOString(),
      actor: h.actorName,
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
