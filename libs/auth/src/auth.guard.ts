import { timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DomainError, ErrorCode } from '@anslag/common';
import { AccountStatusService } from './accounts/account-status.service';
import type { Principal } from './principal';
import { SessionResolver } from './ports';
import { PUBLIC_KEY, Role, ROLES_KEY } from './roles';
import { CSRF_HEADER, SESSION_COOKIE } from './session-cookie';

interface TokenClaims {
  sub: string;
  exp?: number;
  username: string;
  roles: Role[];
  orgs: string[];
  acr?: string | null;
}

interface GuardedRequest {
  method: string;
  headers: Record<string, string | undefined>;
  cookies?: Record<string, string | undefined>;
  principal?: Principal;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global guard. A route without @Public needs a valid bearer token or browser session; a route with @Roles
 * needs one of them. A route with neither is refused outright, so forgetting to state who may call it
 * fails closed. A session's state-changing requests must echo its CSRF token in the x-csrf-token header.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verified = new Map<string, TokenClaims>();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly accounts: AccountStatusService,
    @Optional() private readonly sessions?: SessionResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    request.principal = await this.authenticate(request);
    if (!roles || !roles.some((r) => request.principal!.roles.includes(r))) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'Din roll får inte göra detta');
    }
    return true;
  }

  private async authenticate(request: GuardedRequest): Promise<Principal> {
    const header = request.headers['authorization'];
    const cookie = request.cookies?.[SESSION_COOKIE];
    if (!header && cookie && this.sessions) return this.fromSession(request, cookie);
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Inloggning krävs');
    const claims = await this.verify(match[1]);
    // Rights come from the account as it is now: revocation takes effect at once, not when the token expires.
    const account = await this.accounts.current(claims.sub).catch(() => {
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'Inloggningen kan inte prövas just nu');
    });
    if (!account) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Kontot är inte längre aktivt');
    return {
      userId: account.id,
      username: account.username,
      roles: account.roles,
      organisationIds: account.organisationIds,
      acr: claims.acr ?? null,
    };
  }

  /**
   * The token's claims once its signature, algorithm and expiry are good. A token already verified is
   * not verified again (HMAC and JSON parsing were a tenth of a light request's CPU): the same string
   * has the same signature, and its expiry is checked on every use. Bounded: cleared when full.
   */
  private async verify(token: string): Promise<TokenClaims> {
    const known = this.verified.get(token);
    if (known && known.exp! * 1000 > Date.now()) return known;
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Ogiltig eller utgången inloggning');
    }
    // A token that never expires is refused even when its signature is good.
    if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string')
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Ogiltig eller utgången inloggning');
    if (this.verified.size >= 10_000) this.verified.clear();
    this.verified.set(token, claims);
    return claims;
  }

  /** The session is read afresh on every request (account state included), so it needs no cache. */
  private async fromSession(request: GuardedRequest, cookie: string): Promise<Principal> {
    const session = await this.sessions!.resolve(cookie);
    if (!session) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sessionen har upphört. Logga in igen.');
    if (!SAFE_METHODS.has(request.method.toUpperCase())) {
      const echoed = request.headers[CSRF_HEADER];
      if (!echoed || !sameToken(echoed, session.csrfToken))
        throw new DomainError('CSRF_FAILED', `Begäran saknar giltig ${CSRF_HEADER}`, [
          { field: CSRF_HEADER, problem: 'saknas eller stämmer inte med sessionen' },
        ]);
    }
    return session.principal;
  }
}
DomainError.register('CSRF_FAILED', 403);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
