import { Body, Controller, Get, HttpCode, Ip, Param, Post, Query, Req, Res } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import '@fastify/cookie';
import {
  ALL_ROLES,
  CSRF_COOKIE,
  CurrentUser,
  LoginDto,
  LoginService,
  Principal,
  Public,
  Roles,
  SESSION_COOKIE,
} from '@anslag/auth';
import { DomainError, ErrorCode } from '@anslag/common';
import { AppConfig } from '@anslag/config';
import { OidcClientService, PendingSignIn, PROVIDER_KINDS, ProviderKind } from '../oidc/oidc-client.service';
import { SignInService } from '../oidc/sign-in.service';
import { SessionService } from './session.service';

const PENDING_COOKIE = 'anslag_oidc';
const PENDING_AUDIENCE = 'anslag:oidc-pending';

export class SessionDto {
  @ApiProperty() userId: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ALL_ROLES, isArray: true }) roles: string[];
  @ApiProperty({ type: String, nullable: true, description: 'Tillitsnivå vid inloggningen (e-legitimation)' })
  acr: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Värdet som skickas i x-csrf-token; null för bärartoken',
  })
  csrfToken: string | null;
}

export class ProviderDto {
  @ApiProperty({ enum: PROVIDER_KINDS }) kind: ProviderKind;
  @ApiProperty() loginUrl: string;
}

/** Only a path of this site: never another origin, never a protocol-relative `//host`. */
function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) && value.length <= 500
    ? value
    : '/';
}

/** The browser app's sign-in page, where a failed sign-in in a browser ends (`?fel=<code>`). */
const SIGN_IN_PAGE = '/logga-in';

/** A browser navigating (it asks for a page), not an API client. */
function acceptsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return typeof accept === 'string' && accept.includes('text/html');
}

function providerKind(value: string): ProviderKind {
  if (!(PROVIDER_KINDS as string[]).includes(value)) throw DomainError.notFound('Inloggningssättet');
  return value as ProviderKind;
}

/**
 * The browser's sign-in: OpenID Connect (code flow with PKCE) for applicants and staff, a password for
 * local accounts, and logout. Each ends in an httpOnly session cookie and a readable CSRF cookie.
 */
