/**
 * The follow-up figures as titled tables of text and numbers: one description that the CSV, XLSX and PDF
 * writers all print, so the three formats cannot disagree.
 */
import type { FollowUp, FollowUpLine } from './follow-up.model';

export type Cell = string | number | null;

export interface FollowUpTable {
  title: string;
  columns: string[];
  /** Columns holding kronor or counts (printed right-aligned, formatted as numbers). */
  numeric: number[];
  rows: Cell[][];
  /** The last row is a sum row. */
  sumRow?: boolean;
}

const COUNT_COLUMNS = ['Antal beviljade', 'Beviljat belopp (kr)', 'Antal avslag'];
const lineCells = (l: FollowUpLine): Cell[] => [l.name, l.grantedCount, l.granted, l.rejectedCount];

export function followUpTables(f: FollowUp): FollowUpTable[] {
  const bindings: Record<string, string> = { indikativ: 'indikativ', hogst: 'högst' };
  return [
    {
      title: `Per stödform ${f.year}`,
      columns: ['Stödform', ...COUNT_COLUMNS],
      numeric: [1, 2, 3],
      rows: [
        ...f.perAidForm.map(lineCells),
        ['Totalt', f.totals.grantedCount, f.totals.granted, f.totals.rejectedCount],
      ],
      sumRow: true,
    },
    {
      title: `Per kommun ${f.year}`,
      columns: ['Kommun', ...COUNT_COLUMNS],
      numeric: [1, 2, 3],
      rows: [
        ...f.perKommun.map(lineCells),
        ['Totalt', f.totals.grantedCount, f.totals.granted, f.totals.rejectedCount],
      ],
      sumRow: true,
    },
    {
      title: `Nämndens indikatorer: ${f.year} jämfört med ${f.year - 1}`,
      columns: [
        'Indikator',
        `Antal ${f.year - 1}`,
        `Antal ${f.year}`,
        'Förändring',
        `Belopp ${f.year - 1} (kr)`,
        `Belopp ${f.year} (kr)`,
      ],
      numeric: [1, 2, 3, 4, 5],
      rows: f.indicators.map((i) => [
        i.label,
        i.previous.grantedCount,
        i.current.grantedCount,
        i.change,
        i.previous.granted,
        i.current.granted,
      ]),
    },
    {
      title: `Ramar ${f.year}${f.frames.inriktningsbeslut ? ` (${f.frames.inriktningsbeslut})` : ''}`,
      columns: ['Ram', 'Indikativt belopp (kr)', 'Beviljat (kr)', 'Kvar (kr)'],
      numeric: [1, 2, 3],
      rows: f.frames.lines.map((l) => [
        l.binding ? `${l.name} (${bindings[l.binding] ?? l.binding})` : l.name,
        l.indicative,
        l.used,
        l.left,
      ]),
    },
  ];
}

export const followUpHeading = (f: FollowUp) => [f.regionName, f.committee].filter(Boolean).join(' – ');
