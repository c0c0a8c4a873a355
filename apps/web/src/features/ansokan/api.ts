import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';
import type { Case, CaseSummary, Organisation, Page, Schemas } from '../../api/types';

export const myCasesQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.get('/api/cases', { mine: true }),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/cases', { params: { query: { pageSize: 100 } } }),
      ) as unknown as Page<CaseSummary>,
  });

export const myOrganisationsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.get('/api/organisations/mine'),
    queryFn: async () => unwrap(await api.GET('/api/organisations/mine')) as unknown as Organisation[],
  });

export const caseQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.get('/api/cases/{id}', { id }),
    queryFn: async () => unwrap(await api.GET('/api/cases/{id}', { params: { path: { id } } })) as Case,
  });

export async function createCase(body: Schemas['CreateCaseDto']): Promise<Case> {
  return unwrap(await api.POST('/api/cases', { body })) as Case;
}

export async function updateCase(id: string, body: Schemas['UpdateCaseDto']): Promise<Case> {
  return unwrap(await api.PATCH('/api/cases/{id}', { params: { path: { id } }, body })) as Case;
}

export async function submitCase(id: string): Promise<Case> {
  return unwrap(
    await api.POST('/api/cases/{id}/transitions', {
      params: { path: { id } },
      body: { transition: 'skicka_in' },
    }),
  ) as unknown as Case;
}
