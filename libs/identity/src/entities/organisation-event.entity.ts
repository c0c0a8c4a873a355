import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only history of an organisation: registration, mandates asked for, granted, verified and
 * revoked. Written in the same transaction as the change; a database trigger refuses UPDATE and DELETE.
 */
@Entity('organisation_event')
@Index(['organisationId', 'id'])
export class OrganisationEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column({ type: 'uuid' }) organisationId: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'text' }) actorName: string;
  @Column({ type: 'text' }) action: string;
  @Column({ type: 'jsonb', nullable: true }) details: object | null;
}
