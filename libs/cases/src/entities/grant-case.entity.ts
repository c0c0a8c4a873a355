import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { kronorTransformer } from '@anslag/database';
import type { HomeDeliveryFacts, ProjectStateAidAssessment, StateAidFacts } from '@anslag/rules';
import { BudgetLine } from './budget-line.entity';
import { DeMinimisDeclaration } from './de-minimis-declaration.entity';
import { Organisation } from './organisation.entity';

export type Track = 'projekt' | 'foretagsstod';
export type CaseStatus =
  | 'utkast'
  | 'inskickad'
  | 'under_handlaggning'
  | 'komplettering_begard'
  | 'komplettering_inkommen'
  | 'beslutad'
  | 'aterkallad'
  | 'avslutad';

export interface ServiceAreaAttestation {
  eligible: boolean;
  area: string | null;
  reason: string;
  attestedBy: string;
}

/** The application sections of a project (DOMAIN.md), keyed by a stable code. */
export type ProjectSections = Partial<Record<string, string>>;

/** An ärende: one application, project co-financing or company support, from draft to decision. */
@Entity('grant_case')
// Prefix search on diarienummer (text_pattern_ops), made by the migration.
@Index('idx_grant_case_diarienummer_prefix', { synchronize: false })
// The work queue's sort (registration_date DESC NULLS LAST, id DESC), alone and after its filters;
// made by the migration WorkQueueIndexes (TypeORM cannot state the order of an index column).
@Index('idx_grant_case_queue', { synchronize: false })
@Index('idx_grant_case_queue_status', { synchronize: false })
@Index('idx_grant_case_queue_aid_form', { synchronize: false })
@Index('idx_grant_case_queue_organisation', { synchronize: false })
// The handläggare filter in the queue's order, the sorts on title and diarienummer, and trigram indexes
// for the free-text search (title, diarienummer); made by the migration QueueSearch.
@Index('idx_grant_case_queue_assignee', { synchronize: false })
@Index('idx_grant_case_sort_title', { synchronize: false })
@Index('idx_grant_case_sort_diarienummer', { synchronize: false })
@Index('idx_grant_case_title_trgm', { synchronize: false })
@Index('idx_grant_case_diarienummer_trgm', { synchronize: false })
@Check(
  'chk_grant_case_status',
  `status IN ('utkast', 'inskickad', 'under_handlaggning', 'komplettering_begard', 'komplettering_inkommen', 'beslutad', 'aterkallad', 'avslutad')`,
)
@Check('chk_grant_case_track', `track IN ('projekt', 'foretagsstod')`)
export class GrantCase {
  @PrimaryGeneratedColumn('uuid') id: string;

  /** YYRS + running number, assigned at registration; unique, never reused. */
  @Column({ type: 'text', nullable: true, unique: true }) diarienummer: string | null;

  /** Tillväxtverket's national case id (the report's NypsID). */
  @Column({ type: 'text', nullable: true }) nypsId: string | null;

  @Column({ type: 'text' }) track: Track;

  @Index()
  @Column({ type: 'text', default: 'utkast' })
  status: CaseStatus;

  @Column({ type: 'uuid' }) organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<Organisation>;

  @Column({ type: 'text' }) title: string;

  /** Company support: the aid form code (and sub-form) from the catalogue. */
  @Column({ type: 'text', nullable: true }) aidForm: string | null;
  @Column({ type: 'text', nullable: true }) aidSubform: string | null;

  /** Company support: what is applied for, typed by the applicant. Projects derive it from the budget. */
  @Column({ type: 'bigint', nullable: true, transformer: kronorTransformer }) amountApplied: number | null;

  @Column({ type: 'text', nullable: true }) description: string | null;

  // Project co-financing
  @Column({ type: 'date', nullable: true }) periodStart: string | null;
  @Column({ type: 'date', nullable: true }) periodEnd: string | null;
  @Column({ type: 'boolean', default: false }) forstudie: boolean;
  @Column({ type: 'boolean', default: false }) euCofinancing: boolean;
  @Column({ type: 'boolean', default: false }) buildsOnEarlier: boolean;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) rusAreas: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) effektmal: string[];
  @Column({ type: 'jsonb', default: () => "'{}'" }) sections: ProjectSections;
  /** The RUS catalogue version the case was assessed under. */
  @Column({ type: 'text', nullable: true }) rusVersion: string | null;

  // Company support
  @Column({ type: 'date', nullable: true }) plannedStart: string | null;
  @Column({ type: 'boolean', nullable: true }) collectiveAgreement: boolean | null;
  /** Facts the applicant states for the priority criteria (new business idea, advanced manufacturing …). */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) priorityClaims: string[];

  /** Company support: the facts the EU conditions need (GBER art. 17/22, difficulty, excluded activities). */
  @Column({ type: 'jsonb', nullable: true }) stateAidFacts: StateAidFacts | null;
  /** Hemsändningsbidrag: the municipality's net cost and household deliveries. */
  @Column({ type: 'jsonb', nullable: true }) homeDelivery: HomeDeliveryFacts | null;
  /** Kommersiell service: an officer's attestation that the site lies where service is sparse (2000:284 § 5). */
  @Column({ type: 'jsonb', nullable: true }) serviceAreaAttestation: ServiceAreaAttestation | null;
  /** Projects: the officer's state-aid assessment (2003:596 § 2). */
  @Column({ type: 'jsonb', nullable: true }) stateAidAssessment: ProjectStateAidAssessment | null;
  /** The EU basis named where two may apply (the 2024 de minimis transition); null: the one in force. */
  @Column({ type: 'text', nullable: true }) euBasis: string | null;

  /** Offentlighets- och sekretesslagen: a marking, e.g. "OSL 30 kap. 23 §", or null. */
  @Column({ type: 'text', nullable: true }) secrecyMarking: string | null;

  /** When the application arrived (the incentive-effect clock). */
  @Column({ type: 'timestamptz', nullable: true }) receivedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) registeredAt: Date | null;
  /** The registration date in Europe/Stockholm: decides the diarienummer year and the rules in force. */
  @Column({ type: 'date', nullable: true }) registrationDate: string | null;

  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;

  /** The handläggare the case is assigned to (the officers' work queue); null: unassigned. */
  @Column({ type: 'uuid', nullable: true })
  assignedTo: string | null;

  @OneToMany(() => BudgetLine, (l) => l.grantCase, { cascade: false })
  budgetLines?: Relation<BudgetLine[]>;

  @OneToMany(() => DeMinimisDeclaration, (d) => d.grantCase, { cascade: false })
  deMinimis?: Relation<DeMinimisDeclaration[]>;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
