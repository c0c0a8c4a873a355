import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

/** Jäv (förvaltningslagen 16–18 §§): a person declared disqualified in a case. Never removed. */
@Entity('conflict_of_interest')
@Index(['caseId', 'accountId'], { unique: true })
export class ConflictOfInterest {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) caseId: string;
  @ManyToOne('GrantCase', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'case_id' })
  private readonly caseRef?: unknown;
  @Column({ type: 'uuid' }) accountId: string;
  @ManyToOne('Account', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'account_id' })
  private readonly accountRef?: unknown;
  @Column({ type: 'text' }) accountName: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'uuid', nullable: true }) declaredBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) declaredAt: Date;
}
