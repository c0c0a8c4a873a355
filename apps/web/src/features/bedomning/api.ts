import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';
import type { Decision, Schemas, StoredEvaluation } from '../../api/types';

/** The evaluation stored with the case, or null before the first assessment. */
export const evaluationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.get('/api/cases/{id}/evaluation', { id }),
    queryFn: async () => {
      try {
        return unwrap(
          await api.GET('/api/cases/{id}/evaluation', { params: { path: { id } } }),
        ) as unknown as StoredEvaluation;
      } catch (e) {
        if (e instanceof ApiError && e.body.statusCode === 404) return null;
        throw e;
      }
    },
  });

export const historyQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.get('/api/cases/{id}/history', { id }),
    queryFn: async () => unwrap(await api.GET('/api/cases/{id}/history', { params: { path: { id } } })),
  });

export async function assess(id: string): Promise<StoredEvaluation> {
  return unwrap(
    await api.POST('/api/cases/{id}/evaluation', { params: { path: { id } } }),
  ) as unknown as StoredEvaluation;
}

export async function transition(
  id: string,
  transition: Schemas['TransitionDto']['transition'],
  reason?: string,
) {
  return unwrap(
    await api.POST('/api/cases/{id}/transitions', { params: { path: { id } }, body: { transition, reason } }),
  );
}

export async function draftDecision(caseId: string, body: Schemas['DraftDecisionDto']): Promise<Decision> {
  return unwrap(
    await api.POST('/api/cases/{caseId}/decisions', { params: { path: { caseId } }, body }),
  ) as Decision;
}
