import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../roles';

@Entity('account')
@Index(['externalIssuer', 'externalSubject'], { unique: true, where: 'external_subject IS NOT NULL' })
export class Account {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column({ type: 'text', unique: true }) username: string;

  @Column({ type: 'text' }) displayName: string;

  @Column({ type: 'text', nullable: true }) title: string | null;

  /** argon2id hash; null for accounts that sign in only through an external identity provider. */
  @Column({ type: 'text', nullable: true, select: false }) passwordHash: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" }) roles: Role[];

  /**
   * Roles given by the region's OpenID provider's groups at the latest sign-in (mapped in configuration),
   * beside the roles an admin assigns (`roles`). A person holds both.
   */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) groupRoles: Role[];

  /** An applicant's personnummer (12 digits), from e-legitimation. Organisations are reached through mandates. */
  @Column({ type: 'text', nullable: true, unique: true }) personnummer: string | null;

  /** The OpenID provider and subject a staff member signs in with (set at the first sign-in). */
  @Column({ type: 'text', nullable: true }) externalIssuer: string | null;
  @Column({ type: 'text', nullable: true }) externalSubject: string | null;

  /** A local account with a password, created explicitly by an admin (break-glass) or by the demo loader. */
  @Column({ type: 'boolean', default: false }) breakGlass: boolean;

  /** Points of the delegationsordning this person holds (beslutsfattare). */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) delegationPoints: string[];

  @Column({ type: 'boolean', default: true }) active: boolean;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
