import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from './roles';

/** Who is calling: read from a verified access token, never from the request body. */
export interface Principal {
  userId: string;
  username: string;
  roles: Role[];
  /** For applicants: the organisations they held a mandate for at sign-in (access is checked afresh). */
  organisationIds: string[];
  /** The level of assurance of the sign-in (e-legitimation's acr); null for a password. */
  acr?: string | null;
  /** Set when the caller came with a browser session cookie rather than a bearer token. */
  sessionId?: string;
}

/** The roles a person holds: assigned by an admin, and given by the staff provider's groups. */
export function effectiveRoles(a: { roles: Role[]; groupRoles?: Role[] | null }): Role[] {
  return [...new Set([...a.roles, ...(a.groupRoles ?? [])])];
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
