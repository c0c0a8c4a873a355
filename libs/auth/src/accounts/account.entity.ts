import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../roles';

@Entity('account')
export class Account {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column({ type: 'text', unique: true }) username: string;

  @Column({ type: 'text' }) displayName: string;

  @Column({ type: 'text', nullable: true }) title: string | null;

  /** argon2id hash; null for accounts that sign in only through an external identity provider. */
  @Column({ type: 'text', nullable: true, select: false }) passwordHash: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" }) roles: Role[];

  /** Organisations an applicant acts for. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) organisationIds: string[];

  /** Points of the delegationsordning this person holds (beslutsfattare). */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) delegationPoints: string[];

  @Column({ type: 'boolean', default: true }) active: boolean;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
