import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { kronorTransformer } from '@anslag/database';
import type { LegalBasis, StateAidRoute } from '@anslag/rules';

export type DecisionOutcome = 'bifall' | 'delvis_bifall' | 'avslag';
export type DecisionStatus = 'utkast' | 'signerat';
export type DeMinimisRegisterStatus = 'ej_tillampligt' | 'ska_registreras' | 'registrerad';

export interface FinancingSource {
  /** e.g. 'anslag_1_1', 'rambudget' */
  source: string;
  label: string;
  amount: number;
}

export interface CoSigner {
  name: string;
  title: string;
}

/**
 * What the delegation report and the follow-up show of a decision, as it was when signed: later edits of
 * the organisation, the case or the catalogue do not change a report already presented. Taken by the
 * database (trigger `decision_snapshot_on_sign`) whenever a decision becomes signed.
 */
export interface DecisionSnapshot {
  organisationsnummer: string;
  name: string;
  branschPrioritering: string;
  runBy: string | null;
  legalForm: string | null;
  kommunCode: string | null;
  kommun: string | null;
  aidForm: string | null;
  /** The aid form's catalogue name (the sub-form's when there is one). */
  stod: string | null;
  track: string;
  miljo: boolean;
}

/** A cap of the inriktningsbeslut that the nämnd, deciding itself, went beyond. */
export interface CapExceeded {
  term: string;
  cap: number;
  reason: string;
}

/** Why a substitute (ersättare) signed instead of the holder of the delegation point. */
export interface SubstituteFor {
  point: string;
  holders: string[];
  ground: 'jav' | 'franvaro';
  reason: string;
}

export interface DecisionReasons {
  rusArea: string | null;
  effektmal: string | null;
  /** The inriktningsbeslut's rank, quoted. */
  rankQuote: string | null;
  /** Further reasons in the officer's words. */
  text: string | null;
}

/**
 * A decision on a case. Drafted by the handläggare from the stored evaluation, signed by a
 * beslutsfattare under the delegation order (or recorded as the nämnd's own). A signed decision is
 * immutable (a database trigger refuses changes); corrections are an ändringsbeslut that links to it.
 */
