import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from './roles';

/** Who is calling: read from a verified access token, never from the request body. */
export interface Principal {
  userId: string;
  username: string;
  roles: Role[];
  /** For applicants: the organisations whose cases they may see. Officers have none here. */
  organisationIds: string[];
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
