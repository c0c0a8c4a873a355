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
import { kronorTransformer } from '@anslag/database';
import type { InterestLine } from '../calc/recovery';

export type RecoveryStatus = 'utkast' | 'beslutad' | 'reglerad';

/**
 * Återkrav: a decision of its own that the grantee repays all or part of what was paid, on one of the
 * ordinance's grounds, with interest; settled by offset against a later payment or by invoice.
 */
@Check('chk_recovery_status', `status IN ('utkast', 'beslutad', 'reglerad')`)
@Check('chk_recovery_settlement', `settlement IN ('kvittning', 'faktura')`)
@Check('chk_recovery_amounts', `amount > 0 AND interest >= 0`)
@Entity('recovery')
@Index(['decisionId'])
export class Recovery {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) decisionId: string;
  @ManyToOne(() => Decision, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decision_id' })
  decision?: Decision;
  @Column({ type: 'uuid' }) caseId: string;
  @ManyToOne(() => GrantCase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  grantCase?: GrantCase;
  @Column({ type: 'text', default: 'utkast' }) status: RecoveryStatus;
  @Column({ type: 'text' }) groundsCode: string;
  @Column({ type: 'text' }) groundsText: string;
  @Column({ type: 'bigint', transformer: kronorTransformer }) amount: number;
  @Column({ type: 'date' }) interestFrom: string;
  @Column({ type: 'date', nullable: true }) interestTo: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) interestLines: InterestLine[];
  @Column({ type: 'bigint', transformer: kronorTransformer, default: 0 }) interest: number;
  @Column({ type: 'text' }) settlement: 'kvittning' | 'faktura';
  @Column({ type: 'uuid' }) draftedBy: string;
  @Column({ type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ type: 'text', nullable: true }) decidedByName: string | null;
  @Column({ type: 'date', nullable: true }) decisionDate: string | null;
  @Column({ type: 'date', nullable: true }) settledOn: string | null;
  @Column({ type: 'text', nullable: true }) settledReference: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