@Entity('decision')
@Index(['caseId', 'createdAt'])
@Index(['status', 'decisionDate'])
@Index(['amendsDecisionId'])
// The delegation report reads signed delegated decisions by date.
@Index('idx_decision_delegated_by_date', ['decisionDate'], {
  where: "status = 'signerat' AND NOT decided_by_namnd",
})
// One open change decision per decision at a time: a second draft of one would race the first to signing.
@Index('uq_decision_open_change', ['amendsDecisionId'], {
  unique: true,
  where: "status = 'utkast' AND kind = 'andringsbeslut'",
})
// Earlier grants to the same legal person, whatever row it is registered under (made by the migration).
@Index('idx_decision_signed_orgnr', { synchronize: false })
@Check('CHK_decision_signed_snapshot', `status <> 'signerat' OR snapshot IS NOT NULL`)
@Index('uq_decision_signed_per_case', ['caseId'], {
  unique: true,
  where: "status = 'signerat' AND kind = 'beslut'",
})
@Check('chk_decision_status', `status IN ('utkast', 'signerat')`)
@Check('chk_decision_outcome', `outcome IN ('bifall', 'delvis_bifall', 'avslag')`)
// A returned draft names who returned it and why; a signed decision is never returned.
@Check(
  'chk_decision_returned',
  `returned_at IS NULL OR (status = 'utkast' AND returned_by IS NOT NULL AND return_comment IS NOT NULL)`,
)
@Check('chk_decision_kind', `kind IN ('beslut', 'andringsbeslut')`)
// A signed decision always names its signer, its moment and the delegation point (or the nämnd).
@Check(
  'chk_decision_signed',
  `status <> 'signerat' OR (signed_at IS NOT NULL AND signed_by_name IS NOT NULL AND (delegation_point IS NOT NULL OR decided_by_namnd))`,
)
export class Decision {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) caseId: string;
  @ManyToOne('GrantCase', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'case_id' })
  private readonly caseRef?: unknown;
  @Column({ type: 'text', default: 'beslut' }) kind: 'beslut' | 'andringsbeslut';
  @Column({ type: 'uuid', nullable: true }) amendsDecisionId: string | null;
  @ManyToOne('Decision', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'amends_decision_id' })
  private readonly amendsRef?: unknown;
  @Column({ type: 'text', default: 'utkast' }) status: DecisionStatus;
  @Column({ type: 'text' }) outcome: DecisionOutcome;

  /** Granted amount (company support) or the cap (projects: "dock högst …"); null for a rejection. */
  @Column({ type: 'bigint', nullable: true, transformer: kronorTransformer }) amount: number | null;
  /** Projects: the share of booked costs, basis points. */
  @Column({ type: 'integer', nullable: true }) shareBp: number | null;
  @Column({ type: 'date', nullable: true }) earliestStart: string | null;
  @Column({ type: 'date', nullable: true }) latestEnd: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) financing: FinancingSource[];
  @Column({ type: 'jsonb', default: () => "'[]'" }) conditions: string[];
  @Column({ type: 'jsonb', nullable: true }) reasons: DecisionReasons | null;
  @Column({ type: 'text', nullable: true }) rejectionGrounds: string | null;

  @Column({ type: 'text', nullable: true }) aidForm: string | null;
  @Column({ type: 'text', nullable: true }) frame: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) legalBasis: LegalBasis[];
  @Column({ type: 'text', nullable: true }) stateAidRoute: StateAidRoute | null;
  @Column({ type: 'boolean', default: false }) appealable: boolean;
  /** De minimis aid in EUR entered in the organisation's ledger on signing. */
  @Column({ type: 'integer', nullable: true }) deMinimisEur: number | null;
  /**
   * For de minimis decisions, what the letter's notice needs and the register keeps: the regulation the
   * aid is granted under ("(EU) 2023/2831"), the InforEuro rate used (öre per euro) and its month
   * ("2024-05-01"), and the central register status from 2026: 'ska_registreras' | 'registrerad' |
   * 'ej_tillampligt'.
   */
  @Column({ type: 'text', nullable: true }) deMinimisRegime: string | null;
  @Column({ type: 'integer', nullable: true }) deMinimisOrePerEur: number | null;
  @Column({ type: 'date', nullable: true }) deMinimisRateMonth: string | null;
  @Column({ type: 'text', nullable: true }) deMinimisRegisterStatus: DeMinimisRegisterStatus | null;
  /** The central register's reference, set once with the status 'registrerad'. */
  @Column({ type: 'text', nullable: true }) deMinimisRegisterReference: string | null;
  @Column({ type: 'uuid', nullable: true }) evaluationId: string | null;
  @ManyToOne('CaseEvaluation', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'evaluation_id' })
  private readonly evaluationRef?: unknown;
  /** The evaluated maximum at drafting, kept for the override check and the history. */
  @Column({ type: 'bigint', nullable: true, transformer: kronorTransformer }) evaluatedMax: number | null;

  @Column({ type: 'date' }) decisionDate: string;
  @Column({ type: 'text', nullable: true }) delegationPoint: string | null;
  @Column({ type: 'boolean', default: false }) decidedByNamnd: boolean;
  @Column({ type: 'date', nullable: true }) namndMeetingDate: string | null;
  @Column({ type: 'text', nullable: true }) namndParagraph: string | null;

  @Column({ type: 'uuid', nullable: true }) draftedBy: string | null;
  @Column({ type: 'uuid', nullable: true }) signedBy: string | null;
  @Column({ type: 'text', nullable: true }) signedByName: string | null;
  @Column({ type: 'text', nullable: true }) signedByTitle: string | null;
  @Column({ type: 'timestamptz', nullable: true }) signedAt: Date | null;
  @Column({ type: 'text', nullable: true }) overrideReason: string | null;
  /**
   * Sent back to the handläggare by a beslutsfattare, with a comment: the draft leaves the signable list
   * until the handläggare changes it (which clears these) or drafts anew.
   */
  @Column({ type: 'timestamptz', nullable: true }) returnedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) returnedBy: string | null;
  @Column({ type: 'text', nullable: true }) returnComment: string | null;
  /** Who else signs the letter (e.g. the enhetschef beside the decision maker), in order. */
  @Column({ type: 'jsonb', default: () => "'[]'" }) coSigners: CoSigner[];

  /** Set by the database when signed: see DecisionSnapshot. */
  @Column({ type: 'jsonb', nullable: true }) snapshot: DecisionSnapshot | null;
  /** The nämnd's own decision: the caps of the inriktningsbeslut it goes beyond. Empty under delegation. */
  @Column({ type: 'jsonb', default: () => "'[]'" }) capsExceeded: CapExceeded[];
  /** Set when a substitute signed for the holder of the point. */
  @Column({ type: 'jsonb', nullable: true }) substituteFor: SubstituteFor | null;

  /** Set when the delegation report listing it is marked as presented to the nämnd. */
  @Column({ type: 'uuid', nullable: true }) reportedIn: string | null;
  // Deferred: the report stamps its decisions before it inserts its own row, in one transaction.
  @ManyToOne('ReportPresentation', { onDelete: 'NO ACTION', deferrable: 'INITIALLY DEFERRED' })
  @JoinColumn({ name: 'reported_in' })
  private readonly reportedInRef?: unknown;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
