import { VOUCHER_FLAG_TEXT } from './calc/voucher-checks';
import type { Payment } from './entities/payment.entity';
import type { PaymentRequest } from './entities/payment-request.entity';
import type { PaymentVoucher } from './entities/payment-voucher.entity';
import type { PaymentDto, PaymentRequestDto } from './responses';

export function toRequestDto(
  r: PaymentRequest,
  vouchers: PaymentVoucher[],
  diarienummer: string | null = null,
): PaymentRequestDto {
  return {
    id: r.id,
    diarienummer,
    decisionId: r.decisionId,
    caseId: r.caseId,
    seq: r.seq,
    kind: r.kind,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    status: r.status,
    reportText: r.reportText,
    indicators: r.indicators,
    cofinancing: r.cofinancing.map((c) => ({ name: c.financier, amount: c.amount })),
    inKind: r.inKind.map((c) => ({ name: c.contributor, amount: c.amount })),
    payoutAccount: r.payoutAccount,
    vouchers: vouchers.map((v) => ({
      lineNo: v.lineNo,
      voucherNumber: v.voucherNumber,
      supplier: v.supplier,
      costCategory: v.costCategory,
      costType: v.costType,
      invoiceDate: v.invoiceDate,
      paymentDate: v.paymentDate,
      amountExVat: v.amountExVat,
      vat: v.vat,
      attachmentId: v.attachmentId,
      flags: v.flags.map((f) => ({ field: f, problem: VOUCHER_FLAG_TEXT[f] })),
      verdict: v.verdict,
      deductionReason: v.deductionReason,
      deductionText: v.deductionText,
      approvedAmount: v.approvedAmount,
    })),
    bookedTotal: vouchers.reduce((s, v) => s + v.amountExVat, 0),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    verifiedAt: r.verifiedAt?.toISOString() ?? null,
    finalReportApproved: r.finalReportApproved,
    approvedCosts: r.approvedCosts,
    calculation: r.calculation
      ? { ...r.calculation, terms: r.calculation.terms.map((t) => ({ ...t })) }
      : null,
  };
}

export function toPaymentDto(p: Payment): PaymentDto {
  return {
    id: p.id,
    decisionId: p.decisionId,
    caseId: p.caseId,
    requestId: p.requestId,
    kind: p.kind,
    status: p.status,
    gross: p.gross,
    advanceOffset: p.advanceOffset,
    recoveryOffset: p.recoveryOffset,
    net: p.net,
    payeeName: p.payeeName,
    payoutAccount: p.payoutAccount,
    specialReasons: p.specialReasons,
    authorisedByName: p.authorisedByName,
    authorisedAt: p.authorisedAt?.toISOString() ?? null,
    batchId: p.batchId,
    paidOn: p.paidOn,
    bankReference: p.bankReference,
    cancelReason: p.cancelReason,
  };
}
