import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Account, Principal } from '@anslag/auth';
import { DomainError, ErrorCode } from '@anslag/common';
import { GrantCase, type ServiceAreaAttestation } from '../entities/grant-case.entity';
import { HistoryService } from '../history/history.service';
import type { ServiceAreaAttestationDto } from './service-area.dto';

/**
 * The officer attests whether a kommersiell service site lies where service is sparse, when the service
 * programme's areas do not settle it (or settle it wrongly); the reason is kept in the history.
 */
@Injectable()
export class ServiceAreaService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly history: HistoryService,
  ) {}

  async attest(p: Principal, id: string, dto: ServiceAreaAttestationDto): Promise<ServiceAreaAttestation> {
    return this.db.transaction(async (em) => {
      const c = await em.findOne(GrantCase, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!c) throw DomainError.notFound('Ärendet');
      if (c.track !== 'foretagsstod' || c.aidForm !== 'kommersiell_service')
        throw new DomainError(ErrorCode.CONFLICT, 'Intygandet gäller bara stöd till kommersiell service', [
          { field: 'aidForm', problem: 'inte kommersiell service' },
        ]);
      if (['beslutad', 'aterkallad'].includes(c.status))
        throw new DomainError(ErrorCode.INVALID_TRANSITION, `Ärendet kan inte ändras i status "${c.status}"`);
      const officer = await em.findOneOrFail(Account, { where: { id: p.userId } });
      const attestation: ServiceAreaAttestation = {
        eligible: dto.eligible,
        area: dto.area ?? null,
        reason: dto.reason,
        attestedBy: officer.displayName,
      };
      await em.update(GrantCase, { id }, { serviceAreaAttestation: attestation });
      await this.history.record(em, {
        caseId: id,
        actor: p,
        action: 'serviceomrade_intygat',
        before: { serviceAreaAttestation: c.serviceAreaAttestation },
        after: { serviceAreaAttestation: attestation },
        reason: dto.reason,
      });
      return attestation;
    });
  }
}
