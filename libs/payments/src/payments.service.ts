import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Account, type Principal } from '@anslag/auth';
import { AccessService, GrantCase, HistoryService } from '@anslag/cases';
import { Clock, DomainError } from '@anslag/common';
import { advanceCeiling } from './calc/payable';
import { AttestRight } from './entities/attest-right.entity';
import { GrantClosure } from './entities/grant-closure.entity';
import { Payment } from './entities/payment.entity';
import { PaymentRequest } from './entities/payment-request.entity';
import { normaliseAccount } from './finance/accounts';
import { grantAccount } from './grant-account';
import { requestPaymentLetter } from './letter/payment-letter.job';
import { loadGrant } from './grant-context';
import { toPaymentDto } from './mapping';
import { paymentSettings } from './payment-settings.service';
import type { AdvanceDto, ConfirmPaymentDto } from './dto';
import type { PaymentDto } from './responses';

DomainError.register('FOUR_EYES', 403);
DomainError.register('ATTEST_LIMIT', 403);
DomainError.register('PAYMENT_NOT_PROPOSED', 409);
DomainError.register('PAYMENT_NOT_CANCELLABLE', 409);
DomainError.register('PAYMENT_NOT_IN_BATCH', 409);
DomainError.register('ADVANCE_ABOVE_LIMIT', 409);

/**
 * Payments after verification: authorised by someone other than the person who verified them, within
 * the attest order; never changed once authorised, only cancelled with a reason. Advances are proposed
 * with their special reasons and offset plan, and authorised the same way. The bank's confirmation
 * closes a grant after its final payment.
 */
