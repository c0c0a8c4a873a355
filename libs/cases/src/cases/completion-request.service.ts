import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { Clock, stockholmDate } from '@anslag/common';
import { CatalogueService } from '../catalogue/catalogue.service';
import { CompletionRequest } from '../entities/completion-request.entity';
import type { CompletionRequestDto } from './case-response.dto';
import { PeopleService } from './people.service';

/** Days an applicant has to answer, when the region has not set `completionDueDays`. */
const DEFAULT_DUE_DAYS = 14;

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Requests for completion: opened when an officer asks, answered when the applicant hands in. */
@Injectable()
export class CompletionRequestService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly people: PeopleService,
    private readonly clock: Clock,
  ) {}

  async open(em: EntityManager, caseId: string, p: Principal, reason: string): Promise<CompletionRequest> {
    const now = this.clock.now();
    const days = await this.catalogue.setting<number>('completionDueDays', DEFAULT_DUE_DAYS, em);
    return em.save(
      em.create(CompletionRequest, {
        caseId,
        reason,
        requestedAt: now,
        requestedBy: p.userId,
        dueDate: addDays(stockholmDate(now), Number(days) || DEFAULT_DUE_DAYS),
      }),
    );
  }

  async answer(em: EntityManager, caseId: string, p: Principal): Promise<void> {
    await em.update(
      CompletionRequest,
      { caseId, answeredAt: IsNull() },
      { answeredAt: this.clock.now(), answeredBy: p.userId },
    );
  }

  async toDtos(rows: CompletionRequest[]): Promise<CompletionRequestDto[]> {
    const people = await this.people.byIds(rows.map((r) => r.requestedBy));
    const today = this.clock.today();
    return rows.map((r) => ({
      id: r.id,
      reason: r.reason,
      requestedAt: r.requestedAt.toISOString(),
      requestedBy: r.requestedBy ? (people.get(r.requestedBy) ?? null) : null,
      dueDate: r.dueDate,
      answeredAt: r.answeredAt?.toISOString() ?? null,
      overdue: r.answeredAt === null && r.dueDate < today,
    }));
  }
}
