import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Account, Principal } from '@anslag/auth';
import { Clock, DomainError, ErrorCode } from '@anslag/common';
import { retryTransaction } from '@anslag/database';
import { DECIDABLE, GrantCase, HistoryService, PersonalDataLogService } from '@anslag/cases';
import { requestDecisionLetter } from '@anslag/letters';
import { formatKronor, sekToEur } from '@anslag/money';
import {
  AssessmentService,
  EvaluationInputService,
  FramesService,
  PolicyService,
  type RulesInForce,
} from '@anslag/policy';
import { evaluate, regimeOn } from '@anslag/rules';
import { coveringPoint, DelegationService } from '../delegation/delegation.service';
import { DelegationPoint } from '../entities/delegation-point.entity';
import { DeMinimisLedgerEntry } from '../entities/de-minimis-ledger.entity';
import { Decision, type CapExceeded } from '../entities/decision.entity';
import { DecisionDto, RecordNamndDto, SignDto } from './decision.dto';

const kr = (n: number) => formatKronor(n, { space: ' ' });

/** A cap of the inriktningsbeslut that binds whoever decides under delegation. */
export const DELEGATION_CAP_EXCEEDED = 'DELEGATION_CAP_EXCEEDED';
DomainError.register(DELEGATION_CAP_EXCEEDED, 409);

/** The caps of a grant: the share of costs, per decision, per company, and the de minimis ceiling. */
const CAPS = new Set(['andel', 'per_beslut', 'per_foretag', 'de_minimis']);

/**
 * Signing: the beslutsfattare takes the decision within the delegation order. Everything that can
 * refuse it is checked under a lock on the organisation, so concurrent decisions for one firm see
 * each other (two simultaneous mikrobidrag never pass the per-company cap together).
 *
 * Locks are taken in one order everywhere: case → decision → organisation. The case row first means a
 * withdrawal or another transition at the same moment waits for the signature (or the signature for
 * it) and the loser sees the new status; what needs no lock (delegation, rules, frame usage) is done
 * before the organisation's row is taken, so that lock is held only for the cap checks and the write.
 */
