import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { RusCatalogue } from '@anslag/rules';

/** A version of the regional development strategy's catalogue (goals, effektmål, priority areas). */
@Entity('rus_catalogue')
export class RusCatalogueRow {
  /** The catalogue's id, e.g. "RUS 2018–2030"; cases keep the id they were assessed under. */
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'date' }) validFrom: string;
  @Column({ type: 'date', nullable: true }) validTo: string | null;
  @Column({ type: 'jsonb' }) content: RusCatalogue;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
