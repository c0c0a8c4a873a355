import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import { Decision } from '@anslag/decisions';
import { GrantCase } from '@anslag/cases';
import { kronorTransformer } from '@anslag/database';
import type { Payable } from '../calc/payable';

export type PaymentRequestStatus = 'utkast' | 'inskickad' | 'granskad' | 'makulerad';

export interface ReportedIndicator {
  code: string;
  value: number;
}

export interface PayoutAccount {
  type: 'bankgiro' | 'plusgiro' | 'iban';
  number: string;
  /** Required for IBAN outside Sweden; optional otherwise. */
  bic?: string | null;
}

/**
 * An utbetalningsansökan: the grantee's booked costs for a period with their vouchers, co-financing
 * received, in-kind contributions, and the progress or final report. Verified line by line by a
 * handläggare, who computes the amount; a payment (authorised by someone else) follows.
 */
@Check('chk_payment_request_kind', `kind IN ('lagesrapport', 'slutrapport')`)
@Check('chk_payment_request_status', `status IN ('utkast', 'inskickad', 'granskad', 'makulerad')`)
@Entity('payment_request')
@Index(['decisionId', 'seq'], { unique: true })
@Index(['caseId'])
@Index(['status'])
export class PaymentRequest {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) decisionId: string;
  @ManyToOne(() => Decision, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decision_id' })
  decision?: Decision;
  @Column({ type: 'uuid' }) caseId: string;
  @ManyToOne(() => GrantCase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  grantCase?: GrantCase;
  @Column({ type: 'integer' }) seq: number;
  @Column({ type: 'text' }) kind: 'lagesrapport' | 'slutrapport';
  @Column({ type: 'date' }) periodFrom: string;
  @Column({ type: 'date' }) periodTo: string;
  @Column({ type: 'text', default: 'utkast' }) status: PaymentRequestStatus;

  @Column({ type: 'text', default: '' }) reportText: string;
  @Column({ type: 'jsonb', default: () => "'[]'" }) indicators: ReportedIndicator[];
  @Column({ type: 'jsonb', default: () => "'[]'" }) cofinancing: { financier: string; amount: number }[];
  @Column({ type: 'jsonb', default: () => "'[]'" }) inKind: { contributor: string; amount: number }[];
  @Column({ type: 'jsonb', nullable: true }) payoutAccount: PayoutAccount | null;

  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ type: 'uuid', nullable: true }) submittedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'date', nullable: true }) submittedOn: string | null;

  @Column({ type: 'uuid', nullable: true }) verifiedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) verifiedAt: Date | null;
  @Column({ type: 'boolean', default: false }) finalReportApproved: boolean;
  @Column({ type: 'bigint', nullable: true, transformer: kronorTransformer }) approvedCosts: number | null;
  /** The computation at verification, every term with its reason. */
  @Column({ type: 'jsonb', nullable: true }) calculation: Payable | null;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @VersionColumn() version: number;
}
