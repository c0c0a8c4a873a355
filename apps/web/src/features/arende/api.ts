import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';
import type { Decision } from '../../api/types';

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
