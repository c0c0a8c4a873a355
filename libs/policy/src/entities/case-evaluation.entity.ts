import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { kronorTransformer } from '@anslag/database';
import type { Evaluation } from '@anslag/rules';

/** An officer's assessment: the evaluation of the case under the rules in force, stored as it was shown. */
@Entity('case_evaluation')
@Index(['caseId', 'createdAt'])
export class CaseEvaluation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) caseId: string;
  @ManyToOne('GrantCase', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'case_id' })
  private readonly caseRef?: unknown;
  @Column({ type: 'uuid' }) inriktningsbeslutId: string;
  @ManyToOne('Inriktningsbeslut', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'inriktningsbeslut_id' })
  private readonly inriktningsbeslutRef?: unknown;
  @Column({ type: 'text', nullable: true }) rusId: string | null;
  @Column({ type: 'text' }) outcome: Evaluation['outcome'];
  @Column({ type: 'bigint', transformer: kronorTransformer }) maxGrant: number;
  @Column({ type: 'jsonb' }) result: Evaluation;
  @Column({ type: 'uuid', nullable: true }) evaluatedBy: string | null;
  @Column({ type: 'text' }) evaluatedByName: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
