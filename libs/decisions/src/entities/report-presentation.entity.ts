import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A delegation report presented to a nämnd meeting: stamps the decisions it listed as reported. */
@Entity('report_presentation')
export class ReportPresentation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'date' }) periodFrom: string;
  @Column({ type: 'date' }) periodTo: string;
  @Column({ type: 'text', nullable: true }) delegationPoint: string | null;
  @Column({ type: 'date' }) meetingDate: string;
  @Column({ type: 'text' }) paragraph: string;
  @Column({ type: 'integer' }) decisionCount: number;
  /** The report as presented: its heading and rows, from which every format is rebuilt unchanged. */
  @Column({ type: 'jsonb', nullable: true }) document: unknown;
  /** SHA-256 of each format as presented, by format. */
  @Column({ type: 'jsonb', nullable: true }) hashes: Record<string, string> | null;
  @Column({ type: 'uuid', nullable: true }) presentedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
