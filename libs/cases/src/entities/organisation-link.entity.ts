import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The relations by which organisations form a single undertaking ("ett enda företag", 1407/2013 and
 * 2023/2831 art. 2.2): a majority of the votes, the right to appoint or remove a majority of the board,
 * dominant influence by contract or articles, or control of the votes by agreement. The link names the
 * other organisation by its organisation number (the legal person), whether or not it is registered here.
 */
export type UndertakingRelation =
  'majority_votes' | 'board_majority' | 'dominant_influence' | 'voting_agreement';

@Entity('organisation_link')
@Index(['organisationId', 'linkedOrganisationsnummer'], { unique: true })
export class OrganisationLink {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) organisationId: string;
  @Index()
  @Column({ type: 'text' })
  linkedOrganisationsnummer: string;
  @Column({ type: 'text' }) linkedName: string;
  @Column({ type: 'text' }) relation: UndertakingRelation;
  @Column({ type: 'uuid', nullable: true }) recordedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
