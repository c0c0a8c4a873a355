import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MandateUsed, Principal, Representation, Role } from '@anslag/auth';
import { Clock, DomainError, ErrorCode, ErrorDetail, stockholmDate } from '@anslag/common';
import { formatKronor } from '@anslag/money';
import { AccessService } from '../access.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { BudgetLine } from '../entities/budget-line.entity';
import { GrantCase } from '../entities/grant-case.entity';
import { HistoryService } from '../history/history.service';
import { summariseBudget } from './budget';
import { checkTransition, TransitionName } from './case-lifecycle';
import { CaseQueryService } from './case-query.service';
import type { CaseDto } from './case-response.dto';
import { DiarienummerService } from './diarienummer.service';

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
        await this.register(em, c);
      }
      c.status = check.to;
      await em.save(c);
      await this.history.record(em, {
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
      });
    });
    return this.query.get(p, id);
  }

  private async assertComplete(em: EntityManager, c: GrantCase): Promise<void> {
    const problems = await this.submissionProblems(em, c);
    if (problems.length)
      throw new DomainError(ErrorCode.CASE_NOT_SUBMITTABLE, 'Ansökan är inte komplett', problems);
  }

  /** Submission registers the case (checked complete before): stamps the receipt, gives it its diarienummer. */
  private async register(em: EntityManager, c: GrantCase): Promise<void> {
    const now = this.clock.now();
    c.receivedAt = now;
    c.registeredAt = now;
    c.registrationDate = stockholmDate(now);
    const series = await this.catalogue.setting<string>('diarienummerSeries', 'RS', em);
    if (!c.diarienummer) c.diarienummer = await this.diarienummer.allocate(em, c.registrationDate, series);
  }

  private async submissionProblems(em: EntityManager, c: GrantCase): Promise<ErrorDetail[]> {
    const lines = await em.find(BudgetLine, { where: { caseId: c.id } });
    const missing = (field: string) => ({ field, problem: 'saknas' });
    const out: ErrorDetail[] = [];
    if (c.track === 'projekt') {
      if (!c.periodStart) out.push(missing('periodStart'));
      if (!c.periodEnd) out.push(missing('periodEnd'));
      if (!c.rusAreas.length) out.push(missing('rusAreas'));
      const s = summariseBudget(lines, (await this.catalogue.load(em)).regionGrantFinanciers);
      if (s.costsTotal === 0) out.push({ field: 'budget.costs', problem: 'budgeten saknar kostnader' });
      else if (!s.balanced) {
        out.push({
          field: 'budget',
          problem: `budgeten är inte fullt finansierad: kostnader ${formatKronor(s.costsTotal, { space: ' ' })}, finansiering ${formatKronor(s.financingTotal, { space: ' ' })}`,
        });
      }
    } else {
      if (!c.aidForm) out.push(missing('aidForm'));
      if (c.amountApplied === null) out.push(missing('amountApplied'));
      if (!c.plannedStart) out.push(missing('plannedStart'));
      if (!lines.some((l) => l.kind === 'cost')) out.push(missing('costLines'));
      if (c.collectiveAgreement === null) out.push(missing('collectiveAgreement'));
    }
    return out;
  }
}
