import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { csrfToken } from '../api/session';
import type { components } from '../api/schema';

export type SessionInfo = components['schemas']['SessionDto'];

export const sessionQueryKey = ['get', '/api/auth/session'] as const;

/** The browser session: who is signed in and how, or null when no one is (the API answers 401). */
export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: sessionQueryKey,
    queryFn: async (): Promise<SessionInfo | null> => {
      // No CSRF cookie, no session: someone not signed in is not asked about (and answered 401).
      if (!csrfToken()) return null;
      const r = await api.GET('/api/auth/session');
      if (r.response.status === 401) return null;
      return unwrap(r);
    },
    staleTime: 60_000,
  });

/** The sign-ins through an OpenID provider that the API offers: e-legitimation, the staff's. */
export const providersQueryOptions = () =>
  queryOptions({
    queryKey: ['get', '/api/auth/providers'],
    queryFn: async () => unwrap(await api.GET('/api/auth/providers')),
    staleTime: Infinity,
  });

/** Where a provider's sign-in starts (by navigating), returning to the given path of this site. */
export function providerLoginUrl(loginUrl: string, returnTo: string): string {
  return `${loginUrl}?returnTo=${encodeURIComponent(returnTo)}`;
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: ['get', '/api/auth/me'],
    queryFn: async () => unwrap(await api.GET('/api/auth/me')),
  });

/**
 * Who is signed in, or null. `signedIn` is known once the session has been asked for; `me` adds the
 * organisations and delegation points, and `acr` tells how the person signed in (null: with a password).
 */
export function useMe() {
  const s = useQuery(sessionQueryOptions());
  const session = s.data ?? null;
  const q = useQuery({ ...meQueryOptions(), enabled: !!session });
  return {
    session,
    signedIn: !!session,
    me: session && q.data ? { ...q.data, acr: session.acr } : undefined,
    isLoading: s.isLoading || (!!session && q.isLoading),
  };
}
