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
