import type { RegionHeader } from '../shared/region-header.service';

export interface FollowUpLine {
  key: string;
  name: string;
  grantedCount: number;
  /** Sum of granted kronor. */
  granted: number;
  rejectedCount: number;
}

export interface IndicatorFigures {
  year: number;
  grantedCount: number;
  granted: number;
  /** Every company grant of the year, of any kind: the share's denominator. */
  companyGrantedCount: number;
}

/** One of the nämnd's indicators: company grants of a kind, this year against the year before. */
export interface Indicator {
  code: 'drivs_av_kvinnor' | 'miljodriven';
  label: string;
  current: IndicatorFigures;
  previous: IndicatorFigures;
  /** Change in the number of grants; the indicators ask for an increase. */
  change: number;
  increased: boolean;
}

export interface FrameLine {
  code: string;
  name: string;
  binding: string | null;
  /** The inriktningsbeslut's amount; null when the frame is used but not in it. */
  indicative: number | null;
  used: number;
  left: number | null;
}

export interface FollowUp extends RegionHeader {
  title: string;
  year: number;
  totals: FollowUpLine;
  perAidForm: FollowUpLine[];
  perKommun: FollowUpLine[];
  indicators: Indicator[];
  frames: { inriktningsbeslut: string | null; lines: FrameLine[] };
}

export const FOLLOW_UP_TITLE = 'Uppföljning av beslut om regionala tillväxtmedel';
