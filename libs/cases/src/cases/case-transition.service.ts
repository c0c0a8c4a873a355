import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MandateUsed, Principal, Representation, Role } from '@anslag/auth';
import { Clock, DomainError, ErrorCode, stockholmDate } from '@anslag/common';
import { AccessService } from '../access.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { GrantCase } from '../entities/grant-case.entity';
import { HistoryService } from '../history/history.service';
import { checkTransition, TransitionName } from './case-lifecycle';
import { CaseQueryService } from './case-query.service';
import type { CaseDto } from './case-response.dto';
import { DiarienummerService } from './diarienummer.service';
import { SubmissionCheckService } from './submission-check.service';
import { CompletionRequestService } from './completion-request.service';

@Injectable()
export class CaseTransitionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly catalogue: CatalogueService,
    private readonly history: HistoryService,
    private readonly diarienummer: DiarienummerService,
    private readonly query: CaseQueryService,
    private readonly clock: Clock,
    private readonly submission: SubmissionCheckService,
    private readonly completion: CompletionRequestService,
    private readonly representation: Representation,
  ) {}

  async transition(p: Principal, id: string, name: TransitionName, reason?: string): Promise<CaseDto> {
    await this.db.transaction(async (em) => {
      const c = await em.findOne(GrantCase, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!c) throw DomainError.notFound('Ärendet');
      await this.access.assertOrganisation(p, c.organisationId, 'Ärendet', em);
      const check = checkTransition(name, c.status, p.roles, reason);
      if (!check.ok) {
        if (check.problem === 'role')
          throw new DomainError(ErrorCode.FORBIDDEN, 'Din roll får inte göra denna övergång');
        if (check.problem === 'reason') throw DomainError.validation('reason', 'ange varför');
        throw new DomainError(
          ErrorCode.INVALID_TRANSITION,
          `Övergången "${name}" är inte möjlig från status "${c.status}"`,
        );
      }
      const before = { status: c.status };
      let mandate: MandateUsed | null = null;
      if (name === 'skicka_in') {
        // What is missing is shown first, whoever asks; then whether this person may submit for the firm.
        await this.assertComplete(em, c);
        if (p.roles.includes(Role.sokande))
          mandate = await this.representation.assertMayAct(p, c.organisationId, name, em);
        this.stampReceipt(c);
      }
      if (name === 'begar_komplettering') await this.completion.open(em, c.id, p, reason!.trim());
      if (name === 'lamna_komplettering') await this.completion.answer(em, c.id, p);
      c.status = check.to;
      await em.save(c);
      const entry = {
        caseId: c.id,
        actor: p,
        action: name,
        before,
        after: {
          status: c.status,
          ...(name === 'skicka_in' ? { diarienummer: c.diarienummer } : {}),
          ...(mandate ? { mandate } : {}),
        },
        reason: reason ?? null,
      };
      // Registration gives the case its diarienummer, with the history entry, as the last statement.
      if (name === 'skicka_in' && !c.diarienummer) {
        const series = await this.catalogue.setting<string>('diarienummerSeries', 'RS', em);
        await this.diarienummer.assign(em, c.id, c.registrationDate!, series, entry);
      } else await this.history.record(em, entry);
    });
    return this.query.get(p, id);
  }

  private async assertComplete(em: EntityManager, c: GrantCase): Promise<void> {
    const problems = await this.submission.problems(em, c);
    if (problems.length)
      throw new DomainError(ErrorCode.CASE_NOT_SUBMITTABLE, 'Ansökan är inte komplett', problems);
  }

  /** Submission registers the case (checked complete before): stamps the receipt and the registration. */
  private stampReceipt(c: GrantCase): void {
    const now = this.clock.now();
    c.receivedAt = now;
    c.registeredAt = now;
    c.registrationDate = stockholmDate(now);
  }
}
