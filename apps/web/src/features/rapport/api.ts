import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';
import type { Loose, Schemas } from '../../api/types';

export interface ReportFilter {
  from: string;
  to: string;
  point?: string;
}

/** The delegation report as the API's JSON format gives it (the document does not describe it yet). */
export interface DelegationReport {
  title: string;
  from: string;
  to: string;
  groups: {
    point: string;
    heading: string;
    rows: {
      decisionId: string;
      diarienummer: string | null;
      stod: string;
      foretag: string;
      branschPrioritering: string;
      kon: string;
      kommun: string;
      outcome: string;
      amount: number | null;
      beslutsfattare: string;
      /** The presentation that reported the decision, if any. */
      reportedIn?: string | null;
    }[];
  }[];
}

export const reportQueryOptions = (f: ReportFilter) =>
  queryOptions({
    queryKey: queryKeys.get('/api/reports/delegation-decisions', f),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/reports/delegation-decisions', {
          params: { query: { from: f.from, to: f.to, point: f.point, format: 'json' } },
        }),
      ) as unknown as DelegationReport,
  });

/** The same report as a file (CSV, XLSX or PDF), fetched with the session's token. */
export async function downloadReport(f: ReportFilter, format: 'csv' | 'xlsx' | 'pdf'): Promise<Blob> {
  return unwrap(
    await api.GET('/api/reports/delegation-decisions', {
      params: { query: { from: f.from, to: f.to, point: f.point, format } },
      parseAs: 'blob',
    }),
  ) as unknown as Blob;
}

export type Presentation = Loose<Schemas['PresentationDto']>;
export type Undelivered = Loose<Schemas['UndeliveredDto']>;
export type PresentationInput = Schemas['CreatePresentationDto'];

export const presentationsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.get('/api/reports/delegation-decisions/presentations'),
    queryFn: async () =>
      unwrap(await api.GET('/api/reports/delegation-decisions/presentations')) as Presentation[],
  });

export const undeliveredQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.get('/api/reports/delegation-decisions/undelivered'),
    queryFn: async () =>
      unwrap(await api.GET('/api/reports/delegation-decisions/undelivered')) as Undelivered,
  });

/** Stamps the period's not yet reported decisions with the meeting and paragraph. */
export async function presentReport(body: PresentationInput): Promise<Presentation> {
  return unwrap(await api.POST('/api/reports/delegation-decisions/presentations', { body })) as Presentation;
}

/** A presented report exactly as it was presented. */
export async function downloadPresentation(id: string, format: 'csv' | 'xlsx' | 'pdf'): Promise<Blob> {
  return unwrap(
    await api.GET('/api/reports/delegation-decisions/presentations/{id}', {
      params: { path: { id }, query: { format } },
      parseAs: 'blob',
    }),
  ) as unknown as Blob;
}

/** One line of the follow-up: grants and rejections of an aid form or kommun (or all). */
export interface FollowUpLine {
  key: string;
  name: string;
  grantedCount: number;
  granted: number;
  rejectedCount: number;
}

export interface IndicatorFigures {
  year: number;
  grantedCount: number;
  granted: number;
  /** Every company grant of the year: the share's denominator. */
  companyGrantedCount: number;
}

/** The follow-up as the API's JSON format gives it (the document does not describe it yet). */
export interface FollowUp {
  title: string;
  year: number;
  totals: FollowUpLine;
  perAidForm: FollowUpLine[];
  perKommun: FollowUpLine[];
  indicators: {
    code: string;
    label: string;
    current: IndicatorFigures;
    previous: IndicatorFigures;
    change: number;
    increased: boolean;
  }[];
  frames: {
    inriktningsbeslut: string | null;
    lines: {
      code: string;
      name: string;
      binding: string | null;
      indicative: number | null;
      used: number;
      left: number | null;
    }[];
  };
}

export const followUpQueryOptions = (year: number) =>
  queryOptions({
    queryKey: queryKeys.get('/api/reports/follow-up', { year }),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/reports/follow-up', { params: { query: { year, format: 'json' } } }),
      ) as unknown as FollowUp,
  });

export async function downloadFollowUp(year: number, format: 'csv' | 'xlsx' | 'pdf'): Promise<Blob> {
  return unwrap(
    await api.GET('/api/reports/follow-up', { params: { query: { year, format } }, parseAs: 'blob' }),
  ) as unknown as Blob;
}
