import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { Clock, DomainError, ErrorCode } from '@anslag/common';
import { AccessService, DECIDABLE, GrantCase, HistoryService, PersonalDataLogService } from '@anslag/cases';
import { evaluate, type Evaluation, type EvaluationInput, type RuleSet } from '@anslag/rules';
import { CaseEvaluation } from '../entities/case-evaluation.entity';
import { PolicyService } from '../inriktningsbeslut/policy.service';
import { EvaluationInputService } from './evaluation-input.service';
import { FramesService } from './frames.service';

export interface StoredEvaluation {
  id: string;
  caseId: string;
  inriktningsbeslutId: string;
  evaluatedAt: string;
  evaluatedBy: string;
  evaluation: Evaluation;
  frames: unknown;
}

/** The officer's assessment: evaluate under the decision in force on the registration date, store it with the case. */
@Injectable()
export class AssessmentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly policy: PolicyService,
    private readonly inputs: EvaluationInputService,
    private readonly frames: FramesService,
    private readonly history: HistoryService,
    private readonly access: AccessService,
    private readonly personalData: PersonalDataLogService,
    private readonly clock: Clock,
  ) {}

  /** Frames belong to their year: an assessment shows this year's. */
  private year(): number {
    return Number(this.clock.today().slice(0, 4));
  }

  async assess(p: Principal, caseId: string): Promise<StoredEvaluation> {
    return this.db.transaction(async (em) => {
      const c = await em.findOne(GrantCase, { where: { id: caseId }, relations: { organisation: true } });
      if (!c) throw DomainError.notFound('Ärendet');
      if (!c.registrationDate || !DECIDABLE.includes(c.status)) {
        throw new DomainError(
          ErrorCode.INVALID_TRANSITION,
          `Ärendet kan inte bedömas i status "${c.status}"`,
        );
      }
      await this.assertNoJav(em, caseId, p.userId);
      const rules = await this.policy.inForce(c.registrationDate, em);
      await this.personalData.logRead(p, c.organisation!, 'bedömning', em);
      const input = (await this.inputs.build([c], rules.rus, em)).get(c.id)!;
      const evaluation = evaluate(input, rules.ruleSet, rules.rus);
      const saved = await em.save(CaseEvaluation, {
        caseId,
        inriktningsbeslutId: rules.row.id,
        rusId: evaluation.rusId,
        outcome: evaluation.outcome,
        maxGrant: evaluation.maxGrant.amount,
        result: evaluation,
        evaluatedBy: p.userId,
        evaluatedByName: p.username,
      });
      if (c.rusVersion !== evaluation.rusId)
        await em.update(GrantCase, { id: c.id }, { rusVersion: evaluation.rusId });
      await this.history.record(em, {
        caseId,
        actor: p,
        action: 'bedömd',
        after: {
          outcome: evaluation.outcome,
          maxGrant: evaluation.maxGrant.amount,
          inriktningsbeslut: rules.ruleSet.id,
        },
      });
      return this.present(saved, await this.framesFor(em, evaluation, rules.ruleSet, input));
    });
  }

  async latest(p: Principal, caseId: string): Promise<StoredEvaluation> {
    const c = await this.db
      .getRepository(GrantCase)
      .findOne({ where: { id: caseId }, relations: { organisation: true } });
    if (!c) throw DomainError.notFound('Ärendet');
    await this.access.assertOrganisation(p, c.organisationId, 'Ärendet');
    const row = await this.db
      .getRepository(CaseEvaluation)
      .findOne({ where: { caseId }, order: { createdAt: 'DESC' } });
    if (!row) throw DomainError.notFound('Bedömningen');
    // The stored evaluation's reasons may state the exception for firms run by people born outside the
    // Nordic countries: showing them is a use of that fact, logged like any other.
    await this.personalData.logRead(p, c.organisation!, 'visning');
    const rules = await this.db.query('SELECT content FROM inriktningsbeslut WHERE id = $1', [
      row.inriktningsbeslutId,
    ]);
    const frames = rules[0] ? await this.frames.status(rules[0].content, this.year()) : null;
    return this.present(row, frames);
  }

  private async framesFor(em: EntityManager, e: Evaluation, ruleSet: RuleSet, input: EvaluationInput) {
    const frame =
      input.track === 'projekt' ? ruleSet.projectRules.frame : ruleSet.aidForms[input.aidForm]?.frame;
    if (!frame) return null;
    return this.frames.status(
      ruleSet,
      this.year(),
      { frame, aidForm: input.track === 'foretagsstod' ? input.aidForm : null, amount: e.maxGrant.amount },
      em,
    );
  }

  /** Jäv: a person who declared a conflict of interest in the case may not assess it. */
  async assertNoJav(em: EntityManager, caseId: string, accountId: string): Promise<void> {
    const rows = await em.query('SELECT 1 FROM conflict_of_interest WHERE case_id = $1 AND account_id = $2', [
      caseId,
      accountId,
    ]);
    if (rows.length)
      throw new DomainError(
        ErrorCode.JAV,
        'Du har anmält jäv i ärendet och får inte handlägga eller besluta i det',
      );
  }

  private present(row: CaseEvaluation, frames: unknown): StoredEvaluation {
    return {
      id: row.id,
      caseId: row.caseId,
      inriktningsbeslutId: row.inriktningsbeslutId,
      evaluatedAt: row.createdAt.toISOString(),
      evaluatedBy: row.evaluatedByName,
      evaluation: row.result,
      frames,
    };
  }
}
