import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PaymentRequest } from './payment-request.entity';
import { kronorTransformer } from '@anslag/database';
import type { VoucherFlag } from '../calc/voucher-checks';

export type VoucherVerdict = 'ej_granskad' | 'godkand' | 'avdragen' | 'flyttad';

/** One verifikation of a payment request, and the officer's verdict on it. */
@Check('chk_voucher_verdict', `verdict IN ('ej_granskad', 'godkand', 'avdragen', 'flyttad')`)
@Check('chk_voucher_amounts', `amount_ex_vat >= 0 AND vat >= 0`)
@Entity('payment_voucher')
@Index(['requestId', 'lineNo'], { unique: true })
export class PaymentVoucher {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) requestId: string;
  @ManyToOne(() => PaymentRequest, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'request_id' })
  request?: PaymentRequest;
  @Column({ type: 'integer' }) lineNo: number;
  @Column({ type: 'text' }) voucherNumber: string;
  @Column({ type: 'text' }) supplier: string;
  @Column({ type: 'text' }) costCategory: string;
  @Column({ type: 'text' }) costType: string;
  @Column({ type: 'date' }) invoiceDate: string;
  @Column({ type: 'date', nullable: true }) paymentDate: string | null;
  @Column({ type: 'bigint', transformer: kronorTransformer }) amountExVat: number;
  @Column({ type: 'bigint', transformer: kronorTransformer, default: 0 }) vat: number;
  @Column({ type: 'uuid', nullable: true }) attachmentId: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) flags: VoucherFlag[];
  @Column({ type: 'text', default: 'ej_granskad' }) verdict: VoucherVerdict;
  @Column({ type: 'text', nullable: true }) deductionReason: string | null;
  @Column({ type: 'text', nullable: true }) deductionText: string | null;
  @Column({ type: 'bigint', transformer: kronorTransformer, nullable: true }) approvedAmount: number | null;
}
