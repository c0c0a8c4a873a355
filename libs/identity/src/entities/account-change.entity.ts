import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only log of changes to staff accounts: who changed what, and why. A trigger refuses changes. */
@Entity('account_change')
@Index(['accountId', 'id'])
export class AccountChange {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column({ type: 'uuid' }) accountId: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'text' }) actorName: string;
  @Column({ type: 'text' }) action: string;
  @Column({ type: 'jsonb', nullable: true }) before: object | null;
  @Column({ type: 'jsonb', nullable: true }) after: object | null;
  @Column({ type: 'text' }) reason: string;
}
