import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The letter of a payment, an advance or a recovery; its id is the payment's or the recovery's. Ordered
 * in the transaction that authorises or decides, produced by the worker through the letter queue.
 */
@Check('chk_payment_letter_kind', `kind IN ('utbetalning', 'aterkrav')`)
@Check('chk_payment_letter_status', `status IN ('queued', 'rendering', 'done', 'failed')`)
@Entity('payment_letter')
export class PaymentLetter {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'uuid' }) caseId: string;
  @Column({ type: 'text' }) kind: 'utbetalning' | 'aterkrav';
  @Column({ type: 'text', default: 'queued' }) status: 'queued' | 'rendering' | 'done' | 'failed';
  @Column({ type: 'bytea', nullable: true, select: false }) pdf: Buffer | null;
  @Column({ type: 'text', nullable: true }) sha256: string | null;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
