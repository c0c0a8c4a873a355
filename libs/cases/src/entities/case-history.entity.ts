import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who may read a history entry: `public` to the parties (the applicant sees it), `internal` to the
 * region's officers only (assessments, drafts, jäv declarations).
 */
export type HistoryVisibility = 'public' | 'internal';

/**
 * Append-only history of a case: who did what, when, with before/after. Written in the same
 * transaction as the change; a database trigger refuses UPDATE and DELETE.
 */
@Entity('case_history')
@Index(['caseId', 'id'])
export class CaseHistory {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column({ type: 'uuid' }) caseId: string;
  @ManyToOne('GrantCase', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'case_id' })
  private readonly caseRef?: unknown;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'text' }) actorName: string;
  @Column({ type: 'text' }) action: string;
  @Column({ type: 'jsonb', nullable: true }) before: object | null;
  @Column({ type: 'jsonb', nullable: true }) after: object | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'text', default: 'internal' }) visibility: HistoryVisibility;
}
