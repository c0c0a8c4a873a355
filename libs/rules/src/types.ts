/**
 * The data the rules library works on. Everything here is plain, serialisable data: a rule set or a
 * RUS catalogue is what an administrator edits and what the database stores as a versioned document,
 * and an evaluation is what a case keeps as the record of how it was assessed.
 *
 * Money is whole kronor (safe integers), shares are integer basis points (1 % = 100), full-time
 * equivalents are hundredths (0.5 FTE = 50), calendar dates are "YYYY-MM-DD" meant in Europe/Stockholm
 * and moments are ISO 8601 timestamps with an offset ("2019-10-01T08:15:00Z").
 */
import type { BasisPoints, Kronor } from '@anslag/money';

export type IsoDate = string;
export type IsoTimestamp = string;

/** Where a rule comes from, so a reason can cite it: "Inriktningsbeslut 2019, Regionala företagsstöd, Mikrobidrag". */
export interface RuleRef {
  source: string;
  section?: string;
  clause?: string;
}

// ---------------------------------------------------------------------------------------------
// RUS: the regional development strategy the cases are tagged with
// ---------------------------------------------------------------------------------------------

export interface RusGoal {
  code: string;
  name: string;
}

export interface RusEffektmal {
  code: string;
  name: string;
  /** Code of the overall goal the effektmål belongs to. */
  goal: string;
}

export interface RusArea {
  code: string;
  /** The area's number in the strategy (1–10). */
  number: number;
  name: string;
}

export interface RusCatalogue {
  /** "RUS 2018–2030" */
  id: string;
  /** Version within the strategy, e.g. "2018" for the original and "2021" for the update. */
  version: string;
  title: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  source?: string;
  note?: string;
  overallGoals: RusGoal[];
  effektmal: RusEffektmal[];
  areas: RusArea[];
}

// ---------------------------------------------------------------------------------------------
// RuleSet: the content of an inriktningsbeslut
// ---------------------------------------------------------------------------------------------

export interface DecisionReference {
  kind: 'beslut' | 'forlangning' | 'andring';
  organ: string;
  date: IsoDate;
  /** Protocol paragraph, "§ 83"; null when the source does not give it. */
  paragraph: string | null;
  diarienummer: string | null;
  text?: string;
}

/** 'indikativ' frames may be shifted during the year; 'hogst' is a stated maximum. Both are only flagged. */
export type FrameBinding = 'indikativ' | 'hogst';

export interface Frame {
  name: string;
  amount: Kronor;
  binding: FrameBinding;
  /** Optional sub-frames per aid form code. */
  aidForms?: Record<string, Kronor>;
  note?: string;
  ref: RuleRef;
}

export type ProjectRankCode = '1' | '2a' | '2b' | '3' | 'förstudie' | (string & {});

export type RankCriterion =
  | { kind: 'eu_cofinancing' }
  | { kind: 'rus_area'; areas: string[] }
  | { kind: 'builds_on_earlier' }
  | { kind: 'forstudie' };

export interface ProjectRank {
  rank: ProjectRankCode;
  /** The decision's own words, quoted in letters. */
  text: string;
  motivation?: string;
  criterion: RankCriterion;
  ref: RuleRef;
}

export interface ProjectRules {
  /** Frame code the project grants are drawn from. */
  frame: string;
  /** The grant is a share of the booked costs and never more than them: 10000 bp. */
  maxShareBp: BasisPoints;
  legalBasis: LegalBasis[];
  appealable: boolean;
  /** Ordinances whose measures a project must not duplicate; an overlap is flagged (2003:596). */
  overlapOrdinances?: string[];
  ref: RuleRef;
}

export type TatortException = 'born_outside_nordics' | 'run_by_women_new_innovative_idea';

export const TATORT_EXCEPTIONS: readonly TatortException[] = [
  'born_outside_nordics',
  'run_by_women_new_innovative_idea',
];

export type Geography =
  | { kind: 'whole_county'; ref?: RuleRef }
  | {
      kind: 'outside_tatort';
      tatort: string;
      /** 'refuse': not in the tätort unless an exception holds; 'priority': a remark only. */
      mode: 'refuse' | 'priority';
      exceptions: TatortException[];
      ref?: RuleRef;
    }
  | { kind: 'rural'; tatort: string; ref?: RuleRef }
  /**
   * 2000:284 § 5: areas where service is sparse, as the region's service programme names them. The
   * case says whether the site lies in one (derived from the programme's data, or attested by an officer).
   */
  | { kind: 'service_area'; programme: string; ref?: RuleRef };

