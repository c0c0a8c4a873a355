import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The region's own facts as data (name, address, letterhead, diarienummer series letters, signatories,
 * appeal text): another region deploys the same code with its own rows.
 */
@Entity('region_setting')
export class RegionSetting {
  @PrimaryColumn({ type: 'text' }) key: string;
  @Column({ type: 'jsonb' }) value: unknown;
}
