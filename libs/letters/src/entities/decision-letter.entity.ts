import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';

export type LetterStatus = 'queued' | 'rendering' | 'done' | 'failed';

/** The decision letter of a signed decision: one per decision, its state visible while it is produced. */
@Entity('decision_letter')
@Check('chk_decision_letter_status', `status IN ('queued', 'rendering', 'done', 'failed')`)
export class DecisionLetter {
  @PrimaryColumn({ type: 'uuid' }) decisionId: string;
  @ManyToOne('Decision', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'decision_id' })
  private readonly decisionRef?: unknown;
  @Column({ type: 'text', default: 'queued' }) status: LetterStatus;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ type: 'text', nullable: true }) lastError: string | null;
  @Column({ type: 'bytea', nullable: true, select: false }) pdf: Buffer | null;
  @Column({ type: 'text', nullable: true }) sha256: string | null;
  @Column({ type: 'integer', nullable: true }) size: number | null;
  @Column({ type: 'timestamptz', nullable: true }) renderedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
