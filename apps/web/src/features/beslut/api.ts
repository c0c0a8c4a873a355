import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';
import type { CaseSummary, Decision, Page } from '../../api/types';

export interface AwaitingSignature {
  case: CaseSummary;
  decision: Decision;
}

/**
 * Decisions drafted and not yet signed. The API has no list of them yet, so this reads the cases under
 * handling and each one's decisions (one page of 50 cases); the API's work lists will replace it.
 */
export const awaitingSignatureQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.get('/api/cases', { awaitingSignature: true }),
    queryFn: async () => {
      const cases = unwrap(
        await api.GET('/api/cases', { params: { query: { status: ['under_handlaggning'], pageSize: 50 } } }),
      ) as unknown as Page<CaseSummary>;
      const withDecisions = await Promise.all(
        cases.items.map(async (c) => {
          const decisions = unwrap(
            await api.GET('/api/cases/{caseId}/decisions', { params: { path: { caseId: c.id } } }),
          ) as Decision[];
          return decisions.filter((d) => d.status === 'utkast').map((decision) => ({ case: c, decision }));
        }),
      );
      return withDecisions.flat();
    },
  });

export async function sign(id: string, overrideReason?: string): Promise<Decision> {
  return unwrap(
    await api.POST('/api/decisions/{id}/sign', { params: { path: { id } }, body: { overrideReason } }),
  ) as Decision;
}
