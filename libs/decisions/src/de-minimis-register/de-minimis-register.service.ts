import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { DomainError, ErrorCode } from '@anslag/common';
import { HistoryService } from '@anslag/cases';
import { Decision } from '../entities/decision.entity';
import { DecisionDto } from '../signing/decision.dto';

/**
 * The central de minimis register (2023/2831 art. 6.2, from 2026): a signed decision marked
 * `ska_registreras` is recorded as `registrerad` with the register's reference, once. The decision row
 * is otherwise immutable; the database trigger allows exactly this step.
 */
@Injectable()
export class DeMinimisRegisterService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly history: HistoryService,
  ) {}

  async register(p: Principal, id: string, reference: string): Promise<DecisionDto> {
    return this.db.transaction(async (em) => {
      const d = await em.findOne(Decision, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!d) throw DomainError.notFound('Beslutet');
      if (d.status !== 'signerat' || d.deMinimisRegisterStatus !== 'ska_registreras') {
        const status = d.deMinimisRegisterStatus ?? 'inget stöd av mindre betydelse';
        throw new DomainError(ErrorCode.CONFLICT, `Beslutet ska inte registreras (${status})`, [
          { field: 'deMinimisRegisterStatus', problem: `är ${status}, inte ska_registreras` },
        ]);
      }
      await em.update(
        Decision,
        { id },
        { deMinimisRegisterStatus: 'registrerad', deMinimisRegisterReference: reference },
      );
      await this.history.record(em, {
        caseId: d.caseId,
        actor: p,
        action: 'de_minimis_registrerat',
        before: { decisionId: id, deMinimisRegisterStatus: 'ska_registreras' },
        after: { decisionId: id, deMinimisRegisterStatus: 'registrerad', reference },
      });
      return DecisionDto.from(await em.findOneOrFail(Decision, { where: { id } }));
    });
  }
}
