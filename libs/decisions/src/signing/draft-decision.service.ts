import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { Clock, DomainError, ErrorCode, ErrorDetail } from '@anslag/common';
import { CatalogueService, DECIDABLE, GrantCase, HistoryService } from '@anslag/cases';
import { AssessmentService, CaseEvaluation, PolicyService } from '@anslag/policy';
import type { Evaluation, RuleSet } from '@anslag/rules';
import { Decision, type FinancingSource } from '../entities/decision.entity';
import { DecisionDto, DecisionFieldsDto, DraftDecisionDto } from './decision.dto';

/** Drafting a decision (or a change decision) from the stored evaluation; the handläggare's work. */
@Injectable()
export class DraftDecisionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly history: HistoryService,
    private readonly assessment: AssessmentService,
    private readonly catalogue: CatalogueService,
    private readonly policy: PolicyService,
    private readonly clock: Clock,
  ) {}

  async draft(p: Principal, caseId: string, dto: DraftDecisionDto): Promise<DecisionDto> {
    return this.db.transaction(async (em) => {
      const c = await em.findOne(GrantCase, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
      if (!c) throw DomainError.notFound('Ärendet');
      if (!DECIDABLE.includes(c.status))
        throw new DomainError(ErrorCode.INVALID_TRANSITION, `Beslut kan inte fattas i status "${c.status}"`);
      await this.assessment.assertNoJav(em, caseId, p.userId);
      const ev = await em.findOne(CaseEvaluation, { where: { caseId }, order: { createdAt: 'DESC' } });
      if (!ev)
        throw new DomainError(ErrorCode.NO_EVALUATION, 'Ärendet måste bedömas innan ett beslut kan utformas');
      await em.delete(Decision, { caseId, status: 'utkast', kind: 'beslut' }); // one draft at a time
      const d = em.create(Decision, {
        caseId,
        kind: 'beslut',
        status: 'utkast',
        outcome: dto.outcome,
        evaluationId: ev.id,
        evaluatedMax: ev.maxGrant,
        aidForm: c.aidSubform ? `${c.aidForm}/${c.aidSubform}` : c.aidForm,
        frame: await this.frameOf(em, ev.inriktningsbeslutId, c),
        legalBasis: ev.result.legalBasis,
        appealable: ev.result.appealable,
        stateAidRoute: this.route(ev.result),
        decisionDate: this.clock.today(),
        decidedByNamnd: dto.decidedByNamnd ?? false,
        draftedBy: p.userId,
        conditions: await this.standardConditions(em, c.track),
        reasons: await this.defaultReasons(em, ev.result, c),
        amount: dto.outcome === 'avslag' ? null : ev.maxGrant,
        financing: c.track === 'projekt' ? await this.regionFinancing(em, c.id) : [],
        coSigners: [],
        earliestStart: c.periodStart,
        latestEnd: c.periodEnd,
      });
      this.apply(d, dto, c);
      const saved = await em.save(d);
      await this.history.record(em, {
        caseId,
        actor: p,
        action: 'beslut_utformat',
        after: DecisionDto.from(saved),
      });
      return DecisionDto.from(saved);
    });
  }

  async update(p: Principal, id: string, dto: DecisionFieldsDto): Promise<DecisionDto> {
    return this.db.transaction(async (em) => {
      await this.lockCaseOf(em, id); // case → decision, as signing does
      const d = await em.findOne(Decision, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!d) throw DomainError.notFound('Beslutet');
      if (d.status === 'signerat')
        throw new DomainError(
          ErrorCode.DECISION_SIGNED,
          'Ett signerat beslut ändras inte; fatta ett ändringsbeslut',
        );
      await this.assessment.assertNoJav(em, d.caseId, p.userId);
      const c = await em.findOneOrFail(GrantCase, { where: { id: d.caseId } });
      const before = DecisionDto.from(d);
      this.apply(d, dto, c);
      // A change answers a beslutsfattare's return: the draft is signable again (the comment stays in the history).
      d.returnedAt = null;
      d.returnedBy = null;
      d.returnComment = null;
      const saved = await em.save(d);
      await this.history.record(em, {
        caseId: d.caseId,
        actor: p,
        action: 'beslut_ändrat_utkast',
        before,
        after: DecisionDto.from(saved),
      });
      return DecisionDto.from(saved);
    });
  }

  /** A change decision (ändringsbeslut): a new draft linked to the signed decision it corrects. */
  async amend(p: Principal, id: string, dto: DecisionFieldsDto): Promise<DecisionDto> {
    return this.db.transaction(async (em) => {
      await this.lockCaseOf(em, id);
      const original = await em.findOne(Decision, { where: { id } });
      if (!original) throw DomainError.notFound('Beslutet');
      if (original.status !== 'signerat')
        throw new DomainError(ErrorCode.CONFLICT, 'Bara ett signerat beslut kan ändras genom ändringsbeslut');
      // One open change decision per decision (a unique index guards it too): parallel change decisions
      // would otherwise each be signed, the last silently winning.
      const chain = original.amendsDecisionId ?? original.id;
      const open = await em.findOne(Decision, {
        where: { amendsDecisionId: chain, kind: 'andringsbeslut', status: 'utkast' },
      });
      if (open)
        throw new DomainError(
          ErrorCode.CONFLICT,
          'Ett ändringsbeslut av beslutet är redan under arbete; signera eller ändra det',
          [{ field: 'id', problem: `öppet ändringsbeslut ${open.id}` }],
        );
      await this.assessment.assertNoJav(em, original.caseId, p.userId);
      const c = await em.findOneOrFail(GrantCase, { where: { id: original.caseId } });
      const { id: _id, createdAt: _c, updatedAt: _u, version: _v, ...copy } = original;
      const d = em.create(Decision, {
        ...copy,
        kind: 'andringsbeslut',
        amendsDecisionId: original.amendsDecisionId ?? original.id,
        status: 'utkast',
        signedBy: null,
        signedByName: null,
        signedByTitle: null,
        signedAt: null,
        overrideReason: null,
        reportedIn: null,
        delegationPoint: null,
        namndMeetingDate: null,
        namndParagraph: null,
        // Taken anew when the change decision is signed, as it then stands.
        snapshot: null,
        capsExceeded: [],
        substituteFor: null,
        decisionDate: this.clock.today(),
        draftedBy: p.userId,
      });
      this.apply(d, dto, c);
      const saved = await em.save(d);
      await this.history.record(em, {
        caseId: d.caseId,
        actor: p,
        action: 'ändringsbeslut_utformat',
        after: DecisionDto.from(saved),
      });
      return DecisionDto.from(saved);
    });
  }

  /** Locks the decision's case, first in the lock order case → decision → organisation. */
  private async lockCaseOf(em: EntityManager, decisionId: string): Promise<void> {
    const [row]: { case_id: string }[] = await em.query('SELECT case_id FROM decision WHERE id = $1', [
      decisionId,
    ]);
    if (!row) throw DomainError.notFound('Beslutet');
    await em.query('SELECT id FROM grant_case WHERE id = $1 FOR UPDATE', [row.case_id]);
  }

  private apply(d: Decision, dto: DecisionFieldsDto, c: GrantCase): void {
    const { reasons, ...rest } = dto;
    const given = <T extends object>(o: T) =>
      Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    Object.assign(d, given(rest));
    if (reasons)
      d.reasons = {
        rusArea: null,
        effektmal: null,
        rankQuote: null,
        text: null,
        ...d.reasons,
        ...given(reasons),
      };
    if (d.outcome === 'avslag') {
      d.amount = null;
      d.shareBp = null;
      d.financing = [];
    }
    const problems: ErrorDetail[] = [];
    if (d.outcome !== 'avslag' && !d.amount)
      problems.push({ field: 'amount', problem: 'belopp krävs vid bifall' });
    if (d.outcome !== 'bifall' && !d.rejectionGrounds)
      problems.push({
        field: 'rejectionGrounds',
        problem: 'skälen för avslag eller delvis bifall ska anges (förvaltningslagen 32 §)',
      });
    if (c.track === 'projekt' && d.outcome !== 'avslag' && !d.shareBp)
      problems.push({ field: 'shareBp', problem: 'andel av bokförda kostnader krävs för projekt' });
    if (d.earliestStart && d.latestEnd && d.latestEnd < d.earliestStart)
      problems.push({ field: 'latestEnd', problem: 'slutdatum före startdatum' });
    const financed = d.financing.reduce((s, f) => s + f.amount, 0);
    if (d.financing.length > 0 && d.amount !== null && financed !== d.amount) {
      problems.push({
        field: 'financing',
        problem: `finansieringskällorna summerar till ${financed} kr, beslutet till ${d.amount} kr`,
      });
    }
    if (problems.length)
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Beslutet är inte fullständigt', problems);
  }

  /** The region's sources in the project's financing (1:1, rambudget …), as the decision's financing frame. */
  private async regionFinancing(em: EntityManager, caseId: string): Promise<FinancingSource[]> {
    const rows: { code: string; name: string; total: string }[] = await em.query(
      `SELECT b.code, f.name, SUM(b.amount)::text AS total FROM budget_line b
       JOIN catalogue_entry f ON f.kind = 'financier' AND f.code = b.code AND f.region_grant
       WHERE b.case_id = $1 AND b.kind = 'financing' GROUP BY b.code, f.name, f.sort_order ORDER BY f.sort_order, b.code`,
      [caseId],
    );
    return rows.map((r) => ({ source: r.code, label: r.name, amount: Number(r.total) }));
  }

  private async frameOf(
    em: EntityManager,
    inriktningsbeslutId: string,
    c: GrantCase,
  ): Promise<string | null> {
    const [row] = await em.query('SELECT content FROM inriktningsbeslut WHERE id = $1', [
      inriktningsbeslutId,
    ]);
    const rules = row?.content as RuleSet | undefined;
    if (!rules) return null;
    return c.track === 'projekt'
      ? rules.projectRules.frame
      : (rules.aidForms[c.aidForm ?? '']?.frame ?? null);
  }

  private route(e: Evaluation): Decision['stateAidRoute'] {
    const eu = e.legalBasis.find((b) => b.kind === 'eu' && b.route);
    return eu?.route ?? (e.deMinimis ? 'de_minimis' : null);
  }

  /** The RUS area and effektmål by name, and the rank quoted, as the letter's "Skäl till beslut" states them. */
  private async defaultReasons(em: EntityManager, e: Evaluation, c: GrantCase): Promise<Decision['reasons']> {
    // The letter's template says "… prioriterat enligt rangordningen"; the quote is the rank and its words.
    const p = e.priority.track === 'projekt' && e.priority.rank !== 'none' ? e.priority : null;
    const quote = p && p.rank !== 'förstudie' ? `”${p.rank}. ${p.text}”` : null;
    const rus = e.rusId ? await this.policy.rus(e.rusId, em) : undefined;
    const name = (code: string, list: { code: string; name: string }[] | undefined) =>
      list?.find((x) => x.code === code)?.name ?? code;
    const areas = c.rusAreas.map((a) => name(a, rus?.areas));
    const goals = c.effektmal.map((g) => name(g, rus?.effektmal).toLowerCase());
    return {
      rusArea: areas.join(' och ') || null,
      effektmal: goals.join(' samt ') || null,
      rankQuote: quote,
      text: p && !quote ? p.statement : null,
    };
  }

  private async standardConditions(em: EntityManager, track: string): Promise<string[]> {
    if (track !== 'projekt') return [];
    const templates = await this.catalogue.setting<{ standardConditions?: string[] } | null>(
      'letterTemplates',
      null,
      em,
    );
    return templates?.standardConditions ?? [];
  }
}
