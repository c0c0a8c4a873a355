import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only history of an organisation: who changed what, when, before/after and why. A change can
 * alter eligibility (kommun, tätort) or the legal person (organisationsnummer), so it is kept apart from
 * any case. A database trigger refuses UPDATE and DELETE.
 */
@Entity('organisation_history')
@Index('IDX_organisation_history_org', ['organisationId', 'id'])
export class OrganisationHistory {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column({ type: 'uuid' }) organisationId: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'text' }) actorName: string;
  @Column({ type: 'text' }) action: string;
  @Column({ type: 'jsonb', nullable: true }) before: object | null;
  @Column({ type: 'jsonb', nullable: true }) after: object | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
}
