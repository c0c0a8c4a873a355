import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@anslag/common';
import { CompletionRequest } from '../entities/completion-request.entity';
import { GrantCase } from '../entities/grant-case.entity';
import type { CompletionRequestPageDto, CompletionRequestQueryDto } from './completion-requests.controller';
import { CompletionRequestService } from './completion-request.service';
import { PeopleService } from './people.service';

/** The officers' list of open completion requests: which applicants owe an answer, and since when. */
@Injectable()
export class CompletionRequestListService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly completion: CompletionRequestService,
    private readonly people: PeopleService,
    private readonly clock: Clock,
  ) {}

  async open(q: CompletionRequestQueryDto): Promise<CompletionRequestPageDto> {
    const qb = this.db
      .getRepository(CompletionRequest)
      .createQueryBuilder('r')
      .where('r.answered_at IS NULL');
    if (q.overdue === true) qb.andWhere('r.due_date < :today', { today: this.clock.today() });
    if (q.overdue === false) qb.andWhere('r.due_date >= :today', { today: this.clock.today() });
    qb.orderBy('r.due_date', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    const cases = rows.length
      ? await this.db
          .getRepository(GrantCase)
          .createQueryBuilder('c')
          .leftJoinAndSelect('c.organisation', 'o')
          .where('c.id IN (:...ids)', { ids: rows.map((r) => r.caseId) })
          .getMany()
      : [];
    const byId = new Map(cases.map((c) => [c.id, c]));
    const [dtos, people] = await Promise.all([
      this.completion.toDtos(rows),
      this.people.byIds(cases.map((c) => c.assignedTo)),
    ]);
    return {
      items: dtos.map((d, i) => {
        const c = byId.get(rows[i].caseId);
        return {
          ...d,
          caseId: rows[i].caseId,
          diarienummer: c?.diarienummer ?? null,
          title: c?.title ?? '',
          organisationName: c?.organisation?.name ?? null,
          assignedTo: c?.assignedTo ? (people.get(c.assignedTo) ?? null) : null,
        };
      }),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
