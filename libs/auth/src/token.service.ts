import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Principal } from './principal';

/**
 * Issues the short-lived access token. Any login method (a break-glass password, or OpenID Connect for API clients)
 * ends by calling `issue` with the principal it established; the case code only ever sees Principal.
 */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(p: Principal): Promise<string> {
    return this.jwt.signAsync({
      sub: p.userId,
      username: p.username,
      roles: p.roles,
      orgs: p.organisationIds,
      acr: p.acr ?? null,
    });
  }
}