export interface SizeLimits {
  maxEmployees: number | null;
  /** Hundredths of a full-time equivalent: 50 = half a year's work. */
  minFteAtInvestment: number | null;
  ref?: RuleRef;
}

export type StateAidRoute = 'de_minimis' | 'gber' | 'none';

export interface LegalBasis {
  code: string;
  /** Whether the region's lawyer has confirmed this reading of the source ("att bekräfta" when not). */
  confirmed?: boolean;
  /** Where the fact comes from (an SFS number, an OJ reference, a seed). */
  source?: string;
  title: string;
  kind: 'national' | 'eu';
  /** For EU bases: which route of state aid the basis belongs to. */
  route?: StateAidRoute;
  /** GBER article, "18". */
  article?: string;
  /** A share limit the basis itself sets (GBER art. 18: 50 %); for art. 17 the small-firm share. */
  maxShareBp?: BasisPoints;
  /** Art. 17: the share for medium-sized firms. */
  maxShareBpMedium?: BasisPoints;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  /**
   * After validTo, decisions under an existing aid scheme may still be taken under this basis until
   * this date (1407/2013 art. 7.4: six months, so 2024-06-30). The case must name the basis.
   */
  transitionUntil?: IsoDate | null;
  note?: string;
}

/** Over which grants a per-company cap is counted; the source may not say. */
export type CompanyCapWindow =
  | { kind: 'all_time' }
  /** Grants dated within the inriktningsbeslut's own validity. */
  | { kind: 'rule_set' }
  /** Grants dated within this many years before the decision day. */
  | { kind: 'years'; years: number };

/** One dated version of hemsändningsbidrag's limits (2000:284 § 20). */
export interface HomeDeliveryLimits {
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  /** Share of the municipality's net cost. */
  maxShareBp: BasisPoints;
  /** Kronor per household and delivery. */
  maxPerHouseholdDelivery: Kronor;
  /** The net cost must reach this share of the price base amount (prisbasbelopp) of the year. */
  floorPriceBaseShareBp: BasisPoints;
  source: string;
  confirmed: boolean;
  note?: string;
}

export interface HomeDeliveryRules {
  limits: HomeDeliveryLimits[];
  /** Prisbasbelopp per calendar year (socialförsäkringsbalken 2 kap. 6–7 §§). */
  priceBaseAmounts: { year: number; kronor: Kronor; source: string; confirmed: boolean }[];
  ref: RuleRef;
}

/** A dated value: the GBER publication threshold. */
export interface DatedThreshold {
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  eur: number;
  source: string;
  confirmed: boolean;
}

/** GBER Annex I: the SME ceilings, counted with linked and partner enterprises. */
export interface SmeDefinition {
  medium: { maxHeadcount: number; maxTurnoverEur: number; maxBalanceSheetEur: number };
  small: { maxHeadcount: number; maxTurnoverEur: number; maxBalanceSheetEur: number };
  ref: RuleRef;
}

/** An activity a state-aid route does not cover (1407/2013 and 2023/2831 art. 1). */
export interface ExcludedActivity {
  code: string;
  text: string;
  /** The routes the exclusion applies to. */
  routes: StateAidRoute[];
  ref: RuleRef;
}

/** The EU conditions that sit beside the region's own limits; every value names its source. */
export interface StateAidSettings {
  gberPublicationThresholds: DatedThreshold[];
  smeDefinition: SmeDefinition;
  /** GBER art. 22: at most this many years since registration. */
  startupMaxYears: number;
  startupRef: RuleRef;
  /** No aid to an undertaking in difficulty under these routes (GBER art. 1.4 c). */
  inDifficultyRoutes: StateAidRoute[];
  inDifficultyRef: RuleRef;
  excludedActivities: ExcludedActivity[];
}

/** The incentive effect: which cost types may be dated before the application (preparatory studies). */
export interface IncentiveRules {
  preparatoryCostTypes: string[];
  ref: RuleRef;
}

export interface PriorityCriterion {
  code: string;
  text: string;
  /** A fact of the case that meets the criterion without the officer ticking it; 'always' for a prioritised form. */
  fact?: 'run_by_women' | 'new_innovative_idea' | 'outside_tatort' | 'always';
  ref?: RuleRef;
}

