/**
 * The plain data a decision letter is built from: rows of the decision, the case, the organisation and
 * its budget, and the region's settings (the region profile and the letter templates). No entity
 * classes: the storage glue reads the rows and hands them over as these shapes, tests write them by hand.
 */
import type { BasisPoints, Kronor } from '@anslag/money';

export type DecisionOutcome = 'bifall' | 'delvis_bifall' | 'avslag';

export interface LetterDecisionData {
  readonly outcome: DecisionOutcome;
  /** Projects: the cap ("dock högst …"); company support: the granted amount; null for a rejection. */
  readonly amount: Kronor | null;
  readonly shareBp: BasisPoints | null;
  readonly earliestStart: string | null;
  readonly latestEnd: string | null;
  /** The financing frame, split per source when the region's money comes from more than one. */
  readonly financing: readonly { readonly source: string; readonly label: string; readonly amount: Kronor }[];
  /** The decided conditions; empty means the template's standard conditions. */
  readonly conditions: readonly string[];
  readonly reasons: {
    readonly rusArea: string | null;
    readonly effektmal: string | null;
    readonly rankQuote: string | null;
    readonly text: string | null;
  } | null;
  /** The grounds of a refusal, or of the part refused in a partial grant (förvaltningslagen 32 §). */
  readonly rejectionGrounds: string | null;
  /** The legal bases the decision was taken under: the ordinance and the EU basis of its route. */
  readonly legalBasis: readonly LetterLegalBasisRef[];
  /** Used only when no legal basis of the decision has an appeal route in the region's legal bases. */
  readonly appealable: boolean;
  readonly decidedByNamnd: boolean;
  /** The nämnd's own decision: the committee, the meeting and the protocol's §. */
  readonly namnd?: {
    readonly committee: string;
    readonly meetingDate: string | null;
    readonly paragraph: string | null;
  } | null;
  /** Company support: the aid form code ("mikrobidrag", "kommersiell_service/investeringsstod"). */
  readonly aidForm?: string | null;
  /** De minimis aid: the amount in euro kept with the decision. */
  readonly deMinimisEur?: number | null;
  /** The exchange rate it was converted at, öre per euro. */
  readonly deMinimisRateOre?: number | null;
  /** The de minimis regulation the aid is granted under, by its legal-basis code ("(EU) 2023/2831"). */
  readonly deMinimisRegulation?: string | null;
  /** YYYY-MM-DD: the letter's date. */
  readonly decisionDate: string;
}

export interface LetterLegalBasisRef {
  readonly code?: string;
  readonly title: string;
  readonly kind?: 'national' | 'eu';
  readonly route?: string;
}

export type AppealRoute = 'forvaltningsbesvar' | 'overklagandeforbud' | 'laglighetsprovning';

/** A version-dated list of conditions that an ordinance adds to every decision under it. */
export interface LetterBasisConditions {
  readonly validFrom: string | null;
  readonly validTo?: string | null;
  readonly items: readonly string[];
}

/** What a letter tells about one legal basis (region setting "legalBases", keyed by the basis' code). */
export interface LetterLegalBasisInfo {
  /** The full title, as the letter cites it. */
  readonly title?: string;
  readonly appeal?: { readonly route: AppealRoute; readonly provision: string };
  readonly conditions?: readonly LetterBasisConditions[];
  /** EU regulations: the Official Journal reference ("EUT L 352, 24.12.2013, s. 1"). */
  readonly officialJournal?: string;
  /** A de minimis regulation: its decisions carry the notice of art. 6. */
  readonly deMinimis?: boolean;
  /** A national rule that asks for the notice too (2000:284 9 b §), as the sentence the letter adds. */
  readonly deMinimisNotice?: string;
}

export interface LetterLegalBases {
  readonly appealTexts: Readonly<Partial<Record<AppealRoute, string>>>;
  /** The appropriation's name by date. */
  readonly appropriations?: readonly {
    readonly nameInText: string;
    readonly validFrom: string | null;
    readonly validTo: string | null;
  }[];
  readonly bases: Readonly<Record<string, LetterLegalBasisInfo>>;
}

/** The inriktningsbeslut the case was assessed under, as the reasons cite it. */
export interface LetterRuleSetReference {
  /** The year the rule set was decided for ("För 2019 har …"). */
  readonly year: number;
  readonly decidedDate: string | null;
  readonly paragraph: string | null;
  /** The latest extension ("förlängt tills vidare 2020-01-22"), when there is one. */
  readonly extendedDate: string | null;
}

export interface LetterCaseData {
  readonly diarienummer: string;
  readonly track: 'projekt' | 'foretagsstod';
  readonly title: string;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  readonly rusAreas: readonly string[];
  readonly effektmal: readonly string[];
  /** Application sections by code (sammanfattning, bakgrund, …): paragraphs split by a blank line. */
  readonly sections: Readonly<Partial<Record<string, string>>>;
  /** Company support: what the applicant typed; projects derive it from the budget (null here). */
  readonly amountApplied: Kronor | null;
  readonly description: string | null;
  readonly secrecyMarking: string | null;
}

