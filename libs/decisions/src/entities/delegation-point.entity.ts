import { Column, Entity, Exclusion, PrimaryGeneratedColumn } from 'typeorm';
import { kronorTransformer } from '@anslag/database';

/**
 * A point of the delegationsordning (e.g. 3.2 regional development support by the förvaltningschef,
 * 3.3 company support by the områdeschef): which cases it covers and up to what amount. Versioned by
 * validity dates; accounts hold points (Account.delegationPoints),
 * and the point names its substitutes (ersättare). Cases beyond every point go to the nämnd.
 */
@Entity('delegation_point')
// One delegation point per code and period: no two rows of a point overlap in time (btree_gist).
@Exclusion(
  'excl_delegation_point_period',
  `USING gist (point WITH =, daterange(valid_from, valid_to, '[]') WITH &&)`,
)
export class DelegationPoint {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) point: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) decisionMakerTitle: string;
  @Column({ type: 'text', array: true }) tracks: string[];
  /** Aid forms covered (company support); empty = every form of the tracks. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) aidForms: string[];
  @Column({ type: 'bigint', nullable: true, transformer: kronorTransformer }) limitKronor: number | null;
  /** Ersättare: accounts that sign under this point when every holder has declared jäv or is away. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) substituteAccountIds: string[];
  @Column({ type: 'date' }) validFrom: string;
  @Column({ type: 'date', nullable: true }) validTo: string | null;
}
