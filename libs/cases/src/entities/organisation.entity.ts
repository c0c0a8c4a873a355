import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type RunBy = 'kvinnor' | 'man' | 'bada';
export type TatortBasis = 'postnummer' | 'handlaggare';

@Entity('organisation')
// A trigram index for name search, made by the migration (TypeORM cannot describe it).
@Index('idx_organisation_name_trgm', { synchronize: false })
// Prefix search on the number (text_pattern_ops), made by the migration WorkQueueIndexes.
@Index('idx_organisation_orgnr_prefix', { synchronize: false })
export class Organisation {
  @PrimaryGeneratedColumn('uuid') id: string;

  /** NNNNNN-NNNN, Luhn-checked. */
  @Column({ type: 'text', unique: true }) organisationsnummer: string;

  @Column({ type: 'text' }) name: string;

  @Column({ type: 'text' }) streetAddress: string;
  @Column({ type: 'text' }) postalCode: string;
  @Column({ type: 'text' }) city: string;

  /** SCB code of the municipality, or null when outside the county. */
  @Column({ type: 'text', nullable: true }) kommunCode: string | null;

  /** Within the region's restricted urban area (the rules' tätort), derived from the postal code. */
  @Column({ type: 'boolean', default: false }) inTatort: boolean;

  /** 'postnummer': derived from the address; 'handlaggare': corrected by an officer (reason in the history). */
  @Column({ type: 'text', default: 'postnummer' }) inTatortBasis: TatortBasis;

  @Column({ type: 'text' }) legalForm: string;

  @Column({ type: 'integer', nullable: true }) employees: number | null;

  /** Full-time equivalents in hundredths (0.5 FTE = 50). */
  @Column({ type: 'integer', nullable: true }) fteHundredths: number | null;

  /** Who runs it: the report's K / M / B; null for a public body. */
  @Column({ type: 'text', nullable: true }) runBy: RunBy | null;

  /** Stored only when the applicant states it for the mikrobidrag exception (GDPR: collect only what a rule needs). */
  @Column({ type: 'boolean', nullable: true }) bornOutsideNordics: boolean | null;

  @Column({ type: 'text', nullable: true }) bransch: string | null;
  @Column({ type: 'text', nullable: true }) sniCode: string | null;

  /** Set for demo rows whose facts were made up because the sources lack them. */
  @Column({ type: 'text', nullable: true }) dataNote: string | null;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
