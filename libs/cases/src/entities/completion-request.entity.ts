import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A request for completion (begäran om komplettering): why, when, by when it should be answered (the
 * region's setting), and when the applicant answered. Part of the case; the open one has no answer yet.
 */
@Entity('completion_request')
@Index(['caseId', 'requestedAt'])
@Index('idx_completion_request_open_due', ['dueDate'], { where: 'answered_at IS NULL' })
export class CompletionRequest {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) caseId: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'timestamptz' }) requestedAt: Date;
  @Column({ type: 'uuid', nullable: true }) requestedBy: string | null;
  /** Calendar date in Europe/Stockholm. */
  @Column({ type: 'date' }) dueDate: string;
  @Column({ type: 'timestamptz', nullable: true }) answeredAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) answeredBy: string | null;
}