export interface LetterOrganisationData {
  readonly name: string;
  /** The shorter name used in running text ("Alfred Nobel Science Park"), when there is one. */
  readonly nameInText?: string | null;
  readonly organisationsnummer: string;
  /** Street or box lines, in order. */
  readonly addressLines: readonly string[];
  readonly postalCode: string;
  readonly city: string;
}

export interface LetterBudgetLineData {
  readonly kind: 'cost' | 'financing' | 'in_kind';
  readonly code: string;
  readonly label: string | null;
  readonly year: number | null;
  readonly amount: Kronor;
  /** Financing lines: the financier's sector from the catalogue. */
  readonly sector?: 'offentlig' | 'privat' | null;
  /** Financing lines: the region's own grant money (what the application asks of the region). */
  readonly regionGrant?: boolean;
}

/** The parts of the region profile (region setting "region") that letters use. */
export interface LetterRegionProfile {
  readonly name: string;
  readonly nameGenitive: string;
  readonly postalAddress: {
    readonly lines: readonly string[];
    readonly postalCode: string;
    readonly postalTown: string;
  };
  readonly email?: string | null;
  readonly web?: string | null;
  readonly letterhead: { readonly tjanstestalle: string; readonly signatureLine?: string };
  readonly inriktningsbeslutReference?: {
    readonly year: number;
    readonly decidedDate: string;
    readonly paragraph: string;
  } | null;
  readonly appeal: {
    readonly appealableText: string;
    readonly notAppealableText: string;
    readonly namndDecisionText: string;
  };
}

export type LetterBlockWhen =
  | 'financingSplit'
  | 'singleSource'
  | 'appealable'
  | 'notAppealable'
  /** A partial grant (delvis bifall): the grounds for the part refused. */
  | 'partlyGranted'
  /** De minimis aid: the notice of the regulation's art. 6. */
  | 'deMinimis'
  /** The letter's year is the rule set's year ("För 2019 har …"). */
  | 'ruleSetYear'
  /** The rule set is from an earlier year and still in force (extended). */
  | 'ruleSetEarlierYear'
  /** The nämnd decided itself. */
  | 'decidedByNamnd';

export interface LetterTemplateBlock {
  readonly kind:
    'header' | 'addressee' | 'title' | 'paragraph' | 'heading' | 'bullets' | 'tables' | 'signatures';
  readonly heading?: string;
  readonly text?: string;
  readonly items?: readonly string[];
  readonly when?: LetterBlockWhen;
}

export interface LetterTemplate {
  readonly code: string;
  readonly caseKind: string;
  readonly outcome: 'bifall' | 'avslag';
  readonly blocks: readonly LetterTemplateBlock[];
}

/** The region setting "letterTemplates": every letter type's template and the shared texts. */
export interface LetterTemplateSet {
  readonly headerFields?: readonly { readonly label: string }[];
  readonly standardConditions: readonly string[];
  /** Conditions per track ("projekt", "foretagsstod"); the standard conditions when a track has none. */
  readonly conditionsByTrack?: Readonly<Record<string, readonly string[]>>;
  /** Further conditions per aid form code (the form, or "form/subform"). */
  readonly conditionsByAidForm?: Readonly<Record<string, readonly string[]>>;
  /** The delegation report's rejection categories: not grounds in a letter that states its own. */
  readonly rejectionCategories?: readonly string[];
  /** Months from the decision to the final report, when the decision sets no end date. */
  readonly finalReportMonths?: number;
  readonly budgetTableTitles: {
    readonly costs: string;
    readonly costsSum: string;
    readonly financing: string;
    readonly publicFinancing: string;
    readonly privateFinancing: string;
    readonly financingSum: string;
    readonly inKind: string;
    readonly totalColumn: string;
  };
  readonly signatureLine?: string;
  /** Headings of the application sections in Beskrivning av ärendet, by section code. */
  readonly sectionHeadings?: Readonly<Record<string, string>>;
  readonly templates: readonly LetterTemplate[];
}

export interface LetterInput {
  readonly decision: LetterDecisionData;
  readonly grantCase: LetterCaseData;
  readonly organisation: LetterOrganisationData;
  readonly budgetLines: readonly LetterBudgetLineData[];
  readonly region: LetterRegionProfile;
  readonly templates: LetterTemplateSet;
  /** The handläggare named in the letterhead. */
  readonly officerName: string;
  /** Who signs, in the order of the signature block. */
  readonly signatories: readonly { readonly name: string; readonly title: string }[];
  /** The inriktningsbeslut's rank as quoted in the reasons; defaults to the decision's own. */
  readonly rankQuote?: string | null;
  /** Company support: the aid form as the letter names it. */
  readonly aidFormName?: string | null;
  /** What the letter tells per legal basis (region setting "legalBases"). */
  readonly legalBases?: LetterLegalBases | null;
  /** The inriktningsbeslut the case was assessed under; else the region profile's reference. */
  readonly ruleSet?: LetterRuleSetReference | null;
}
