import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The region's municipalities: data a region loads, never code. */
@Entity('municipality')
export class Municipality {
  @PrimaryColumn({ type: 'text' }) code: string;
  @Column({ type: 'text', unique: true }) name: string;
}
