import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

/**
 * Who read a personal fact that only a rule needs (GDPR, public-task basis): today the "born outside
 * the Nordic countries" fact kept for the mikrobidrag exception. Append-only.
 */
@Entity('personal_data_access')
@Index(['organisationId', 'at'])
export class PersonalDataAccess {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column({ type: 'uuid' }) organisationId: string;
  @ManyToOne('Organisation', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'organisation_id' })
  private readonly organisationRef?: unknown;
  @Column({ type: 'uuid', nullable: true }) accountId: string | null;
  @ManyToOne('Account', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'account_id' })
  private readonly accountRef?: unknown;
  @Column({ type: 'text' }) accountName: string;
  @Column({ type: 'text' }) field: string;
  /** Why it was read: 'visning' (shown), 'bedömning' (used by an assessment). */
  @Column({ type: 'text' }) purpose: string;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
}
