import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';
import type { Loose, Schemas } from '../../api/types';

export type Inriktningsbeslut = Loose<Schemas['InriktningsbeslutDto']>;

/** The what-if as the API answers it (the document does not describe it yet). */
export interface WhatIfResult {
  openCases: number;
  changedCases: number;
  cases: {
    caseId: string;
    diarienummer: string | null;
    title: string;
    current: { outcome: string; maxGrant: number } | null;
    draft: { outcome: string; maxGrant: number };
    changed: boolean;
  }[];
}

export const decisionsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.get('/api/policy/inriktningsbeslut'),
    queryFn: async () => unwrap(await api.GET('/api/policy/inriktningsbeslut')) as Inriktningsbeslut[],
  });

export async function runWhatIf(content: Record<string, unknown>): Promise<WhatIfResult> {
  return unwrap(await api.POST('/api/policy/what-if', { body: { content } })) as unknown as WhatIfResult;
}

export async function saveDraft(
  id: string | null,
  content: Record<string, unknown>,
): Promise<Inriktningsbeslut> {
  const r = id
    ? await api.PUT('/api/policy/inriktningsbeslut/{id}', { params: { path: { id } }, body: { content } })
    : await api.POST('/api/policy/inriktningsbeslut', { body: { content } });
  return unwrap(r) as Inriktningsbeslut;
}
