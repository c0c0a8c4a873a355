import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { kronorTransformer } from '@anslag/database';

/** De minimis aid the region has granted, per undertaking: what later evaluations count in the window. */
@Entity('de_minimis_ledger')
@Index(['organisationId', 'grantedOn'])
export class DeMinimisLedgerEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) organisationId: string;
  @ManyToOne('Organisation', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'organisation_id' })
  private readonly organisationRef?: unknown;
  @Column({ type: 'uuid', unique: true }) decisionId: string;
  @ManyToOne('Decision', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'decision_id' })
  private readonly decisionRef?: unknown;
  @Column({ type: 'date' }) grantedOn: string;
  @Column({ type: 'integer' }) amountEur: number;
  @Column({ type: 'bigint', transformer: kronorTransformer }) amountSek: number;
  @Column({ type: 'text' }) regime: string;
  /** Repaid after a recovery (återkrav): the ledger counts only the aid actually kept. */
  @Column({ type: 'bigint', transformer: kronorTransformer, default: 0 }) recoveredSek: number;
  @Column({ type: 'integer', default: 0 }) recoveredEur: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