@Injectable()
export class PaymentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly history: HistoryService,
    private readonly clock: Clock,
  ) {}

  async authorise(p: Principal, id: string): Promise<PaymentDto> {
    const paid = await this.db.transaction(async (em) => {
      const pay = await this.find(em, p, id);
      if (pay.status !== 'forslag')
        throw new DomainError('PAYMENT_NOT_PROPOSED', 'Utbetalningen är inte ett förslag som kan attesteras');
      const verifiedBy = pay.requestId
        ? (await em.findOneOrFail(PaymentRequest, { where: { id: pay.requestId } })).verifiedBy
        : null;
      if (pay.proposedBy === p.userId || verifiedBy === p.userId)
        throw new DomainError(
          'FOUR_EYES',
          'Den som har granskat eller föreslagit en utbetalning får inte attestera den',
        );
      const today = this.clock.today();
      const rights = await em
        .createQueryBuilder(AttestRight, 'a')
        .where(
          'a.account_id = :id AND a.valid_from <= :today AND (a.valid_to IS NULL OR a.valid_to >= :today)',
          {
            id: p.userId,
            today,
          },
        )
        .getMany();
      const limit = Math.max(-1, ...rights.map((r) => r.maxAmount));
      if (limit < pay.gross)
        throw new DomainError(
          'ATTEST_LIMIT',
          limit < 0
            ? 'Du har ingen attesträtt'
            : `Din attesträtt räcker till ${limit} kr, utbetalningen är ${pay.gross} kr`,
        );
      const me = await em.findOneOrFail(Account, { where: { id: p.userId } });
      // The status check and the change in one statement: of two authorisations at once, one wins.
      const [, changed] = await em.query(
        `UPDATE payment SET status = 'attesterad', authorised_by = $2, authorised_by_name = $3, authorised_at = $4
         WHERE id = $1 AND status = 'forslag' RETURNING id`,
        [id, p.userId, me.displayName, this.clock.now()],
      );
      if (changed !== 1) throw new DomainError('PAYMENT_NOT_PROPOSED', 'Utbetalningen är redan attesterad');
      await requestPaymentLetter(em, 'utbetalning', id, pay.caseId);
      await this.history.record(em, {
        caseId: pay.caseId,
        actor: p,
        action: pay.kind === 'forskott' ? 'forskott_attesterat' : 'utbetalning_attesterad',
        after: { paymentId: id, net: pay.net, gross: pay.gross },
      });
      return id;
    });
    return this.get(p, paid);
  }

  async cancel(p: Principal, id: string, reason: string): Promise<PaymentDto> {
    await this.db.transaction(async (em) => {
      const pay = await this.find(em, p, id, true);
      if (pay.status !== 'forslag' && pay.status !== 'attesterad')
        throw new DomainError(
          'PAYMENT_NOT_CANCELLABLE',
          'En utbetalning som har skickats till banken kan inte makuleras här',
        );
      await em.update(Payment, { id }, { status: 'makulerad', cancelReason: reason, cancelledBy: p.userId });
      // The request goes back to be verified again.
      if (pay.requestId)
        await em.update(PaymentRequest, { id: pay.requestId }, { status: 'inskickad', calculation: null });
      await this.history.record(em, {
        caseId: pay.caseId,
        actor: p,
        action: 'utbetalning_makulerad',
        before: { paymentId: id, status: pay.status, net: pay.net },
        reason,
      });
    });
    return this.get(p, id);
  }

  async proposeAdvance(p: Principal, decisionId: string, dto: AdvanceDto): Promise<PaymentDto> {
    const id = await this.db.transaction(async (em) => {
      const settings = await paymentSettings(em);
      const g = await loadGrant(em, this.access, p, decisionId, settings);
      await em.query(`SELECT id FROM decision WHERE id = $1 FOR UPDATE`, [decisionId]);
      const acct = await grantAccount(em, decisionId);
      const ceiling = advanceCeiling(g.grantAmount, settings.advance);
      if (acct.advances + dto.amount > ceiling)
        throw new DomainError(
          'ADVANCE_ABOVE_LIMIT',
          `Förskott får vara högst ${ceiling} kr för detta beslut (hälften av stödet, högst ${settings.advance.maxAmount} kr); ${acct.advances} kr är redan lämnat`,
          [{ field: 'amount', problem: `högst ${ceiling - acct.advances} kr` }],
        );
      if (acct.paidOut + dto.amount > g.grantAmount)
        throw new DomainError('ADVANCE_ABOVE_LIMIT', 'Förskottet skulle göra att mer än stödet betalas ut', [
          { field: 'amount', problem: `högst ${g.grantAmount - acct.paidOut} kr` },
        ]);
      const planned = dto.offsetPlan.reduce((s, x) => s + x.amount, 0);
      if (planned !== dto.amount)
        throw new DomainError('VALIDATION_FAILED', 'Avräkningsplanen ska täcka hela förskottet', [
          { field: 'offsetPlan', problem: `planen är ${planned} kr, förskottet ${dto.amount} kr` },
        ]);
      const account = normaliseAccount({ ...dto.payoutAccount, bic: dto.payoutAccount.bic ?? null });
      if ('problem' in account)
        throw new DomainError('VALIDATION_FAILED', account.problem, [
          { field: 'payoutAccount.number', problem: account.problem },
        ]);
      const row = await em.save(Payment, {
        decisionId,
        caseId: g.grantCase.id,
        requestId: null,
        kind: 'forskott',
        status: 'forslag',
        gross: dto.amount,
        advanceOffset: 0,
        recoveryOffset: 0,
        net: dto.amount,
        payeeName: g.organisation.name,
        payeeOrganisationsnummer: g.organisation.organisationsnummer,
        payoutAccount: account.account,
        specialReasons: dto.specialReasons,
        offsetPlan: [...dto.offsetPlan]
          .sort((a, b) => a.seq - b.seq)
          .map((s) => ({ seq: s.seq, amount: s.amount })),
        proposedBy: p.userId,
      });
      await this.history.record(em, {
        caseId: g.grantCase.id,
        actor: p,
        action: 'forskott_foreslaget',
        after: { paymentId: row.id, amount: dto.amount, offsetPlan: row.offsetPlan },
        reason: dto.specialReasons,
      });
      return row.id;
    });
    return this.get(p, id);
  }

  /** The bank's confirmation; after the final payment the case is closed and the rest released. */
  async confirm(p: Principal, id: string, dto: ConfirmPaymentDto): Promise<PaymentDto> {
    await this.db.transaction(async (em) => {
      const pay = await this.find(em, p, id, true);
      if (pay.status !== 'i_bunt')
        throw new DomainError(
          'PAYMENT_NOT_IN_BATCH',
          'Bara en utbetalning som har skickats till banken kan bekräftas',
        );
      await em.update(
        Payment,
        { id },
        { status: 'betald', paidOn: dto.paidOn, bankReference: dto.reference },
      );
      await this.history.record(em, {
        caseId: pay.caseId,
        actor: p,
        action: 'utbetalning_betald',
        after: { paymentId: id, net: pay.net, paidOn: dto.paidOn, reference: dto.reference },
      });
      await this.closeIfFinal(em, p, pay, dto.paidOn);
    });
    return this.get(p, id);
  }

  async closeIfFinal(em: EntityManager, p: Principal | null, pay: Payment, on: string): Promise<void> {
    if (!pay.requestId) return;
    const r = await em.findOneOrFail(PaymentRequest, { where: { id: pay.requestId } });
    if (r.kind !== 'slutrapport' || !r.finalReportApproved) return;
    const [{ open }] = await em.query(
      `SELECT count(*)::int AS open FROM payment WHERE decision_id = $1 AND status IN ('forslag', 'attesterad', 'i_bunt')`,
      [pay.decisionId],
    );
    if (open > 0) return;
    const [latest] = await em.query(
      `WITH RECURSIVE chain AS (
         SELECT id, amount, signed_at FROM decision WHERE id = $1
         UNION ALL SELECT d.id, d.amount, d.signed_at FROM decision d JOIN chain c ON d.amends_decision_id = c.id
         WHERE d.status = 'signerat')
       SELECT amount FROM chain ORDER BY signed_at DESC NULLS LAST LIMIT 1`,
      [pay.decisionId],
    );
    const acct = await grantAccount(em, pay.decisionId);
    const granted = Number(latest.amount ?? 0);
    await em
      .createQueryBuilder()
      .insert()
      .into(GrantClosure)
      .values({
        decisionId: pay.decisionId,
        caseId: pay.caseId,
        closedOn: on,
        paidTotal: acct.paidOut,
        released: Math.max(0, granted - acct.credited),
      })
      .orIgnore()
      .execute();
    const c = await em.findOneOrFail(GrantCase, {
      where: { id: pay.caseId },
      lock: { mode: 'pessimistic_write' },
    });
    if (c.status === 'beslutad') {
      await em.update(GrantCase, { id: c.id }, { status: 'avslutad' });
      await this.history.record(em, {
        caseId: c.id,
        actor: p,
        action: 'arende_avslutat',
        before: { status: c.status },
        after: {
          status: 'avslutad',
          paidTotal: acct.paidOut,
          released: Math.max(0, granted - acct.credited),
        },
      });
    }
  }

  /** The stored letter of a payment or advance; 404 until it is produced. */
  async letter(p: Principal, id: string): Promise<{ pdf: Buffer; sha256: string; name: string }> {
    await this.find(this.db.manager, p, id);
    return storedLetter(this.db.manager, id, 'utbetalningsbeslut');
  }

  async get(p: Principal, id: string): Promise<PaymentDto> {
    return toPaymentDto(await this.find(this.db.manager, p, id));
  }

  async forDecision(p: Principal, decisionId: string): Promise<PaymentDto[]> {
    const settings = await paymentSettings(this.db.manager);
    await loadGrant(this.db.manager, this.access, p, decisionId, settings);
    const rows = await this.db.manager.find(Payment, { where: { decisionId }, order: { createdAt: 'ASC' } });
    return rows.map(toPaymentDto);
  }

  async list(status: string | undefined): Promise<PaymentDto[]> {
    const rows = await this.db.manager.find(Payment, {
      where: status ? { status: status as Payment['status'] } : {},
      order: { createdAt: 'ASC' },
      take: 500,
    });
    const dnr: { id: string; diarienummer: string | null }[] = rows.length
      ? await this.db.query(`SELECT id, diarienummer FROM grant_case WHERE id = ANY($1::uuid[])`, [
          [...new Set(rows.map((r) => r.caseId))],
        ])
      : [];
    const byCase = new Map(dnr.map((d) => [d.id, d.diarienummer]));
    return rows.map((r) => ({ ...toPaymentDto(r), diarienummer: byCase.get(r.caseId) ?? null }));
  }

  async deductionReasons(): Promise<{ code: string; label: string }[]> {
    return (await paymentSettings(this.db.manager)).deductionReasons.map((d) => ({
      code: d.code,
      label: d.label,
    }));
  }

  private async find(em: EntityManager, p: Principal, id: string, lock = false): Promise<Payment> {
    const pay = await em.findOne(Payment, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!pay) throw DomainError.notFound('Utbetalningen');
    const c = await em.findOneOrFail(GrantCase, { where: { id: pay.caseId } });
    await this.access.assertOrganisation(p, c.organisationId, 'Utbetalningen', em);
    return pay;
  }
}

/** A produced payment or recovery letter, or 404 while it is queued, rendering or failed. */
export async function storedLetter(
  em: EntityManager,
  id: string,
  stem: string,
): Promise<{ pdf: Buffer; sha256: string; name: string }> {
  const [row] = await em.query(
    `SELECT l.status, l.pdf, l.sha256, c.diarienummer FROM payment_letter l JOIN grant_case c ON c.id = l.case_id
     WHERE l.id = $1`,
    [id],
  );
  if (!row || row.status !== 'done') throw DomainError.notFound('Brevet');
  return {
    pdf: row.pdf as Buffer,
    sha256: row.sha256 as string,
    name: `${stem}-${row.diarienummer ?? id}.pdf`,
  };
}
