import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from '@anslag/auth';
import { kronorTransformer } from '@anslag/database';

/** The attest order: who may authorise payments up to which amount, and when (data, like delegation). */
@Check('chk_attest_amount', `max_amount >= 0`)
@Entity('attest_right')
@Index(['accountId'])
export class AttestRight {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) accountId: string;
  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;
  @Column({ type: 'bigint', transformer: kronorTransformer }) maxAmount: number;
  @Column({ type: 'date' }) validFrom: string;
  @Column({ type: 'date', nullable: true }) validTo: string | null;
}
