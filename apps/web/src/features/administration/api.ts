import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';
import type { Loose, Schemas } from '../../api/types';

export type DelegationPoint = Loose<Schemas['DelegationPointViewDto']>;
export type DelegationPointChange = Schemas['UpdateDelegationPointDto'];
export type CatalogueEntry = Loose<Schemas['CatalogueEntryDto']>;
export type CatalogueKind = CatalogueEntry['kind'];
export type CatalogueEntryInput = Schemas['UpsertCatalogueEntryDto'];
export type Kommun = Schemas['KommunDto'];
export type Staff = Loose<Schemas['StaffDto']>;
export type StaffRole = Schemas['StaffDto']['roles'][number];
export type NewStaff = Schemas['CreateStaffDto'];
export type StaffChange = Schemas['UpdateStaffDto'];
export type AccountChange = Loose<Schemas['AccountChangeDto']>;

export const STAFF_ROLES: StaffRole[] = ['handlaggare', 'beslutsfattare', 'namndsekreterare', 'admin'];

export const delegationPointsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.get('/api/delegation-points'),
    queryFn: async () => unwrap(await api.GET('/api/delegation-points')) as DelegationPoint[],
  });

export async function updateDelegationPoint(id: string, body: DelegationPointChange) {
  return unwrap(await api.PATCH('/api/delegation-points/{id}', { params: { path: { id } }, body }));
}

export const catalogueQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.get('/api/catalogues/entries'),
    queryFn: async () => unwrap(await api.GET('/api/catalogues/entries')) as CatalogueEntry[],
  });

export async function saveCatalogueEntry(kind: CatalogueKind, code: string, body: CatalogueEntryInput) {
  return unwrap(
    await api.PUT('/api/catalogues/entries/{kind}/{code}', { params: { path: { kind, code } }, body }),
  ) as CatalogueEntry;
}

export const kommunerQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.get('/api/catalogues/kommuner'),
    queryFn: async () => unwrap(await api.GET('/api/catalogues/kommuner')) as Kommun[],
  });

export async function saveKommun(code: string, name: string) {
  return unwrap(
    await api.PUT('/api/catalogues/kommuner/{code}', { params: { path: { code } }, body: { name } }),
  ) as Kommun;
}

export const staffQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.get('/api/admin/staff'),
    queryFn: async () => unwrap(await api.GET('/api/admin/staff')) as Staff[],
  });

export async function createStaff(body: NewStaff) {
  return unwrap(await api.POST('/api/admin/staff', { body })) as Staff;
}

export async function updateStaff(id: string, body: StaffChange) {
  return unwrap(await api.PATCH('/api/admin/staff/{id}', { params: { path: { id } }, body })) as Staff;
}

export const staffChangesQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.get('/api/admin/staff/{id}/changes', { id }),
    queryFn: async () =>
      unwrap(await api.GET('/api/admin/staff/{id}/changes', { params: { path: { id } } })) as AccountChange[],
  });
