/**
 * The input of the letter renderer: a decision letter with every text already resolved (from the case
 * and the region's letter template) and every amount as whole kronor. The renderer adds no words of its
 * own: headings, labels and region names all come from here.
 */
import type { BasisPoints, Kronor } from '@anslag/money';

/** A piece of running text: plain text, an amount (shown as "432 000 kr") or a share ("90 %"). */
export type Inline = string | { readonly kronor: Kronor } | { readonly share: BasisPoints };

/** A paragraph: one string, or pieces joined without separators. */
export type RichText = string | readonly Inline[];

/** A block of a section: a paragraph, or a bullet list. */
export type Block = RichText | { readonly bullets: readonly RichText[] };

export interface LetterSubsection {
  readonly heading: string;
  readonly blocks: readonly Block[];
}

export interface FinancingSource {
  /** "Regionalt utvecklingsstöd - statligt stöd" */
  readonly label: string;
  readonly amount: Kronor;
}

/** One point of Beslutet; `sources` lists the financing frame split per source under it. */
export interface DecisionItem {
  readonly text: RichText;
  readonly sources?: readonly FinancingSource[];
}

export interface BudgetRow {
  readonly label: string;
  /** One per year of the budget, in the same order; null for an empty cell. */
  readonly amounts: readonly (Kronor | null)[];
}

export interface BudgetGroup {
  /** "Offentlig finansiär"; omitted for a table without groups. */
  readonly label?: string;
  readonly rows: readonly BudgetRow[];
}

export interface BudgetTable {
  /** The first column's heading: "Bokförda kostnader", "Finansiär", "Direktfinansierade kostnader (in natura)". */
  readonly heading: string;
  readonly groups: readonly BudgetGroup[];
  /** "Summa bokförda kostnader"; null for a table without a sum row. */
  readonly totalLabel: string | null;
}

export interface LetterBudget {
  /** Calendar years, the table columns: [2019, 2020]. */
  readonly years: readonly number[];
  readonly tables: readonly BudgetTable[];
}

export interface Signatory {
  readonly name: string;
  readonly title: string;
}

export interface LetterSignatures {
  /** "För Region Örebro län" */
  readonly onBehalfOf: string;
  readonly signatories: readonly Signatory[];
}

export interface LetterRegion {
  /** "Region Örebro län", printed as the sender at the top of every page. */
  readonly name: string;
  /** Tjänsteställe: "Regional utveckling". */
  readonly organ: string;
  readonly handlaggare: { readonly name: string; readonly phone?: string; readonly email?: string };
  /** The sender's postal address, printed in the footer. */
  readonly postalAddress: readonly string[];
  readonly web?: string;
  readonly email?: string;
}

/** Every fixed word of the letter, from the region's template. */
export interface LetterLabels {
  readonly organAndOfficer: string;
  readonly date: string;
  readonly reference: string;
  readonly phone: string;
  readonly email: string;
  readonly decision: string;
  readonly summary: string;
  readonly reasons: string;
  readonly description: string;
  readonly budget: string;
  /** The last column of the budget tables: "Totalt". */
  readonly total: string;
  readonly appeal: string;
  /** "Sida {page} av {pages}" */
  readonly page: string;
}

export type LetterOutcome = 'bifall' | 'delvis_bifall' | 'avslag';

export interface LetterModel {
  readonly region: LetterRegion;
  readonly labels: LetterLabels;
  /** YYYY-MM-DD; also the PDF's creation date, so that one model always gives the same bytes. */
  readonly date: string;
  /** Beteckning: the diarienummer, "19RS9282". */
  readonly reference: string;
  /** A secrecy marking printed at the top of every page, e.g. "SEKRETESS 30 kap. 23 § OSL". */
  readonly secrecy?: string | null;
  /**
   * A marking printed at the top of every page of a letter that is not a decision yet, e.g. "UTKAST – ej
   * signerat beslut" in the officers' preview; never set on a letter sent to anyone.
   */
  readonly draftMarking?: string | null;
  readonly addressee: { readonly name: string; readonly addressLines: readonly string[] };
  /** "Medfinansiering av projekt MIND – Matrix for Industrial Network Development" */
  readonly title: string;
  /** What was applied for and for which period. */
  readonly application: readonly RichText[];
  readonly outcome: LetterOutcome;
  readonly decision: readonly DecisionItem[];
  /** "Följande villkor gäller för … beslut:" and the conditions; null when there are none. */
  readonly conditions: { readonly intro: string; readonly items: readonly RichText[] } | null;
  readonly summary: readonly Block[];
  /** Skäl till beslut; for a rejection, its grounds. Required unless the application is granted in full. */
  readonly reasons: readonly Block[];
  /** Beskrivning av ärendet: Bakgrund, Projektmål, … */
  readonly description: readonly LetterSubsection[];
  readonly budget: LetterBudget | null;
  readonly signatures: LetterSignatures;
  /** How to appeal (förvaltningslagen 33 §); null when the decision cannot be appealed. */
  readonly appeal: readonly Block[] | null;
}

/** Generic Swedish labels a template can start from (no region's name in them). */
export const SWEDISH_LETTER_LABELS: LetterLabels = {
  organAndOfficer: 'Tjänsteställe, handläggare',
  date: 'Datum',
  reference: 'Beteckning',
  phone: 'Telefon',
  email: 'E-post',
  decision: 'Beslutet',
  summary: 'Sammanfattning',
  reasons: 'Skäl till beslut',
  description: 'Beskrivning av ärendet',
  budget: 'Kostnads- och finansieringsbudget',
  total: 'Totalt',
  appeal: 'Hur man överklagar',
  page: 'Sida {page} av {pages}',
};
