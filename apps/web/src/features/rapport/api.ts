import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';

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