@Injectable()
export class SignDecisionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly delegation: DelegationService,
    private readonly assessment: AssessmentService,
    private readonly inputs: EvaluationInputService,
    private readonly policy: PolicyService,
    private readonly history: HistoryService,
    private readonly frames: FramesService,
    private readonly clock: Clock,
    private readonly personalData: PersonalDataLogService,
  ) {}

  async sign(p: Principal, id: string, dto: SignDto = {}): Promise<DecisionDto> {
    // The letter is requested through the outbox in the same transaction, so a retry is safe.
    return retryTransaction(() => this.signOnce(p, id, dto));
  }

  private signOnce(p: Principal, id: string, dto: SignDto): Promise<DecisionDto> {
    const overrideReason = dto.overrideReason;
    return this.db.transaction(async (em) => {
      const c = await this.lockCaseOf(em, id);
      const d = await this.lockDraft(em, id);
      if (d.decidedByNamnd)
        throw new DomainError(
          ErrorCode.CONFLICT,
          'Beslutet fattas av nämnden; nämndsekreteraren protokollför det',
        );
      this.assertOpen(c, d);
      this.assertNotReturned(d);
      await this.assessment.assertNoJav(em, d.caseId, p.userId);
      const signer = await em.findOne(Account, { where: { id: p.userId, active: true } });
      if (!signer) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Kontot är inte längre aktivt');
      d.decisionDate = this.clock.today();
      const { point, substituteFor } = await this.delegation.coverSigner(em, {
        track: c.track,
        aidForm: d.aidForm,
        amount: d.amount ?? 0,
        date: d.decisionDate,
        heldPoints: signer.delegationPoints,
        caseId: c.id,
        signerId: signer.id,
        substituteReason: dto.substituteReason,
      });
      // The rules in force on the registration date, read once for every check below.
      const rules = await this.policy.inForce(c.registrationDate ?? d.decisionDate, em);
      const frameWarnings = await this.frameWarnings(em, rules, d);
      await this.lockOrganisation(em, c);
      if (d.outcome !== 'avslag') {
        // The re-evaluation reads the organisation's personal facts: a use, logged with its purpose.
        await this.personalData.logRead(p, c.organisation!, 'beslut', em);
        await this.checkLimits(em, rules, d, c, overrideReason, false);
      }
      d.substituteFor = substituteFor;
      d.delegationPoint = point.point;
      d.signedBy = signer.id;
      d.signedByName = signer.displayName;
      d.signedByTitle = signer.title ?? point.decisionMakerTitle;
      return { ...(await this.finish(em, rules, p, d, c, overrideReason, frameWarnings)), frameWarnings };
    });
  }

  /**
   * Sends a draft back to the handläggare with a comment, instead of signing it: only a beslutsfattare who
   * could sign it now (a delegation point they hold covers it, no jäv, the case open). The comment stays on
   * the draft and in the case history; the draft leaves the signable list until the handläggare changes it.
   */
  async returnToOfficer(p: Principal, id: string, comment: string): Promise<DecisionDto> {
    return this.db.transaction(async (em) => {
      const c = await this.lockCaseOf(em, id);
      const d = await this.lockDraft(em, id);
      if (d.decidedByNamnd)
        throw new DomainError(ErrorCode.CONFLICT, 'Beslutet fattas av nämnden, inte under delegation');
      this.assertOpen(c, d);
      this.assertNotReturned(d);
      await this.assessment.assertNoJav(em, d.caseId, p.userId);
      const signer = await em.findOne(Account, { where: { id: p.userId, active: true } });
      if (!signer) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Kontot är inte längre aktivt');
      const points = await em.find(DelegationPoint);
      const mine = coveringPoint(points, {
        track: c.track,
        aidForm: d.aidForm,
        amount: d.amount ?? 0,
        date: this.clock.today(),
        heldPoints: signer.delegationPoints,
      });
      if (!mine)
        throw new DomainError(
          ErrorCode.FORBIDDEN,
          'Bara en beslutsfattare som får signera beslutet kan skicka tillbaka det',
          [{ field: 'id', problem: 'ingen delegationspunkt du innehar omfattar beslutet' }],
        );
      const before = DecisionDto.from(d);
      d.returnedAt = this.clock.now();
      d.returnedBy = signer.id;
      d.returnComment = comment.trim();
      const saved = await em.save(d);
      await this.history.record(em, {
        caseId: d.caseId,
        actor: p,
        action: 'beslut_tillbakaskickat',
        before,
        after: DecisionDto.from(saved),
        reason: saved.returnComment,
      });
      return DecisionDto.from(saved);
    });
  }

  private assertNotReturned(d: Decision): void {
    if (d.returnedAt)
      throw new DomainError(
        ErrorCode.CONFLICT,
        'Utkastet är tillbakaskickat till handläggaren; det kan signeras när handläggaren har ändrat det',
        [{ field: 'id', problem: 'tillbakaskickat' }],
      );
  }

  /** The nämnd's own decision (like PAN), recorded by the secretariat with the meeting date and §. */
  async recordNamnd(p: Principal, id: string, dto: RecordNamndDto): Promise<DecisionDto> {
    return this.db.transaction(async (em) => {
      const c = await this.lockCaseOf(em, id);
      const d = await this.lockDraft(em, id);
      if (!d.decidedByNamnd)
        throw new DomainError(ErrorCode.CONFLICT, 'Beslutet är utformat för delegation, inte för nämnden');
      if (dto.meetingDate > this.clock.today())
        throw DomainError.validation('meetingDate', 'sammanträdet kan inte ligga i framtiden');
      this.assertOpen(c, d);
      await this.lockOrganisation(em, c);
      const rules = await this.policy.inForce(c.registrationDate ?? dto.meetingDate, em);
      d.decisionDate = dto.meetingDate;
      if (d.outcome !== 'avslag') {
        await this.personalData.logRead(p, c.organisation!, 'beslut', em);
        d.capsExceeded = await this.checkLimits(em, rules, d, c, 'Nämndens beslut', true);
      }
      d.namndMeetingDate = dto.meetingDate;
      d.namndParagraph = dto.paragraph;
      d.signedBy = p.userId;
      d.signedByName = await this.regionCommittee(em);
      d.signedByTitle = null;
      return this.finish(em, rules, p, d, c, null);
    });
  }

  private async lockDraft(em: EntityManager, id: string): Promise<Decision> {
    const d = await em.findOne(Decision, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!d) throw DomainError.notFound('Beslutet');
    if (d.status === 'signerat')
      throw new DomainError(ErrorCode.DECISION_SIGNED, 'Beslutet är redan fattat och kan inte ändras');
    return d;
  }

  /** Locks the decision's case (first in the lock order) and reads it with its organisation. */
  private async lockCaseOf(em: EntityManager, decisionId: string): Promise<GrantCase> {
    const [row]: { case_id: string }[] = await em.query('SELECT case_id FROM decision WHERE id = $1', [
      decisionId,
    ]);
    if (!row) throw DomainError.notFound('Beslutet');
    await em.query('SELECT id FROM grant_case WHERE id = $1 FOR UPDATE', [row.case_id]);
    return em.findOneOrFail(GrantCase, { where: { id: row.case_id }, relations: { organisation: true } });
  }

  /** Re-checked under the case's lock: a withdrawal that came first wins over the signature. */
  private assertOpen(c: GrantCase, d: Decision): void {
    const open = d.kind === 'andringsbeslut' ? ['beslutad'] : DECIDABLE;
    if (!open.includes(c.status)) {
      throw new DomainError(
        ErrorCode.INVALID_TRANSITION,
        `Beslut kan inte fattas när ärendet har status "${c.status}"`,
      );
    }
  }

  /**
   * Last in the lock order: the organisation row serialises every decision for the same undertaking, and
   * the legal person's number every decision for it under any row (caps follow the organisationsnummer).
   */
  private async lockOrganisation(em: EntityManager, c: GrantCase): Promise<void> {
    await em.query('SELECT id FROM organisation WHERE id = $1 FOR UPDATE', [c.organisationId]);
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('organisationsnummer:' || $1))`, [
      c.organisation!.organisationsnummer,
    ]);
  }

  /**
   * Re-evaluates under the lock with every decision signed so far. The caps of the inriktningsbeslut
   * (share, per decision, per company) bind everyone deciding under delegation; only the nämnd, deciding
   * itself, may go beyond them, and the caps it goes beyond are returned to be recorded. The de minimis
   * ceiling and a share set by an EU basis are law and bind the nämnd too. Below the caps, a grant above
   * the evaluated maximum needs a recorded reason.
   */
  private async checkLimits(
    em: EntityManager,
    rules: RulesInForce,
    d: Decision,
    c: GrantCase,
    overrideReason: string | null | undefined,
    namnd: boolean,
  ): Promise<CapExceeded[]> {
    const input = (await this.inputs.build([c], rules.rus, em)).get(c.id)!;
    const fresh = evaluate({ ...input, decisionDate: d.decisionDate }, rules.ruleSet, rules.rus);
    const amount = d.amount ?? 0;
    const euTitles = fresh.legalBasis.filter((b) => b.kind === 'eu').map((b) => b.title);
    const exceeded: CapExceeded[] = [];
    for (const t of fresh.maxGrant.terms) {
      if (!CAPS.has(t.term) || amount <= t.amount) continue;
      const law = t.term === 'de_minimis' || euTitles.some((title) => t.ref.startsWith(title));
      if (namnd && !law) {
        exceeded.push({ term: t.term, cap: t.amount, reason: t.reason });
        continue;
      }
      const company = t.term === 'per_foretag' || t.term === 'de_minimis';
      throw new DomainError(
        company ? ErrorCode.COMPANY_CAP_EXCEEDED : DELEGATION_CAP_EXCEEDED,
        `Beslutet ${kr(amount)} skulle överskrida gränsen: ${t.reason}.${
          law ? '' : ' Den binder den som beslutar på delegation; bara nämnden kan besluta över den.'
        }`,
        [{ field: 'amount', problem: `högst ${kr(t.amount)} (${t.ref})` }],
      );
    }
    if (fresh.outcome === 'not_eligible' && fresh.deMinimis && fresh.deMinimis.roomSek < amount) {
      throw new DomainError(
        ErrorCode.COMPANY_CAP_EXCEEDED,
        'Stödet ryms inte inom taket för försumbart stöd (de minimis)',
        [{ field: 'amount', problem: `utrymme ${kr(fresh.deMinimis.roomSek)}` }],
      );
    }
    const max = Math.min(fresh.maxGrant.amount, d.evaluatedMax ?? fresh.maxGrant.amount);
    if (amount > max && !overrideReason?.trim()) {
      throw new DomainError(
        ErrorCode.ABOVE_EVALUATED_MAX,
        `Beloppet ${kr(amount)} är högre än bedömningens högsta belopp ${kr(max)}; ange skäl för att ändå besluta`,
        [{ field: 'overrideReason', problem: 'krävs när beloppet är högre än bedömningen' }],
      );
    }
    if (amount > max) d.overrideReason = overrideReason!.trim();
    const dm = fresh.deMinimis;
    if (d.stateAidRoute === 'de_minimis' && dm) {
      // Kept with the decision for its notice and the register: the regulation, the month's rate, the status.
      d.deMinimisEur = sekToEur(amount, dm.orePerEur);
      d.deMinimisRegime = dm.regime;
      d.deMinimisOrePerEur = dm.orePerEur;
      d.deMinimisRateMonth = dm.rateFrom;
      d.deMinimisRegisterStatus = dm.centralRegister ? 'ska_registreras' : 'ej_tillampligt';
    }
    return exceeded;
  }

  private async finish(
    em: EntityManager,
    rules: RulesInForce,
    p: Principal,
    d: Decision,
    c: GrantCase,
    overrideReason: string | null | undefined,
    frameWarnings: string[] = [],
  ): Promise<DecisionDto> {
    d.status = 'signerat';
    d.signedAt = this.clock.now();
    const saved = await em.save(d);
    if (saved.deMinimisEur !== null && saved.amount !== null) {
      await em.upsert(
        DeMinimisLedgerEntry,
        {
          organisationId: c.organisationId,
          // One ledger entry per decision chain: a change decision corrects the amount of the original.
          decisionId: saved.amendsDecisionId ?? saved.id,
          grantedOn: saved.decisionDate,
          amountEur: saved.deMinimisEur,
          amountSek: saved.amount,
          regime:
            saved.deMinimisRegime ??
            regimeOn(rules.ruleSet.deMinimis, saved.decisionDate)?.code ??
            'de_minimis',
        },
        ['decisionId'],
      );
    }
    if (c.status !== 'beslutad') await em.update(GrantCase, { id: c.id }, { status: 'beslutad' });
    await requestDecisionLetter(em, saved.id);
    await this.history.record(em, {
      caseId: c.id,
      actor: p,
      action: saved.kind === 'andringsbeslut' ? 'ändringsbeslut_fattat' : 'beslut_fattat',
      before: { status: c.status },
      after: {
        status: 'beslutad',
        decisionId: saved.id,
        outcome: saved.outcome,
        amount: saved.amount,
        delegationPoint: saved.delegationPoint,
        ...(saved.substituteFor ? { ersattare: saved.substituteFor } : {}),
        ...(saved.capsExceeded.length ? { overTak: saved.capsExceeded } : {}),
      },
      reason: historyReason(saved),
    });
    // The signer's reasons for going above the assessment, and frame warnings, are the officers' own.
    if (overrideReason || frameWarnings.length)
      await this.history.record(em, {
        caseId: c.id,
        actor: p,
        action: 'beslut_motiverat',
        after: { decisionId: saved.id, ...(frameWarnings.length ? { frameWarnings } : {}) },
        reason: overrideReason ? `Över bedömt belopp: ${overrideReason}` : null,
      });
    return DecisionDto.from(saved);
  }

  /** Frames are indicative: a grant that would overdraw one is flagged to the signer, never refused. */
  private async frameWarnings(em: EntityManager, rules: RulesInForce, d: Decision): Promise<string[]> {
    if (d.outcome === 'avslag' || !d.frame || d.amount === null) return [];
    const status = await this.frames.status(
      rules.ruleSet,
      Number(d.decisionDate.slice(0, 4)),
      { frame: d.frame, aidForm: d.aidForm?.split('/')[0] ?? null, amount: d.amount },
      em,
    );
    return status.reasons;
  }

  private async regionCommittee(em: EntityManager): Promise<string> {
    const [row] = await em.query(`SELECT value FROM region_setting WHERE key = 'region'`);
    return (row?.value?.organisation?.committee as string | undefined) ?? 'Nämnden';
  }
}

/** The public entry's reason: who decided as substitute, and caps the nämnd itself went beyond. */
function historyReason(d: Decision): string | null {
  const parts = [
    d.substituteFor ? `Ersättare för punkt ${d.substituteFor.point}: ${d.substituteFor.reason}` : null,
    d.capsExceeded.length
      ? `Nämnden beslutar över inriktningsbeslutets tak: ${d.capsExceeded.map((x) => x.reason).join('; ')}`
      : null,
  ].filter((x): x is string => x !== null);
  return parts.length ? parts.join('. ') : null;
}