export interface AidFormRules {
  name: string;
  /** Null when the ordinance, not the region, sets the share. */
  maxShareBp: BasisPoints | null;
  maxPerDecision: Kronor | null;
  /** Whether the per-decision cap is stated "per beslut" or "per projekt". */
  maxPerDecisionUnit?: 'beslut' | 'projekt';
  /** Total over the organisation's grants of this aid form; null when none. */
  maxPerCompany: Kronor | null;
  /** Which earlier grants the per-company cap counts; all time when not given. */
  maxPerCompanyWindow?: CompanyCapWindow;
  /** Hemsändningsbidrag: the ordinance's caps and floor, dated. */
  homeDelivery?: HomeDeliveryRules;
  geography: Geography;
  size: SizeLimits | null;
  /** Null: any cost type that is not excluded. */
  eligibleCostTypes: string[] | null;
  excludedCostTypes: string[];
  legalBasis: LegalBasis[];
  /** The state-aid route used when the case does not name one. */
  defaultRoute: StateAidRoute;
  appealable: boolean;
  /** Who receives the aid: a firm, or (hemsändningsbidrag) the municipality. */
  recipient?: 'foretag' | 'kommun';
  priorityCriteria: PriorityCriterion[];
  /** Conditions the officer assesses by hand; listed as remarks-to-check, never computed. */
  conditions?: string[];
  note?: string;
  ref: RuleRef;
}

export interface AidSubform extends Partial<Omit<AidFormRules, 'ref'>> {
  code: string;
  name: string;
  ref: RuleRef;
}

export interface AidForm extends AidFormRules {
  code: string;
  /** Frame code the grants are drawn from. */
  frame: string;
  subforms?: Record<string, AidSubform>;
}

export interface DeMinimisRegime {
  code: string;
  title: string;
  /** 'general' (1407/2013, 2023/2831), 'sgei' (360/2012, 2023/2832), 'agriculture', 'fishery'. */
  kind?: 'general' | 'sgei' | 'agriculture' | 'fishery';
  ceilingEur: number;
  /**
   * The regulations whose aid counts toward this ceiling (cumulation, 1407/2013 art. 5.1, 360/2012
   * art. 2.8, 2023/2831 art. 5.1). Default: only this regime's own aid.
   */
  countsAidUnder?: string[];
  /** Decisions from this date are registered in the central de minimis register (2023/2831 art. 6). */
  centralRegisterFrom?: IsoDate | null;
  /** Official Journal reference, for the notice a decision must carry. */
  officialJournal?: string;
  confirmed?: boolean;
  /** 'fiscal_years': the current and the previous fiscal years; 'rolling_years': any period of that many years. */
  window: { kind: 'fiscal_years' | 'rolling_years'; years: number };
  /** The regime applies to decisions taken in [validFrom, validTo]. */
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  ref: RuleRef;
}

export interface ExchangeRate {
  /** The first day of the month the rate applies to (the Commission's monthly InforEuro rate). */
  from: IsoDate;
  /** Öre per euro: 1098 = 10.98 SEK/EUR. */
  orePerEur: number;
  source?: string;
  confirmed?: boolean;
  note?: string;
}

export interface DeMinimisSettings {
  regimes: DeMinimisRegime[];
  exchangeRates: ExchangeRate[];
}

