import { Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { AppConfig, listSetting } from '@anslag/config';
import { DomainError, ErrorCode } from '@anslag/common';

export type ProviderKind = 'e-legitimation' | 'personal';
export const PROVIDER_KINDS: ProviderKind[] = ['e-legitimation', 'personal'];

/** What the browser carries between the redirect to the provider and the way back (in a signed cookie). */
export interface PendingSignIn {
  kind: ProviderKind;
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

interface ProviderSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  acrValues: string | null;
}

/**
 * The OpenID Connect relying party, through openid-client: discovery (cached), the authorization URL
 * with PKCE (S256), state and nonce, and the code exchange with the ID token checked. Production and the
 * demo differ only in configuration; plain http is allowed only for a provider on loopback.
 */
@Injectable()
export class OidcClientService {
  private readonly logger = new Logger(OidcClientService.name);
  private readonly configurations = new Map<ProviderKind, Promise<oidc.Configuration>>();

  constructor(private readonly config: AppConfig) {}

  enabled(kind: ProviderKind): boolean {
    return this.settings(kind).issuer !== '';
  }

  redirectUri(kind: ProviderKind): string {
    return `${this.config.PUBLIC_URL}/api/auth/oidc/${kind}/callback`;
  }

  async start(kind: ProviderKind, returnTo: string): Promise<{ url: string; pending: PendingSignIn }> {
    const s = this.settings(kind);
    const configuration = await this.configuration(kind);
    const verifier = oidc.randomPKCECodeVerifier();
    const pending: PendingSignIn = {
      kind,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier,
      returnTo,
    };
    const params: Record<string, string> = {
      redirect_uri: this.redirectUri(kind),
      scope: s.scope,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    };
    if (s.acrValues) params.acr_values = s.acrValues;
    return { url: oidc.buildAuthorizationUrl(configuration, params).href, pending };
  }

  /** Exchanges the code; answers the ID token's claims merged with the userinfo's. */
  async finish(pending: PendingSignIn, callbackUrl: URL): Promise<Record<string, unknown>> {
    const configuration = await this.configuration(pending.kind);
    let tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;
    try {
      tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      this.logger.warn(`Inloggningen kunde inte slutföras: ${(err as Error).message}`);
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Inloggningen kunde inte slutföras. Försök igen.');
    }
    const idClaims: Record<string, unknown> = tokens.claims() ?? {};
    let userinfo: Record<string, unknown> = {};
    if (tokens.access_token && configuration.serverMetadata().userinfo_endpoint) {
      try {
        userinfo = await oidc.fetchUserInfo(configuration, tokens.access_token, String(idClaims.sub));
      } catch (err) {
        this.logger.warn(`Användarinformationen kunde inte hämtas: ${(err as Error).message}`);
      }
    }
    return { ...userinfo, ...idClaims };
  }

  private configuration(kind: ProviderKind): Promise<oidc.Configuration> {
    let found = this.configurations.get(kind);
    if (!found) {
      const s = this.settings(kind);
      if (!s.issuer) throw new DomainError(ErrorCode.NOT_FOUND, 'Inloggningssättet är inte konfigurerat');
      const issuer = new URL(s.issuer);
      const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
      found = oidc.discovery(
        issuer,
        s.clientId,
        undefined,
        oidc.ClientSecretBasic(s.clientSecret),
        loopback ? { execute: [oidc.allowInsecureRequests] } : undefined,
      );
      this.configurations.set(kind, found);
      // A provider that did not answer is asked again next time.
      found.catch(() => this.configurations.delete(kind));
    }
    return found.catch((err: Error) => {
      this.logger.warn(`OpenID-leverantören svarar inte: ${err.message}`);
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'Inloggningstjänsten svarar inte just nu');
    });
  }

  private settings(kind: ProviderKind): ProviderSettings {
    const c = this.config;
    return kind === 'e-legitimation'
      ? {
          issuer: c.APPLICANT_OIDC_ISSUER,
          clientId: c.APPLICANT_OIDC_CLIENT_ID,
          clientSecret: c.APPLICANT_OIDC_CLIENT_SECRET,
          scope: c.APPLICANT_OIDC_SCOPES,
          acrValues: listSetting(c.APPLICANT_OIDC_ACR_VALUES).join(' ') || null,
        }
      : {
          issuer: c.STAFF_OIDC_ISSUER,
          clientId: c.STAFF_OIDC_CLIENT_ID,
          clientSecret: c.STAFF_OIDC_CLIENT_SECRET,
          scope: c.STAFF_OIDC_SCOPES,
          acrValues: null,
        };
  }
}
