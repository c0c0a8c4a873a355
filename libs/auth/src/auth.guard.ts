import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DomainError, ErrorCode } from '@anslag/common';
import type { Principal } from './principal';
import { PUBLIC_KEY, Role, ROLES_KEY } from './roles';

interface TokenClaims {
  sub: string;
  username: string;
  roles: Role[];
  orgs: string[];
}

/**
 * Global guard. A route without @Public needs a valid bearer token; a route with @Roles needs one of
 * them. A route with neither is refused outright, so forgetting to state who may call it fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const header = request.headers['authorization'] ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Inloggning krävs');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(match[1]);
    } catch {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Ogiltig eller utgången inloggning');
    }
    request.principal = {
      userId: claims.sub,
      username: claims.username,
      roles: claims.roles ?? [],
      organisationIds: claims.orgs ?? [],
    };
    if (!roles || !roles.some((r) => request.principal!.roles.includes(r))) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'Din roll får inte göra detta');
    }
    return true;
  }
}
