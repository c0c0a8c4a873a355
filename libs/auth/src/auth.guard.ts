import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DomainError, ErrorCode } from '@anslag/common';
import { AccountStatusService } from './accounts/account-status.service';
import type { Principal } from './principal';
import { PUBLIC_KEY, Role, ROLES_KEY } from './roles';

interface TokenClaims {
  sub: string;
  exp?: number;
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
    private readonly accounts: AccountStatusService,
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
    // A token that never expires is refused even when its signature is good.
    if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string')
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Ogiltig eller utgången inloggning');
    // Rights come from the account as it is now: revocation takes effect at once, not when the token expires.
    const account = await this.accounts.current(claims.sub).catch(() => {
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'Inloggningen kan inte prövas just nu');
    });
    if (!account) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Kontot är inte längre aktivt');
    request.principal = {
      userId: account.id,
      username: account.username,
      roles: account.roles,
      organisationIds: account.organisationIds,
    };
    if (!roles || !roles.some((r) => request.principal!.roles.includes(r))) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'Din roll får inte göra detta');
    }
    return true;
  }
}
