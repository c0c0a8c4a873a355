import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { AccessService, HistoryService } from '@anslag/cases';
import { Clock, DomainError, type ErrorDetail } from '@anslag/common';
import { computePayable } from './calc/payable';
import { checkVoucher, VOUCHER_FLAG_TEXT } from './calc/voucher-checks';
import { Payment } from './entities/payment.entity';
import { PaymentRequest } from './entities/payment-request.entity';
import { PaymentVoucher } from './entities/payment-voucher.entity';
import { normaliseAccount } from './finance/accounts';
import { grantAccount } from './grant-account';
import { loadGrant } from './grant-context';
import { paymentSettings } from './payment-settings.service';
import { PaymentRequestsService } from './payment-requests.service';
import type { VerificationDto } from './dto';
import type { PaymentRequestDto } from './responses';

DomainError.register('PAYMENT_REQUEST_NOT_SUBMITTED', 409);
DomainError.register('PAYMENT_ALREADY_AUTHORISED', 409);

/**
 * The handläggare's verification: a verdict on every voucher, the amount computed on accumulated
 * figures with every term, and a payment proposed for someone else to authorise.
 */
@Injectable()
export class VerificationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly history: HistoryService,
    private readonly requests: PaymentRequestsService,
    private readonly clock: Clock,
  ) {}

  async verify(p: Principal, id: string, dto: VerificationDto): Promise<PaymentRequestDto> {
    await this.db.transaction(async (em) => {
      const r = await this.requests.lockRequest(em, p, id);
      if (r.status !== 'inskickad' && r.status !== 'granskad')
        throw new DomainError('PAYMENT_REQUEST_NOT_SUBMITTED', 'Utbetalningsansökan är inte inskickad');
      // Serialise everything that sums this grant's payments.
      await em.query(`SELECT id FROM decision WHERE id = $1 FOR UPDATE`, [r.decisionId]);
      const settings = await paymentSettings(em);
      const g = await loadGrant(em, this.access, p, r.decisionId, settings);
      const vouchers = await em.find(PaymentVoucher, { where: { requestId: id }, order: { lineNo: 'ASC' } });
      const problems: ErrorDetail[] = [];
      const reasons = new Set(settings.deductionReasons.map((d) => d.code));
      const ctx = this.requests.context(g, settings, r.submittedOn ?? this.clock.today());
      const verdicts = new Map(dto.lines.map((l, i) => [l.lineNo, { ...l, index: i }]));
      for (const v of vouchers) {
        const l = verdicts.get(v.lineNo);
        const field = l ? `lines[${l.index}]` : `lines`;
        if (!l) {
          problems.push({ field, problem: `Verifikation ${v.lineNo} (${v.voucherNumber}) saknar bedömning` });
          continue;
        }
        const flags = checkVoucher(v, ctx);
        if (l.verdict === 'godkand' && flags.length > 0)
          problems.push({
            field: `${field}.verdict`,
            problem: `Kan inte godkännas: ${flags.map((f) => VOUCHER_FLAG_TEXT[f].toLowerCase()).join('; ')}`,
          });
        if (l.verdict === 'avdragen') {
          if (!l.deductionReason || !reasons.has(l.deductionReason))
            problems.push({
              field: `${field}.deductionReason`,
              problem: `Ange skäl för avdraget: ${[...reasons].join(', ')}`,
            });
          if (l.approvedAmount !== undefined && l.approvedAmount >= v.amountExVat)
            problems.push({
              field: `${field}.approvedAmount`,
              problem: 'Ett avdrag ska vara lägre än beloppet',
            });
        }
      }
      for (const [lineNo, l] of verdicts)
        if (!vouchers.some((v) => v.lineNo === lineNo))
          problems.push({ field: `lines[${l.index}].lineNo`, problem: `Rad ${lineNo} finns inte` });
      const finalApproved = dto.finalReportApproved === true;
      if (finalApproved && r.kind !== 'slutrapport')
        problems.push({
          field: 'finalReportApproved',
          problem: 'Bara en slutredovisning har en slutrapport',
        });
      if (problems.length > 0)
        throw new DomainError('VALIDATION_FAILED', 'Granskningen är inte klar', problems);

      let approvedHere = 0;
      for (const v of vouchers) {
        const l = verdicts.get(v.lineNo)!;
        const approvedAmount =
          l.verdict === 'godkand' ? v.amountExVat : l.verdict === 'avdragen' ? (l.approvedAmount ?? 0) : 0;
        approvedHere += approvedAmount;
        await em.update(
          PaymentVoucher,
          { id: v.id },
          {
            verdict: l.verdict,
            deductionReason: l.verdict === 'avdragen' ? l.deductionReason! : null,
            deductionText: l.deductionText ?? null,
            approvedAmount,
            flags: checkVoucher(v, ctx),
          },
        );
      }
      const [{ before }] = await em.query(
        `SELECT COALESCE(SUM(approved_costs), 0) AS before FROM payment_request
         WHERE decision_id = $1 AND status = 'granskad' AND id <> $2`,
        [r.decisionId, id],
      );
      const approvedToDate = Number(before) + approvedHere;
      const acct = await grantAccount(em, r.decisionId, id);
      const planDue = await this.advancePlanDue(em, r.decisionId, r.seq);
      const advanceOutstanding = acct.advances - acct.advanceOffsets;
      const calc = computePayable({
        grantAmount: g.grantAmount,
        shareBp: g.shareBp,
        approvedCostsToDate: approvedToDate,
        creditedBefore: acct.credited,
        paidOutBefore: acct.paidOut,
        advanceOutstanding,
        advanceOffsetDue: Math.max(0, planDue - acct.advanceOffsets),
        finalApproved: finalApproved,
        holdbackBp: settings.holdbackBp,
      });
      // A recovery decided for settlement by offset is taken from what would be paid out.
      const recoveryOutstanding = Math.max(0, acct.recoveryToOffset - acct.recoveryOffsets);
      const recoveryOffset = Math.min(calc.net, recoveryOutstanding);
      await em.update(
        PaymentRequest,
        { id },
        {
          status: 'granskad',
          verifiedBy: p.userId,
          verifiedAt: this.clock.now(),
          finalReportApproved: finalApproved,
          approvedCosts: approvedHere,
          calculation: calc,
        },
      );
      await this.propose(
        em,
        p,
        r,
        g.organisation,
        calc.gross,
        calc.advanceOffset,
        recoveryOffset,
        calc.net - recoveryOffset,
      );
      await this.history.record(em, {
        caseId: r.caseId,
        actor: p,
        action: 'utbetalningsansokan_granskad',
        after: {
          seq: r.seq,
          approvedCosts: approvedHere,
          net: calc.net - recoveryOffset,
          finalReportApproved: finalApproved,
        },
      });
    });
    return this.requests.get(p, id);
  }

  private async propose(
    em: import('typeorm').EntityManager,
    p: Principal,
    r: PaymentRequest,
    org: { name: string; organisationsnummer: string },
    gross: number,
    advanceOffset: number,
    recoveryOffset: number,
    net: number,
  ): Promise<void> {
    const existing = await em.findOne(Payment, { where: { requestId: r.id }, order: { createdAt: 'DESC' } });
    if (existing && existing.status !== 'forslag' && existing.status !== 'makulerad')
      throw new DomainError(
        'PAYMENT_ALREADY_AUTHORISED',
        'Utbetalningen är redan attesterad; makulera den först',
      );
    const account = normaliseAccount(r.payoutAccount!);
    if ('problem' in account)
      throw new DomainError('VALIDATION_FAILED', account.problem, [
        { field: 'payoutAccount.number', problem: account.problem },
      ]);
    const values = {
      gross,
      advanceOffset,
      recoveryOffset,
      net,
      payeeName: org.name,
      payeeOrganisationsnummer: org.organisationsnummer,
      payoutAccount: account.account,
      proposedBy: p.userId,
    };
    if (existing && existing.status === 'forslag') await em.update(Payment, { id: existing.id }, values);
    else if (gross > 0)
      await em.insert(Payment, {
        ...values,
        decisionId: r.decisionId,
        caseId: r.caseId,
        requestId: r.id,
        kind: 'utbetalning',
      });
  }

  private async advancePlanDue(
    em: import('typeorm').EntityManager,
    decisionId: string,
    seq: number,
  ): Promise<number> {
    const advances = await em.find(Payment, { where: { decisionId, kind: 'forskott' } });
    let due = 0;
    for (const a of advances)
      if (a.status !== 'makulerad')
        for (const step of a.offsetPlan ?? []) if (step.seq <= seq) due += step.amount;
    return due;
  }
}
