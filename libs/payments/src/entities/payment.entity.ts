import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Decision } from '@anslag/decisions';
import { GrantCase } from '@anslag/cases';
import { PaymentBatch } from './payment-batch.entity';
import { PaymentRequest } from './payment-request.entity';
import { kronorTransformer } from '@anslag/database';
import type { PayoutAccount } from './payment-request.entity';

export type PaymentStatus = 'forslag' | 'attesterad' | 'i_bunt' | 'betald' | 'makulerad';

export interface AdvanceOffsetStep {
  /** The payment request (by its number in the decision's schedule) that offsets this much. */
  seq: number;
  amount: number;
}

/**
 * A payment to the grantee: from a verified payment request, or an advance (förskott). Proposed by
 * the officer who verified it, authorised by someone else within the attest order; an authorised
 * payment is never changed, only cancelled with a reason. A database trigger keeps the amounts fixed.
 */
@Check('chk_payment_kind', `kind IN ('utbetalning', 'forskott')`)
@Check('chk_payment_status', `status IN ('forslag', 'attesterad', 'i_bunt', 'betald', 'makulerad')`)
@Check(
  'chk_payment_amounts',
  `net >= 0 AND advance_offset >= 0 AND recovery_offset >= 0 AND gross = net + advance_offset + recovery_offset`,
)
@Check('chk_payment_request_kind_match', `(kind = 'forskott') = (request_id IS NULL)`)
@Entity('payment')
// One live payment per request: two authorisations at once still make one payment.
@Index('uq_payment_per_request', ['requestId'], { unique: true, where: "status <> 'makulerad'" })
@Index(['decisionId'])
@Index(['status'])
@Index(['batchId'])
export class Payment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) decisionId: string;
  @ManyToOne(() => Decision, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decision_id' })
  decision?: Decision;
  @Column({ type: 'uuid' }) caseId: string;
  @ManyToOne(() => GrantCase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  grantCase?: GrantCase;
  @Column({ type: 'uuid', nullable: true }) requestId: string | null;
  @ManyToOne(() => PaymentRequest, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'request_id' })
  request?: PaymentRequest;
  @Column({ type: 'text' }) kind: 'utbetalning' | 'forskott';
  @Column({ type: 'text', default: 'forslag' }) status: PaymentStatus;

  /** Credited against the grant (net + advance offset + recovery offset). */
  @Column({ type: 'bigint', transformer: kronorTransformer }) gross: number;
  @Column({ type: 'bigint', transformer: kronorTransformer, default: 0 }) advanceOffset: number;
  /** Offset against a recovery decided with settlement by offset (kvittning). */
  @Column({ type: 'bigint', transformer: kronorTransformer, default: 0 }) recoveryOffset: number;
  /** Paid out to the payee. */
  @Column({ type: 'bigint', transformer: kronorTransformer }) net: number;

  @Column({ type: 'text' }) payeeName: string;
  @Column({ type: 'text' }) payeeOrganisationsnummer: string;
  @Column({ type: 'jsonb' }) payoutAccount: PayoutAccount;

  /** Advances: the special reasons, and the plan by which later payments offset it. */
  @Column({ type: 'text', nullable: true }) specialReasons: string | null;
  @Column({ type: 'jsonb', nullable: true }) offsetPlan: AdvanceOffsetStep[] | null;

  @Column({ type: 'uuid' }) proposedBy: string;
  @Column({ type: 'uuid', nullable: true }) authorisedBy: string | null;
  @Column({ type: 'text', nullable: true }) authorisedByName: string | null;
  @Column({ type: 'timestamptz', nullable: true }) authorisedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) batchId: string | null;
  @ManyToOne(() => PaymentBatch, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'batch_id' })
  batch?: PaymentBatch;
  @Column({ type: 'date', nullable: true }) paidOn: string | null;
  @Column({ type: 'text', nullable: true }) bankReference: string | null;
  @Column({ type: 'text', nullable: true }) cancelReason: string | null;
  @Column({ type: 'uuid', nullable: true }) cancelledBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
