import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { kronorTransformer } from '@anslag/database';

/** De minimis aid the region has granted, per undertaking: what later evaluations count in the window. */
@Entity('de_minimis_ledger')
@Index(['organisationId', 'grantedOn'])
export class DeMinimisLedgerEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) organisationId: string;
  @Column({ type: 'uuid', unique: true }) decisionId: string;
  @Column({ type: 'date' }) grantedOn: string;
  @Column({ type: 'integer' }) amountEur: number;
  @Column({ type: 'bigint', transformer: kronorTransformer }) amountSek: number;
  @Column({ type: 'text' }) regime: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
