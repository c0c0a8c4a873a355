import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';
import type { Loose, Schemas } from '../../api/types';

export type Inriktningsbeslut = Loose<Schemas['InriktningsbeslutDto']>;

/** The parts of an aid form the admin edits here; the rest of the rule set travels unchanged. */
export interface AidFormLimits {
  code: string;
  name: string;
  maxShareBp: number | null;
  maxPerDecision: number | null;
  maxPerCompany: number | null;
}

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

export function aidFormsOf(content: Record<string, unknown>): AidFormLimits[] {
  const forms = (content.aidForms ?? {}) as Record<string, Omit<AidFormLimits, 'code'>>;
  return Object.entries(forms).map(([code, f]) => ({
    code,
    name: f.name,
    maxShareBp: f.maxShareBp ?? null,
    maxPerDecision: f.maxPerDecision ?? null,
    maxPerCompany: f.maxPerCompany ?? null,
  }));
}

/** The rule set with the edited limits written back into its aid forms. */
export function withAidForms(
  content: Record<string, unknown>,
  edited: Record<string, Partial<AidFormLimits>>,
): Record<string, unknown> {
  const forms = { ...((content.aidForms ?? {}) as Record<string, Record<string, unknown>>) };
  for (const [code, limits] of Object.entries(edited)) forms[code] = { ...forms[code], ...limits };
  return { ...content, aidForms: forms };
}
