import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';
import type { Loose, Schemas } from '../../api/types';

export type Inriktningsbeslut = Loose<Schemas['InriktningsbeslutDto']>;

/** A case in the what-if: the maximum and outcome now and under the draft. */
export interface WhatIfCase {
  caseId: string;
  diarienummer: string | null;
  title: string;
  current: { outcome: string; maxGrant: number } | null;
  draft: { outcome: string; maxGrant: number };
  changed: boolean;
}

/** The what-if as the API answers it: every changed case, and one page of the unchanged. */
export interface WhatIfResult {
  openCases: number;
  changedCases: number;
  cases: WhatIfCase[];
  unchanged: { items: WhatIfCase[]; total: number; page: number; pageSize: number };
}

export const decisionsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.get('/api/policy/inriktningsbeslut'),
    queryFn: async () => unwrap(await api.GET('/api/policy/inriktningsbeslut')) as Inriktningsbeslut[],
  });

/** The what-if of a draft, with the given page of the unchanged cases. */
export async function runWhatIf(content: Record<string, unknown>, page = 1): Promise<WhatIfResult> {
  return unwrap(
    await api.POST('/api/policy/what-if', {
      body: { content },
      params: { query: page > 1 ? { page } : {} },
    }),
  ) as unknown as WhatIfResult;
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
