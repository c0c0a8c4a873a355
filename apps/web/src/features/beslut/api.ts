import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';
import type { Decision, Schemas } from '../../api/types';

export type DecisionListItem = Schemas['DecisionListItemDto'];

const signableQuery = { status: 'utkast', signableByMe: true } as const;

/**
 * The drafts the signed-in beslutsfattare may sign now, with what signing needs (amount, the evaluated
 * maximum, frame warnings, jäv), from the API's work list in one call.
 */
export const awaitingSignatureQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.get('/api/decisions', signableQuery),
    queryFn: async () =>
      unwrap(await api.GET('/api/decisions', { params: { query: { ...signableQuery, pageSize: 100 } } })),
  });

export async function sign(id: string, overrideReason?: string): Promise<Decision> {
  return unwrap(
    await api.POST('/api/decisions/{id}/sign', { params: { path: { id } }, body: { overrideReason } }),
  ) as Decision;
}

/** Sends the draft back to the handläggare with a comment, instead of signing it. */
export async function returnDecision(id: string, comment: string): Promise<Decision> {
  return unwrap(
    await api.POST('/api/decisions/{id}/return', { params: { path: { id } }, body: { comment } }),
  ) as Decision;
}
