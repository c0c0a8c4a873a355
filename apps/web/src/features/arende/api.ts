import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';
import type { Decision, Schemas } from '../../api/types';

export const caseDecisionsQueryOptions = (caseId: string) =>
  queryOptions({
    queryKey: queryKeys.get('/api/cases/{caseId}/decisions', { caseId }),
    queryFn: async () =>
      unwrap(await api.GET('/api/cases/{caseId}/decisions', { params: { path: { caseId } } })) as Decision[],
  });

/** The decision letter as a file, fetched with the session's token and handed to the browser to save. */
export async function downloadLetter(decisionId: string, filename: string): Promise<void> {
  const r = await api.GET('/api/decisions/{id}/letter', {
    params: { path: { id: decisionId } },
    parseAs: 'blob',
  });
  const blob = unwrap(r) as unknown as Blob;
  saveBlob(blob, filename);
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type Attachment = Schemas['AttachmentDto'];
export type OpenCompletionRequest = Schemas['OpenCompletionRequestDto'];

export const attachmentsQueryOptions = (caseId: string) =>
  queryOptions({
    queryKey: queryKeys.get('/api/cases/{caseId}/attachments', { caseId }),
    queryFn: async () =>
      unwrap(await api.GET('/api/cases/{caseId}/attachments', { params: { path: { caseId } } })),
  });

export async function downloadAttachment(caseId: string, a: Attachment): Promise<void> {
  const r = await api.GET('/api/cases/{caseId}/attachments/{id}', {
    params: { path: { caseId, id: a.id } },
    parseAs: 'blob',
  });
  saveBlob(unwrap(r) as unknown as Blob, a.filename);
}

/** Uploads one file as multipart/form-data (the browser sets the boundary). */
export async function uploadAttachment(caseId: string, file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file);
  return unwrap(
    await api.POST('/api/cases/{caseId}/attachments', {
      params: { path: { caseId } },
      body: form as unknown as { file: string },
      bodySerializer: (b) => b as unknown as FormData,
    }),
  );
}

/** The signed-in handläggare takes the case (or it is reassigned to them). */
export async function assignTo(caseId: string, userId: string) {
  return unwrap(
    await api.PUT('/api/cases/{id}/assignee', {
      params: { path: { id: caseId } },
      body: { assignedTo: userId },
    }),
  );
}

/** The letter a draft decision would get, marked UTKAST; rendered on request and never stored. */
export async function previewLetter(decisionId: string): Promise<Blob> {
  const r = await api.GET('/api/decisions/{id}/letter/preview', {
    params: { path: { id: decisionId } },
    parseAs: 'blob',
  });
  return unwrap(r) as unknown as Blob;
}

export const openCompletionRequestsQueryOptions = (overdue: boolean) =>
  queryOptions({
    queryKey: queryKeys.get('/api/completion-requests', overdue ? { overdue } : {}),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/completion-requests', {
          params: { query: { pageSize: 200, ...(overdue ? { overdue } : {}) } },
        }),
      ),
  });

/** Asks the applicant for what is missing; the API sets the due date from the region's days. */
export async function requestCompletion(caseId: string, reason: string) {
  return unwrap(
    await api.POST('/api/cases/{id}/transitions', {
      params: { path: { id: caseId } },
      body: { transition: 'begar_komplettering', reason },
    }),
  );
}
