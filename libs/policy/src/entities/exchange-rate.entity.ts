import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The Commission's monthly euro rate (InforEuro) for one month, as an administrator loaded it. Aid is
 * converted at the rate of the month it is granted in; the rule set in force gets these rates.
 */
@Entity('exchange_rate')
export class ExchangeRateRow {
  /** "2024-05" */
  @PrimaryColumn({ type: 'text' }) month: string;
  /** Öre per euro: 1143 = 11.43 SEK/EUR. */
  @Column({ type: 'integer' }) orePerEur: number;
  @Column({ type: 'text' }) source: string;
  @Column({ type: 'uuid', nullable: true }) loadedBy: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) loadedAt: Date;
}
