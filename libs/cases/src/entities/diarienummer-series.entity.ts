import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The next running number of a diarienummer series per year ("19" + "RS"). */
@Entity('diarienummer_series')
export class DiarienummerSeries {
  @PrimaryColumn({ type: 'text' }) prefix: string;
  @Column({ type: 'integer' }) nextNumber: number;
}
