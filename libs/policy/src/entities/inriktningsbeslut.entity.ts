import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { RuleSet } from '@anslag/rules';

export type InriktningsbeslutStatus = 'utkast' | 'antaget' | 'upphavt';

/**
 * One version of an inriktningsbeslut: a draft an admin edits, then adopted with the nämnd's date and §,
 * possibly extended ("tills vidare") or replaced. Adopted versions are never edited; a change is a new draft.
 */
@Entity('inriktningsbeslut')
@Index(['status', 'validFrom'])
@Check('chk_inriktningsbeslut_status', `status IN ('utkast', 'antaget', 'upphavt')`)
export class Inriktningsbeslut {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** The rule set's own id (RuleSet.id), shared by its versions. */
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text', default: 'utkast' }) status: InriktningsbeslutStatus;
  @Column({ type: 'date' }) validFrom: string;
  @Column({ type: 'date', nullable: true }) validTo: string | null;
  @Column({ type: 'date', nullable: true }) adoptedOn: string | null;
  @Column({ type: 'text', nullable: true }) paragraph: string | null;
  @Column({ type: 'jsonb' }) content: RuleSet;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
