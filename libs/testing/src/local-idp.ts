import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './ports';

/** The project's local OpenID provider (apps/idp) in a process of its own, on a free loopback port. */
export class LocalIdp {
  private constructor(
    private readonly proc: ChildProcess,
    readonly issuer: string,
  ) {}

  /**
   * On a free port; if another process binds it before the provider does (it then exits), or the provider
   * does not answer within its time, on another.
   */
  static async start(kind: 'e-legitimation' | 'personal', redirectUri: string): Promise<LocalIdp> {
    for (let attempt = 1; ; attempt++) {
      const idp = await LocalIdp.startOn(await freePort(), kind, redirectUri);
      if (idp) return idp;
      if (attempt === 3) throw new Error(`the local OpenID provider (${kind}) did not start, three times`);
    }
  }

  /** The provider, or null if it exited before it answered or did not answer in time. */
  private static async startOn(
    port: number,
    kind: 'e-legitimation' | 'personal',
    redirectUri: string,
  ): Promise<LocalIdp | null> {
    const proc = spawn(process.execPath, [join(__dirname, '..', '..', '..', 'apps', 'idp', 'server.mjs')], {
      env: {
        ...process.env,
        IDP_KIND: kind,
        IDP_PORT: String(port),
        IDP_CLIENT_ID: 'anslag-test',
        IDP_CLIENT_SECRET: 'test-hemlighet',
        IDP_REDIRECT_URIS: redirectUri,
      },
      stdio: 'ignore',
    });
    const idp = new LocalIdp(proc, `http://127.0.0.1:${port}`);
    // Starting Node and oidc-provider takes well over 10 s on a busy two-core machine; wait for the
    // provider's answer (or its exit) rather than a fixed number of tries.
    const until = Date.now() + 45_000;
    while (Date.now() < until) {
      try {
        const r = await fetch(`${idp.issuer}/.well-known/openid-configuration`);
        if (r.ok && proc.exitCode === null) return idp;
      } catch {
        // not up yet
      }
      if (proc.exitCode !== null) return null;
      await new Promise((r) => setTimeout(r, 50));
    }
    // Neither answered nor exited (its port answered for someone else, or it hung starting): on another.
    await idp.stop();
    return null;
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      this.proc.once('exit', () => resolve());
      this.proc.kill('SIGTERM');
    });
  }
}

/**
 * The api's settings for signing in through the two local providers (the client the providers were
 * started for), with `groupRoles` mapping the staff provider's groups to roles.
 */
export function localIdpEnv(
  baseUrl: string,
  idps: { applicant: LocalIdp; staff: LocalIdp },
  groupRoles: string,
): Record<string, string> {
  return {
    PUBLIC_URL: baseUrl,
    APPLICANT_OIDC_ISSUER: idps.applicant.issuer,
    APPLICANT_OIDC_CLIENT_ID: 'anslag-test',
    APPLICANT_OIDC_CLIENT_SECRET: 'test-hemlighet',
    STAFF_OIDC_ISSUER: idps.staff.issuer,
    STAFF_OIDC_CLIENT_ID: 'anslag-test',
    STAFF_OIDC_CLIENT_SECRET: 'test-hemlighet',
    STAFF_OIDC_GROUP_ROLES: groupRoles,
  };
}

/** A minimal browser: keeps cookies per origin and follows nothing by itself, so tests see every hop. */
export class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name);
  }

  cookieHeader(origin: string): string {
    return [...(this.jar.get(origin) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(
    url: string,
    init: { method?: string; body?: string; headers?: Record<string, string> } = {},
  ) {
    const origin = new URL(url).origin;
    const headers: Record<string, string> = { ...init.headers };
    const cookies = this.cookieHeader(origin);
    if (cookies) headers.cookie = cookies;
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      body: init.body,
      headers,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a)) || value === '';
      const cookies = this.jar.get(origin) ?? new Map<string, string>();
      if (expired) cookies.delete(name);
      else cookies.set(name, value);
      this.jar.set(origin, cookies);
    }
    const location = response.headers.get('location');
    return { response, location: location ? new URL(location, url).href : null };
  }
}

export interface SignInHops {
  /** The provider's authorization URL the api redirected to. */
  authorizationUrl: URL;
  /** The api's answer to the provider's redirect back. */
  callback: Response;
  callbackLocation: string | null;
}

/**
 * Signs in as a test person through the local provider, hop by hop as a browser does: the api's redirect
 * to the provider, the provider's person page, the choice, the redirect back with a code, the api's
 * token exchange and session cookie.
 */
export async function signInThroughIdp(
  browser: Browser,
  apiBase: string,
  kind: 'e-legitimation' | 'personal',
  personId: string,
  returnTo = '/',
): Promise<SignInHops> {
  const start = await browser.request(
    `${apiBase}/api/auth/oidc/${kind}/login?returnTo=${encodeURIComponent(returnTo)}`,
  );
  if (start.response.status !== 302 || !start.location)
    throw new Error(`sign-in did not redirect: ${start.response.status} ${await start.response.text()}`);
  const authorizationUrl = new URL(start.location);
  let hop = await browser.request(start.location);
  for (let i = 0; i < 5 && hop.location && !hop.location.includes('/interaction/'); i++)
    hop = await browser.request(hop.location);
  if (!hop.location) throw new Error(`provider did not ask who signs in: ${hop.response.status}`);
  const page = await browser.request(hop.location);
  const html = await page.response.text();
  if (!html.includes(`value="${personId}"`)) throw new Error(`person ${personId} not offered`);
  const action = /action="([^"]+)"/.exec(html)![1];
  hop = await browser.request(new URL(action, hop.location).href, {
    method: 'POST',
    body: new URLSearchParams({ person: personId }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  while (hop.location && !hop.location.startsWith(apiBase)) hop = await browser.request(hop.location);
  if (!hop.location) throw new Error(`provider did not send the browser back: ${hop.response.status}`);
  const callback = await browser.request(hop.location);
  return { authorizationUrl, callback: callback.response, callbackLocation: callback.location };
}
