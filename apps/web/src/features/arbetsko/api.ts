import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';
import type { paths } from '../../api/schema';
import type { CaseSummary, Page, Schemas } from '../../api/types';

export type QueueQuery = NonNullable<paths['/api/cases']['get']['parameters']['query']>;
export const STATUSES = [
  'inskickad',
  'under_handlaggning',
  'komplettering_begard',
  'komplettering_inkommen',
  'beslutad',
  'utkast',
  'aterkallad',
] as const;

export const QUEUE_PAGE_SIZE = 50;

/** The queue's query from the address (filters, sort and page live there), for the page and its loader. */
export function queueQueryFrom(params: URLSearchParams): QueueQuery {
  return {
    status: (params.get('status') || undefined) as QueueQuery['status'],
    diarienummer: params.get('diarienummer') || undefined,
    organisation: params.get('organisation') || undefined,
    sort: (params.get('sort') ?? '-registrationDate') as NonNullable<QueueQuery['sort']>,
    page: Math.max(1, Number(params.get('sida') ?? '1') || 1),
    pageSize: QUEUE_PAGE_SIZE,
  };
}

export const queueQueryOptions = (query: QueueQuery) =>
  queryOptions({
    queryKey: queryKeys.get('/api/cases', query ?? {}),
    queryFn: async () =>
      unwrap(await api.GET('/api/cases', { params: { query } })) as unknown as Page<CaseSummary>,
    placeholderData: keepPreviousData,
  });

/** How many cases are in each status: the case list's counts, read from one page of one row. */
export const statusCountsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.get('/api/cases', { counts: true }),
    queryFn: async () => {
      const page = unwrap(await api.GET('/api/cases', { params: { query: { pageSize: 1 } } }));
      return page.counts as Record<string, number>;
    },
  });

export type { Schemas };