@ApiTags('auth')
@Controller('api/auth')
export class BrowserAuthController {
  constructor(
    private readonly oidc: OidcClientService,
    private readonly signIn: SignInService,
    private readonly sessions: SessionService,
    private readonly passwords: LoginService,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  @Get('providers')
  @Public()
  @ApiOperation({ summary: 'The configured OpenID Connect sign-ins and where each starts. Open to anyone.' })
  @ApiOkResponse({ type: [ProviderDto] })
  providers(): ProviderDto[] {
    return PROVIDER_KINDS.filter((k) => this.oidc.enabled(k)).map((kind) => ({
      kind,
      loginUrl: `/api/auth/oidc/${kind}/login`,
    }));
  }

  @Get('oidc/:kind/login')
  @Public()
  @ApiQuery({ name: 'returnTo', required: false, description: 'En sökväg på webbplatsen att återvända till' })
  @ApiOperation({
    summary:
      'Starts sign-in (kind: e-legitimation for applicants, personal for staff): redirects to the OpenID provider. Open to anyone.',
  })
  async login(
    @Param('kind') kindParam: string,
    @Query('returnTo') returnTo: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const kind = providerKind(kindParam);
    const { url, pending } = await this.oidc.start(kind, safeReturnTo(returnTo));
    const token = await this.jwt.signAsync({ ...pending }, { expiresIn: 600, audience: PENDING_AUDIENCE });
    reply
      .setCookie(PENDING_COOKIE, token, { ...this.cookieBase(), path: '/api/auth/oidc', maxAge: 600 })
      .code(302)
      .header('location', url)
      .send();
  }

  @Get('oidc/:kind/callback')
  @Public()
  @ApiOperation({
    summary:
      'Where the OpenID provider sends the browser back: exchanges the code, starts the session, redirects to returnTo. A failed sign-in redirects a browser (Accept: text/html) to /logga-in?fel=<code>, and answers any other client in the error shape. Open to anyone.',
  })
  async callback(
    @Param('kind') kindParam: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const kind = providerKind(kindParam);
    let returnTo: string | null = null;
    try {
      const pending = await this.pending(request.cookies[PENDING_COOKIE], kind);
      returnTo = pending.returnTo;
      const url = new URL(request.url, this.config.PUBLIC_URL);
      if (url.searchParams.has('error'))
        throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Inloggningen avbröts', [
          { field: 'error', problem: url.searchParams.get('error') ?? '' },
        ]);
      const claims = await this.oidc.finish(pending, url);
      let session;
      if (kind === 'e-legitimation') {
        const { account, acr } = await this.signIn.applicant(claims);
        session = await this.sessions.create(account.id, 'e-legitimation', acr);
      } else {
        const account = await this.signIn.staff(claims);
        session = await this.sessions.create(
          account.id,
          'personal-oidc',
          typeof claims.acr === 'string' ? claims.acr : null,
        );
      }
      this.setSessionCookies(reply, session.cookieValue, session.csrfToken);
      reply
        .clearCookie(PENDING_COOKIE, { path: '/api/auth/oidc' })
        .code(302)
        .header('location', pending.returnTo)
        .send();
    } catch (err) {
      // A person in a browser is sent back to the app's sign-in page, which says what went wrong in
      // Swedish; any other client gets the error shape.
      if (!(err instanceof DomainError) || !acceptsHtml(request)) throw err;
      const back = new URLSearchParams({ fel: err.code });
      if (returnTo && returnTo !== '/') back.set('till', returnTo);
      reply
        .clearCookie(PENDING_COOKIE, { path: '/api/auth/oidc' })
        .code(302)
        .header('location', `${SIGN_IN_PAGE}?${back.toString()}`)
        .send();
    }
  }

  @Post('session')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Password sign-in to a browser session (break-glass and demo accounts only). Open to anyone; failed attempts are limited as for /api/auth/login.',
  })
  @ApiOkResponse({ type: SessionDto })
  async passwordSession(
    @Body() dto: LoginDto,
    @Ip() address: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    const account = await this.passwords.authenticate(dto.username, dto.password, address);
    const session = await this.sessions.create(account.id, 'losenord', null);
    this.setSessionCookies(reply, session.cookieValue, session.csrfToken);
    const resolved = await this.sessions.resolve(session.cookieValue);
    const p = resolved!.principal;
    return {
      userId: p.userId,
      username: p.username,
      roles: p.roles,
      acr: null,
      csrfToken: session.csrfToken,
    };
  }

  @Get('session')
  @Roles(...ALL_ROLES)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Who is signed in, and the CSRF token of the browser session. Any signed-in role.',
  })
  @ApiOkResponse({ type: SessionDto })
  async session(@CurrentUser() p: Principal, @Req() request: FastifyRequest): Promise<SessionDto> {
    const cookie = request.cookies[SESSION_COOKIE];
    const resolved = p.sessionId && cookie ? await this.sessions.resolve(cookie) : null;
    return {
      userId: p.userId,
      username: p.username,
      roles: p.roles,
      acr: p.acr ?? null,
      csrfToken: resolved?.csrfToken ?? null,
    };
  }

  @Post('logout')
  @Roles(...ALL_ROLES)
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'Ends the browser session (needs x-csrf-token). Any signed-in role.' })
  async logout(@CurrentUser() p: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (p.sessionId) await this.sessions.end(p.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
  }

  private cookieBase() {
    return { httpOnly: true, secure: true, sameSite: 'lax' as const };
  }

  private setSessionCookies(reply: FastifyReply, value: string, csrf: string): void {
    // Lax, not Strict: the way back from the provider is a cross-site redirect. CSRF is stopped by the header.
    reply
      .setCookie(SESSION_COOKIE, value, { ...this.cookieBase(), path: '/' })
      .setCookie(CSRF_COOKIE, csrf, { ...this.cookieBase(), httpOnly: false, path: '/' });
  }

  private async pending(token: string | undefined, kind: ProviderKind): Promise<PendingSignIn> {
    try {
      if (!token) throw new Error('no cookie');
      const p = await this.jwt.verifyAsync<PendingSignIn>(token, { audience: PENDING_AUDIENCE });
      if (p.kind !== kind) throw new Error('other provider');
      return p;
    } catch {
      throw new DomainError(
        ErrorCode.UNAUTHENTICATED,
        'Inloggningen har gått ut eller startades inte här. Börja om.',
      );
    }
  }
}
