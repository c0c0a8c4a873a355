import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

/** The users' roles, named as they say them. */
export enum Role {
  sokande = 'sokande',
  handlaggare = 'handlaggare',
  beslutsfattare = 'beslutsfattare',
  namndsekreterare = 'namndsekreterare',
  admin = 'admin',
}

export const ALL_ROLES = Object.values(Role);
/** Everyone who works at the region (not applicants). */
export const OFFICER_ROLES = [Role.handlaggare, Role.beslutsfattare, Role.namndsekreterare, Role.admin];
/** Staff roles that read cases and personal facts. An admin alone administers users and rules, no more. */
export const STAFF_ROLES = [Role.handlaggare, Role.beslutsfattare, Role.namndsekreterare];

export const ROLES_KEY = 'anslag:roles';
export const PUBLIC_KEY = 'anslag:public';

/** Who may call the route. Every route carries either @Roles or @Public; a test checks it. */
/** Who may call the route; the OpenAPI document states it too (`x-roles`), for clients and tests. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension('x-roles', roles));
export const Public = () => SetMetadata(PUBLIC_KEY, true);
