import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Account, Principal, Role } from '@anslag/auth';
import { DomainError, ErrorCode } from '@anslag/common';
import { GrantCase } from '../entities/grant-case.entity';
import { HistoryService } from '../history/history.service';
import { CaseQueryService } from './case-query.service';
import type { CaseDto } from './case-response.dto';

/** Assigning a case to a handläggare, and reassigning it; each change is kept in the history with names. */
@Injectable()
export class CaseAssignmentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly history: HistoryService,
    private readonly query: CaseQueryService,
  ) {}

  async assign(p: Principal, id: string, assignedTo: string | null, reason?: string): Promise<CaseDto> {
    await this.db.transaction(async (em) => {
      const c = await em.findOne(GrantCase, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!c) throw DomainError.notFound('Ärendet');
      if (c.status === 'utkast')
        throw new DomainError(ErrorCode.INVALID_TRANSITION, 'Ett utkast tilldelas ingen handläggare');
      const target = assignedTo
        ? await em.findOne(Account, { where: { id: assignedTo, active: true } })
        : null;
      if (assignedTo && !target?.roles.includes(Role.handlaggare)) {
        const officers = await em
          .getRepository(Account)
          .createQueryBuilder('a')
          .select(['a.id'])
          .where(':role = ANY(a.roles) AND a.active', { role: Role.handlaggare })
          .getMany();
        throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Ärendet kan bara tilldelas en handläggare', [
          { field: 'assignedTo', problem: 'är ingen aktiv handläggare', allowed: officers.map((o) => o.id) },
        ]);
      }
      if (c.assignedTo === assignedTo) return;
      const previous = c.assignedTo
        ? await em.findOne(Account, { where: { id: c.assignedTo }, select: { id: true, displayName: true } })
        : null;
      const action = c.assignedTo ? 'omfördelad' : 'tilldelad';
      c.assignedTo = assignedTo;
      await em.save(c);
      await this.history.record(em, {
        caseId: c.id,
        actor: p,
        action: assignedTo ? action : 'tilldelning_borttagen',
        before: { assignedTo: previous?.id ?? null, assignedToName: previous?.displayName ?? null },
        after: { assignedTo, assignedToName: target?.displayName ?? null },
        reason: reason ?? null,
      });
    });
    return this.query.get(p, id);
  }
}
