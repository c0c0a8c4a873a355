/**
 * The delegation report ("Redovisning av delegationsbeslut") as plain data: rows grouped by delegation
 * point with totals. Writers (CSV, XLSX, PDF, JSON) turn a stream of these items into a document.
 */
import type { RegionHeader } from '../shared/region-header.service';

export type Kon = 'K' | 'M' | 'B' | '–' | '';

export interface DelegationReportRow {
  decisionId: string;
  caseId: string;
  delegationPoint: string;
  decisionDate: string;
  diarienummer: string | null;
  nypsId: string | null;
  /** Stöd: the aid form's catalogue name (the sub-form's when there is one). */
  stod: string;
  foretag: string;
  branschPrioritering: string;
  kon: Kon;
  kommun: string;
  outcome: 'bifall' | 'delvis_bifall' | 'avslag';
  /** Granted kronor (the cap for projects); null for a rejection. */
  amount: number | null;
  rejectionGrounds: string | null;
  beslutsfattare: string;
  beslutsfattareTitel: string | null;
  /** Set when a change decision replaced the amount of the decision first taken. */
  amended: boolean;
  reportedIn: string | null;
}

export interface ReportTotals {
  /** Sum of granted kronor. */
  granted: number;
  grantedCount: number;
  rejectedCount: number;
}

export interface ReportGroup {
  point: string;
  /** "Beslut om företagsstöd", from the delegation order; null when the point is not in it. */
  title: string | null;
  decisionMakerTitle: string | null;
  /** The section heading as printed. */
  heading: string;
}

export interface ReportMeta extends RegionHeader {
  title: string;
  from: string;
  to: string;
  point: string | null;
  onlyUnreported: boolean;
}

export type ReportItem =
  | { kind: 'group'; group: ReportGroup }
  | { kind: 'row'; row: DelegationReportRow }
  | { kind: 'groupEnd'; group: ReportGroup; totals: ReportTotals }
  | { kind: 'end'; totals: ReportTotals };

export const REPORT_TITLE = 'Redovisning av delegationsbeslut';

export const COLUMNS = [
  'Dnr',
  'Stöd',
  'Företag',
  'Bransch/Prioritering',
  'Kön',
  'Kommun',
  'Belopp',
  'Beslutsfattare',
] as const;

export const emptyTotals = (): ReportTotals => ({ granted: 0, grantedCount: 0, rejectedCount: 0 });

export function addToTotals(t: ReportTotals, row: DelegationReportRow): void {
  if (row.outcome === 'avslag') t.rejectedCount += 1;
  else {
    t.grantedCount += 1;
    t.granted += row.amount ?? 0;
  }
}

/** "Avslag/Uppfyller ej villkor", as the seed report prints a rejection in the Belopp column. */
export const rejectionText = (row: DelegationReportRow) =>
  row.rejectionGrounds ? `Avslag/${row.rejectionGrounds}` : 'Avslag';

/** The Dnr cell on one line: the diarienummer, and Tillväxtverket's NypsID the way the seed shows it. */
export function dnrText(row: DelegationReportRow, separator = ' '): string {
  if (!row.nypsId) return row.diarienummer || '';
  return row.diarienummer ? `${row.diarienummer}${separator}NypsID: ${row.nypsId}` : `NypsID: ${row.nypsId}`;
}

export const totalsLabel = (t: ReportTotals) =>
  `${t.grantedCount} ${t.grantedCount === 1 ? 'beviljat' : 'beviljade'}, ${t.rejectedCount} avslag`;

export function groupHeading(point: string, title: string | null, decisionMakerTitle: string | null): string {
  const head = `Punkt ${point}${title ? ` ${title}` : ''}`;
  return decisionMakerTitle ? `${head} – ${decisionMakerTitle}` : head;
}
