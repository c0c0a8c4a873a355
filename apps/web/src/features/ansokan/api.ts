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

/** The catalogues an applicant chooses from; read once per visit (they change rarely). */
const catalogue = <T>(path: string, read: () => Promise<T>) =>
  queryOptions({ queryKey: queryKeys.get(path), queryFn: read, staleTime: 10 * 60_000 });

export const aidFormsQueryOptions = () =>
  catalogue('/api/catalogues/aid-forms', async () =>
    unwrap(await api.GET('/api/catalogues/aid-forms', { params: { query: {} } })),
  );

export const sectionsQueryOptions = () =>
  catalogue('/api/catalogues/sections', async () => unwrap(await api.GET('/api/catalogues/sections')));

export const costTypesQueryOptions = () =>
  catalogue('/api/catalogues/cost-types', async () =>
    unwrap(await api.GET('/api/catalogues/cost-types', { params: { query: {} } })),
  );

export const priorityCriteriaQueryOptions = () =>
  catalogue('/api/catalogues/priority-criteria', async () =>
    unwrap(await api.GET('/api/catalogues/priority-criteria', { params: { query: {} } })),
  );

export const costCategoriesQueryOptions = () =>
  catalogue('/api/catalogues/cost-categories', async () =>
    unwrap(await api.GET('/api/catalogues/cost-categories')),
  );

export const financiersQueryOptions = () =>
  catalogue('/api/catalogues/financiers', async () => unwrap(await api.GET('/api/catalogues/financiers')));

export const rusQueryOptions = () =>
  catalogue('/api/catalogues/rus', async () =>
    unwrap(await api.GET('/api/catalogues/rus', { params: { query: {} } })),
  );

export const attachmentTypesQueryOptions = () =>
  catalogue('/api/catalogues/attachment-types', async () =>
    unwrap(await api.GET('/api/catalogues/attachment-types')),
  );

/** Every problem that stands between the draft and "Skicka in", as the API's own check finds them. */
export const submissionCheckQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.get('/api/cases/{id}/submission-check', { id }),
    queryFn: async () =>
      unwrap(await api.GET('/api/cases/{id}/submission-check', { params: { path: { id } } })),
  });

export const historyQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.get('/api/cases/{id}/history', { id }),
    queryFn: async () => unwrap(await api.GET('/api/cases/{id}/history', { params: { path: { id } } })),
  });

export const attachmentsQueryOptions = (caseId: string) =>
  queryOptions({
    queryKey: queryKeys.get('/api/cases/{caseId}/attachments', { caseId }),
    queryFn: async () =>
      unwrap(await api.GET('/api/cases/{caseId}/attachments', { params: { path: { caseId } } })),
  });

/** Uploads one file as multipart/form-data; the type part comes before the file, as the API reads it. */
export async function uploadAttachment(caseId: string, type: string, file: File) {
  const form = new FormData();
  form.append('type', type);
  form.append('file', file);
  return unwrap(
    await api.POST('/api/cases/{caseId}/attachments', {
      params: { path: { caseId } },
      body: form as unknown as { type?: string; file: string },
      bodySerializer: (b) => b as unknown as FormData,
    }),
  );
}

/** The applicant sends the completion back, with what they want to tell the officer. */
export async function answerCompletion(id: string, reason: string): Promise<Case> {
  return unwrap(
    await api.POST('/api/cases/{id}/transitions', {
      params: { path: { id } },
      body: { transition: 'lamna_komplettering', reason: reason.trim() || undefined },
    }),
  ) as unknown as Case;
}
