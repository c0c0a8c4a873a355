import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** firmatecknare: signs for the organisation; ombud: an agent given by a signatory; a sole trader's own firm. */
export type MandateKind = 'firmatecknare' | 'ombud' | 'enskild_naringsidkare';
/**
 * begard: asked for, not granted; overifierad: the registering person, until an officer verifies it
 * against the trade register; giltig: may act; aterkallad / avslagen: ended.
 */
export type MandateStatus = 'begard' | 'overifierad' | 'giltig' | 'aterkallad' | 'avslagen';

export const OPEN_STATUSES: MandateStatus[] = ['begard', 'overifierad', 'giltig'];

/**
 * A person's right to act for an organisation (person ↔ organisationsnummer). Invitations name the
 * person by personnummer; the account is linked when that person signs in.
 */
@Entity('mandate')
@Index(['organisationId', 'personnummer'], {
  unique: true,
  where: "status IN ('begard', 'overifierad', 'giltig')",
})
@Index(['accountId'])
export class Mandate {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) organisationId: string;
  /** 12 digits, YYYYMMDDNNNN. */
  @Column({ type: 'text' }) personnummer: string;
  @Column({ type: 'uuid', nullable: true }) accountId: string | null;
  @Column({ type: 'text' }) kind: MandateKind;
  @Column({ type: 'text' }) status: MandateStatus;
  @Column({ type: 'uuid', nullable: true }) grantedById: string | null;
  @Column({ type: 'text', nullable: true }) grantedByName: string | null;
  @Column({ type: 'timestamptz', nullable: true }) grantedAt: Date | null;
  /** Last day the mandate holds (Europe/Stockholm); null: until revoked. */
  @Column({ type: 'date', nullable: true }) validUntil: string | null;
  @Column({ type: 'uuid', nullable: true }) verifiedById: string | null;
  @Column({ type: 'timestamptz', nullable: true }) verifiedAt: Date | null;
  @Column({ type: 'text', nullable: true }) verificationNote: string | null;
  @Column({ type: 'uuid', nullable: true }) endedById: string | null;
  @Column({ type: 'timestamptz', nullable: true }) endedAt: Date | null;
  @Column({ type: 'text', nullable: true }) endReason: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
