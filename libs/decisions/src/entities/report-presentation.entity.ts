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
  @Column({ type: 'uuid', nullable: true }) presentedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
