import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';
import type { Organisation, Schemas } from '../../api/types';

export type Mandate = Schemas['MandateDto'];
export type Kommun = Schemas['KommunDto'];

export const myMandatesQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.get('/api/mandates/mine'),
    queryFn: async () => unwrap(await api.GET('/api/mandates/mine')),
  });

export const kommunerQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.get('/api/catalogues/kommuner'),
    queryFn: async () => unwrap(await api.GET('/api/catalogues/kommuner')),
    staleTime: Infinity,
  });

export async function registerOrganisation(body: Schemas['CreateOrganisationDto']): Promise<Organisation> {
  return unwrap(await api.POST('/api/organisations', { body })) as Organisation;
}

export async function requestAccess(organisationsnummer: string): Promise<void> {
  const r = await api.POST('/api/organisations/access-requests', { body: { organisationsnummer } });
  unwrap(r);
}
