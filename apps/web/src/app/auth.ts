import { useSyncExternalStore } from 'react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { session } from '../api/session';

export const meQueryOptions = () =>
  queryOptions({
    queryKey: ['get', '/api/auth/me'],
    queryFn: async () => unwrap(await api.GET('/api/auth/me')),
  });

export function useToken(): string | null {
  return useSyncExternalStore(session.subscribe, session.token);
}

/** Who is signed in, or null. */
export function useMe() {
  const token = useToken();
  const q = useQuery({ ...meQueryOptions(), enabled: !!token });
  return { token, me: token ? q.data : undefined, isLoading: !!token && q.isLoading };
}
