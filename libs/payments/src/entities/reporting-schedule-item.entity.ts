import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Decision } from '@anslag/decisions';
import { GrantCase } from '@anslag/cases';

/** One report a grantee owes: a progress report (lägesrapport) or the final report (slutrapport). */
@Check('chk_schedule_kind', `kind IN ('lagesrapport', 'slutrapport')`)
@Entity('reporting_schedule_item')
@Index(['decisionId', 'seq'], { unique: true })
@Index(['dueDate'])
export class ReportingScheduleItem {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) decisionId: string;
  @ManyToOne(() => Decision, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decision_id' })
  decision?: Decision;
  @Column({ type: 'uuid' }) caseId: string;
  @ManyToOne(() => GrantCase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  grantCase?: GrantCase;
  @Column({ type: 'integer' }) seq: number;
  @Column({ type: 'text' }) kind: 'lagesrapport' | 'slutrapport';
  @Column({ type: 'date' }) periodFrom: string;
  @Column({ type: 'date' }) periodTo: string;
  @Column({ type: 'date' }) dueDate: string;
  /** Set when an officer changed the region's default for this decision. */
  @Column({ type: 'text', nullable: true }) overrideReason: string | null;
}