export interface RuleSet {
  id: string;
  title: string;
  /** Used in every reference: "Inriktningsbeslut 2019". */
  shortTitle: string;
  /** The RUS catalogue the decision builds on. */
  rusId: string;
  validFrom: IsoDate;
  /** Null: "tills vidare". */
  validTo: IsoDate | null;
  references: DecisionReference[];
  frames: Record<string, Frame>;
  projectRanking: ProjectRank[];
  projectRules: ProjectRules;
  /** Names of cost types, in Swedish, by code. */
  costTypes: Record<string, string>;
  aidForms: Record<string, AidForm>;
  firmPriorityCriteria: PriorityCriterion[];
  deMinimis: DeMinimisSettings;
  /** EU conditions besides de minimis; without them the checks that need them are not made. */
  stateAid?: StateAidSettings;
  incentive?: IncentiveRules;
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// The case, as the evaluation sees it
// ---------------------------------------------------------------------------------------------

export type Track = 'projekt' | 'foretagsstod';

interface EvaluationInputBase {
  registrationDate: IsoDate;
  /** The (planned) decision date: picks the legal basis, the de minimis regime and window. Defaults to registrationDate. */
  decisionDate?: IsoDate;
}

export interface ProjectEvaluationInput extends EvaluationInputBase {
  track: 'projekt';
  /** RUS area codes the application claims. */
  rusAreas: string[];
  forstudie: boolean;
  euCofinancing: boolean;
  buildsOnEarlier: boolean;
  bookedCostsTotal: Kronor;
  /** The amount applied for from the region's 1:1 money. */
  amountApplied: Kronor;
  /** The officer's state-aid assessment of the project (2003:596 § 2); null when not yet made. */
  stateAid?: ProjectStateAidAssessment | null;
}

export interface ProjectStateAidAssessment {
  /** Whether the project money would be state aid to anyone. */
  isStateAid: boolean;
  /** Where it would be: the date the government was told. */
  governmentNotifiedOn?: IsoDate | null;
  /** Ordinances whose measures the project overlaps (SFS codes: "SFS 2000:284", "SFS 2015:210" …). */
  overlapsWith?: string[];
  reasoning?: string;
}

export interface CostLine {
  amount: Kronor;
  costType: string;
  description?: string;
  /** Date of the order, invoice or cost, when known. */
  date?: IsoDate | null;
}

export type RunBy = 'kvinnor' | 'man' | 'bada' | null;

export interface OrganisationFacts {
  kommun: string;
  /** Within Örebro tätort; null when not known. */
  inTatort: boolean | null;
  employees: number | null;
  /** Full-time equivalents at the investment, in hundredths. */
  fte: number | null;
  runBy: RunBy;
  /** Only read for the mikrobidrag exception in the tätort. */
  bornOutsideNordics: boolean | null;
  newInnovativeIdea: boolean | null;
  /** Month (1–12) the fiscal year starts; 1 when not given. */
  fiscalYearStartMonth?: number;
}

export interface EarlierGrant {
  aidForm: string;
  date: IsoDate;
  amount: Kronor;
  diarienummer?: string;
}

export interface DeMinimisAid {
  /** Date the aid was granted. */
  date: IsoDate;
  amount: number;
  currency: 'SEK' | 'EUR';
  grantor: string;
  /** The regulation it was granted under ("(EU) nr 1407/2013", "(EU) nr 360/2012" …); general de minimis when not given. */
  regulation?: string | null;
  /** The organisation of the single undertaking that received it, when not the applicant. */
  recipient?: string | null;
}

export interface OrganisationHistory {
  /** The region's earlier grants to the organisation, per aid form. */
  grants: EarlierGrant[];
  /** All de minimis aid the organisation has received (its declaration plus the region's own). */
  deMinimis: DeMinimisAid[];
}

export interface FirmEvaluationInput extends EvaluationInputBase {
  track: 'foretagsstod';
  aidForm: string;
  subform?: string | null;
  costLines: CostLine[];
  amountApplied: Kronor;
  plannedStart: IsoDate;
  receivedAt: IsoTimestamp;
  /** Overrides the aid form's default state-aid route. */
  stateAidRoute?: StateAidRoute | null;
  organisation: OrganisationFacts;
  /** Priority criteria the officer has found met (codes from the rule set). */
  priorityFlags?: string[];
  history?: OrganisationHistory;
  /** The EU basis the case names where two may apply (the 2024 de minimis transition). */
  euBasis?: string | null;
  /** The other organisations the applicant forms a single undertaking with (1407/2013 art. 2.2). */
  singleUndertaking?: string[];
  stateAidFacts?: StateAidFacts | null;
  /** Kommersiell service: whether the site lies in an area of the service programme. */
  serviceArea?: ServiceAreaFact | null;
  /** Hemsändningsbidrag: the municipality's figures. */
  homeDelivery?: HomeDeliveryFacts | null;
}

/** Facts of the applicant the EU conditions need; a missing one is a remark, never a guess. */
export interface StateAidFacts {
  /** Date the company was registered (GBER art. 22: at most five years). */
  registeredOn?: IsoDate | null;
  listed?: boolean | null;
  distributedProfits?: boolean | null;
  formedThroughMerger?: boolean | null;
  /** With linked and partner enterprises (GBER Annex I art. 6). */
  headcount?: number | null;
  turnoverKronor?: Kronor | null;
  balanceSheetKronor?: Kronor | null;
  /** Whether the figures above include linked and partner enterprises. */
  includesLinked?: boolean | null;
  inDifficulty?: boolean | null;
  /** Codes of excluded activities (rule set `stateAid.excludedActivities`) the aid would serve. */
  activities?: string[];
}

export interface ServiceAreaFact {
  eligible: boolean | null;
  /** 'programme': derived from the programme's areas; 'attested': an officer's attestation. */
  basis: 'programme' | 'attested' | null;
  area?: string | null;
  attestedBy?: string | null;
}

export interface HomeDeliveryFacts {
  /** The municipality's net cost of home delivery for the period. */
  netCost: Kronor;
  /** Households × deliveries in the period. */
  householdDeliveries: number;
}

export type EvaluationInput = ProjectEvaluationInput | FirmEvaluationInput;

// ---------------------------------------------------------------------------------------------
// The evaluation
// ---------------------------------------------------------------------------------------------

export type Outcome = 'eligible' | 'eligible_with_remarks' | 'not_eligible';
export type Severity = 'info' | 'remark' | 'refusal';

export interface Check {
  /** Stable rule code: "geography", "size.employees", "grant.per_company", "de_minimis", … */
  rule: string;
  passed: boolean;
  severity: Severity;
  /** Swedish, shown to users. */
  reason: string;
  ref: string;
}

export type GrantTermCode =
  'andel' | 'per_beslut' | 'per_foretag' | 'per_tillfalle' | 'de_minimis' | 'ansokt';

export interface GrantTerm {
  term: GrantTermCode;
  amount: Kronor;
  reason: string;
  ref: string;
}

export interface MaxGrant {
  /** The smallest term; 0 when the outcome is not_eligible. */
  amount: Kronor;
  terms: GrantTerm[];
  /** The terms that set the amount (several when equal); empty when nothing can be granted. */
  limitedBy: GrantTermCode[];
}

export interface ProjectPriority {
  track: 'projekt';
  rank: ProjectRankCode | 'none';
  /** The decision's quoted text, empty when 'none'. */
  text: string;
  /** The sentence a letter uses: "Enligt inriktningsbeslutet är projektet prioriterat enligt rangordningen 2b. …" */
  statement: string;
  ref: string | null;
  /** Every other rank the project also meets, in order. */
  alsoMatches: ProjectRankCode[];
}

export interface FirmPriority {
  track: 'foretagsstod';
  criteria: { code: string; text: string; ref: string }[];
}

export interface DeMinimisStatus {
  /** The regulation the aid is granted under: stored on the decision. */
  regime: string;
  regimeTitle: string;
  officialJournal: string | null;
  ceilingEur: number;
  windowFrom: IsoDate;
  windowTo: IsoDate;
  usedEur: number;
  roomEur: number;
  /** The rate of the decision's month, and the month it is for ("2019-11-01"): stored on the decision. */
  orePerEur: number;
  rateFrom: IsoDate;
  roomSek: Kronor;
  /** Whether the decision is to be registered in the central de minimis register. */
  centralRegister: boolean;
  /** Every ceiling the grant was checked against (its own, and those its aid cumulates under). */
  ceilings: DeMinimisCeiling[];
}

export interface DeMinimisCeiling {
  regime: string;
  ceilingEur: number;
  windowFrom: IsoDate;
  usedEur: number;
  roomEur: number;
  roomSek: Kronor;
}

export interface Evaluation {
  ruleSetId: string;
  rusId: string | null;
  track: Track;
  outcome: Outcome;
  checks: Check[];
  priority: ProjectPriority | FirmPriority;
  maxGrant: MaxGrant;
  /** The legal bases in force on the decision date (national and, for firms, the EU route). */
  legalBasis: LegalBasis[];
  appealable: boolean;
  /** Booked costs (projects) or eligible costs after exclusions (firms). */
  eligibleCosts: Kronor;
  deMinimis: DeMinimisStatus | null;
}

// ---------------------------------------------------------------------------------------------
// Frames
// ---------------------------------------------------------------------------------------------

export interface FrameUsage {
  frames?: Record<string, Kronor>;
  aidForms?: Record<string, Kronor>;
}

export interface ProposedGrant {
  frame: string;
  aidForm?: string | null;
  amount: Kronor;
}

export interface FrameStatusLine {
  scope: 'frame' | 'aid_form';
  code: string;
  /** For an aid-form line, the frame it sits in. */
  frame: string;
  name: string;
  binding: FrameBinding;
  indicative: Kronor;
  granted: Kronor;
  proposed: Kronor;
  left: Kronor;
  overdrawn: boolean;
  reason: string | null;
  ref: string;
}

export interface FrameStatus {
  lines: FrameStatusLine[];
  overdrawn: boolean;
  reasons: string[];
}

export interface RuleSetProblem {
  field: string;
  problem: string;
}
