import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Account, type Principal } from '@anslag/auth';
import { AccessService, GrantCase, HistoryService } from '@anslag/cases';
import { Clock, DomainError } from '@anslag/common';
import { recoveryInterest } from './calc/recovery';
import { Recovery } from './entities/recovery.entity';
import { grantAccount } from './grant-account';
import { requestPaymentLetter } from './letter/payment-letter.job';
import { loadGrant } from './grant-context';
import { paymentSettings, type PaymentSettings } from './payment-settings.service';
import { storedLetter } from './payments.service';
import type { ConfirmPaymentDto, RecoveryDraftDto } from './dto';
import type { RecoveryDto } from './responses';

DomainError.register('RECOVERY_ABOVE_PAID', 409);
DomainError.register('RECOVERY_NOT_DRAFT', 409);
DomainError.register('RECOVERY_NOT_DECIDED', 409);

/**
 * Återkrav: drafted by a handläggare on one of the ordinance's grounds (data), decided by someone else,
 * never above what was paid out and not already reclaimed, with interest by the rate table (data) from
 * the chosen day to the decision; settled by invoice, or by offset against a later payment.
 */
@Injectable()
export class RecoveryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly history: HistoryService,
    private readonly clock: Clock,
  ) {}

  async draft(p: Principal, decisionId: string, dto: RecoveryDraftDto): Promise<RecoveryDto> {
    const id = await this.db.transaction(async (em) => {
      const settings = await paymentSettings(em);
      const g = await loadGrant(em, this.access, p, decisionId, settings);
      if (!settings.recoveryGrounds.some((x) => x.code === dto.groundsCode))
        throw new DomainError('VALIDATION_FAILED', 'Okänd grund för återkrav', [
          {
            field: 'groundsCode',
            problem: `ska vara en av: ${settings.recoveryGrounds.map((x) => x.code).join(', ')}`,
          },
        ]);
      await em.query(`SELECT id FROM decision WHERE id = $1 FOR UPDATE`, [decisionId]);
      await this.assertWithinPaid(em, decisionId, dto.amount, null);
      const row = await em.save(Recovery, {
        decisionId,
        caseId: g.grantCase.id,
        status: 'utkast',
        groundsCode: dto.groundsCode,
        groundsText: dto.groundsText,
        amount: dto.amount,
        interestFrom: dto.interestFrom,
        settlement: dto.settlement,
        draftedBy: p.userId,
      });
      await this.history.record(em, {
        caseId: g.grantCase.id,
        actor: p,
        action: 'aterkrav_utkast',
        after: { recoveryId: row.id, amount: dto.amount, grounds: dto.groundsCode },
        reason: dto.groundsText,
      });
      return row.id;
    });
    return this.get(p, id);
  }

  async decide(p: Principal, id: string): Promise<RecoveryDto> {
    await this.db.transaction(async (em) => {
      const r = await this.find(em, p, id, true);
      if (r.status !== 'utkast') throw new DomainError('RECOVERY_NOT_DRAFT', 'Återkravet är redan beslutat');
      if (r.draftedBy === p.userId)
        throw new DomainError('FOUR_EYES', 'Den som har skrivit återkravet får inte besluta om det');
      await em.query(`SELECT id FROM decision WHERE id = $1 FOR UPDATE`, [r.decisionId]);
      await this.assertWithinPaid(em, r.decisionId, r.amount, r.id);
      const settings = await paymentSettings(em);
      const today = this.clock.today();
      const interest = recoveryInterest(r.amount, r.interestFrom, today, settings.recoveryInterest.rates);
      const me = await em.findOneOrFail(Account, { where: { id: p.userId } });
      await em.update(
        Recovery,
        { id },
        {
          status: 'beslutad',
          interestTo: today,
          interestLines: interest.lines,
          interest: interest.total,
          decidedBy: p.userId,
          decidedByName: me.displayName,
          decisionDate: today,
        },
      );
      // The de minimis ledger counts only the aid kept: the recovered share of the entry, in euro rounded
      // down (what stays counted is never less than what was kept).
      await em.query(
        `UPDATE de_minimis_ledger SET recovered_sek = recovered_sek + $2,
           recovered_eur = ((amount_eur::bigint * LEAST(amount_sek, recovered_sek + $2)) / NULLIF(amount_sek, 0))::int
         WHERE decision_id = $1`,
        [r.decisionId, r.amount],
      );
      await requestPaymentLetter(em, 'aterkrav', id, r.caseId);
      await this.history.record(em, {
        caseId: r.caseId,
        actor: p,
        action: 'aterkrav_beslutat',
        after: { recoveryId: id, amount: r.amount, interest: interest.total, settlement: r.settlement },
      });
    });
    return this.get(p, id);
  }

  /** An invoiced recovery paid, or an offset one recorded as settled. */
  async settle(p: Principal, id: string, dto: ConfirmPaymentDto): Promise<RecoveryDto> {
    await this.db.transaction(async (em) => {
      const r = await this.find(em, p, id, true);
      if (r.status !== 'beslutad')
        throw new DomainError('RECOVERY_NOT_DECIDED', 'Bara ett beslutat återkrav kan regleras');
      await em.update(
        Recovery,
        { id },
        { status: 'reglerad', settledOn: dto.paidOn, settledReference: dto.reference },
      );
      await this.history.record(em, {
        caseId: r.caseId,
        actor: p,
        action: 'aterkrav_reglerat',
        after: { recoveryId: id, settledOn: dto.paidOn, reference: dto.reference },
      });
    });
    return this.get(p, id);
  }

  async letter(p: Principal, id: string): Promise<{ pdf: Buffer; sha256: string; name: string }> {
    await this.find(this.db.manager, p, id);
    return storedLetter(this.db.manager, id, 'aterkrav');
  }

  async get(p: Principal, id: string): Promise<RecoveryDto> {
    const r = await this.find(this.db.manager, p, id);
    const settings = await paymentSettings(this.db.manager);
    return toRecoveryDto(r, settings);
  }

  async forDecision(p: Principal, decisionId: string): Promise<RecoveryDto[]> {
    const settings = await paymentSettings(this.db.manager);
    await loadGrant(this.db.manager, this.access, p, decisionId, settings);
    const rows = await this.db.manager.find(Recovery, { where: { decisionId }, order: { createdAt: 'ASC' } });
    // An applicant sees a recovery once it is decided, never a draft.
    return rows
      .filter((r) => this.access.isOfficer(p) || r.status !== 'utkast')
      .map((r) => toRecoveryDto(r, settings));
  }

  private async assertWithinPaid(
    em: EntityManager,
    decisionId: string,
    amount: number,
    except: string | null,
  ) {
    const acct = await grantAccount(em, decisionId);
    const [{ s }] = await em.query(
      `SELECT COALESCE(SUM(amount), 0) AS s FROM recovery WHERE decision_id = $1 AND status <> 'utkast' AND id IS DISTINCT FROM $2`,
      [decisionId, except],
    );
    const room = acct.paidOut - Number(s);
    if (amount > room)
      throw new DomainError(
        'RECOVERY_ABOVE_PAID',
        `Återkravet kan vara högst ${Math.max(0, room)} kr, det som betalats ut och inte redan krävts tillbaka`,
        [{ field: 'amount', problem: `högst ${Math.max(0, room)} kr` }],
      );
  }

  private async find(em: EntityManager, p: Principal, id: string, lock = false): Promise<Recovery> {
    const r = await em.findOne(Recovery, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!r || (r.status === 'utkast' && !this.access.isOfficer(p))) throw DomainError.notFound('Återkravet');
    const c = await em.findOneOrFail(GrantCase, { where: { id: r.caseId } });
    await this.access.assertOrganisation(p, c.organisationId, 'Återkravet', em);
    return r;
  }
}

function toRecoveryDto(r: Recovery, s: PaymentSettings): RecoveryDto {
  return {
    id: r.id,
    decisionId: r.decisionId,
    status: r.status,
    groundsCode: r.groundsCode,
    groundsLabel: s.recoveryGrounds.find((g) => g.code === r.groundsCode)?.label ?? r.groundsCode,
    groundsText: r.groundsText,
    amount: r.amount,
    interestFrom: r.interestFrom,
    interestTo: r.interestTo,
    interestLines: r.interestLines,
    interest: r.interest,
    settlement: r.settlement,
    decidedByName: r.decidedByName,
    decisionDate: r.decisionDate,
    settledOn: r.settledOn,
  };
}
