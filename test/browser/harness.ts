/// <reference lib="dom" />
/**
 * The browser suites' stage: a fresh database of their own with the demo data, the real api serving the
 * built app (dist/web) on a loopback port, the worker that renders letters, and Debian's Chromium driven
 * by playwright-core. Nothing is mocked.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { Account, Role, TokenService } from '@anslag/auth';
import { dataSourceOptions } from '@anslag/database';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  reservePort,
  LocalIdp,
  localIdpEnv,
  randomOrganisationsnummer,
} from '@anslag/testing';
import { DemoLoader, loadDemoData } from '@anslag/demo';
import { LOA3, verifyMandates } from '@anslag/testing';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { WorkerModule } from '../../apps/worker/src/worker.module';

export const ROOT = join(__dirname, '..', '..');
export const WEB_ROOT = join(ROOT, 'dist', 'web');
export const PASSWORD = 'demo-test';
/** Screenshots for review, written by each run (git-ignored). */
export const SHOTS = join(ROOT, 'var', 'screenshots');

export interface Stage {
  baseUrl: string;
  browser: Browser;
  app: NestFastifyApplication;
  ds: DataSource;
  /** The local OpenID providers the api signs in with: e-legitimation (applicants) and the staff's. */
  idps: { applicant: LocalIdp; staff: LocalIdp };
  stop(): Promise<void>;
}

/** The test persons the local providers offer (the demo's, libs/demo/data/test-persons.json). */
export const TEST_PERSONS = JSON.parse(
  readFileSync(join(ROOT, 'libs', 'demo', 'data', 'test-persons.json'), 'utf8'),
) as {
  applicants: { id: string; personnummer: string; givenName: string; familyName: string; loa: string }[];
  staff: { id: string; username: string; name: string; groups: string[] }[];
  staffGroupRoles: string;
};

async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/anslag');
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const name = `anslag_web_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const sql = async (q: string) => {
    const c = new Client({ connectionString: admin.toString() });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await sql(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => sql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

export async function startStage(opts: { worker?: boolean } = {}): Promise<Stage> {
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error('dist/web saknas: bygg webbappen först (npm test gör det)');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} saknas: npm test installerar Debians chromium`);
  // What has been started so far, stopped in reverse order by stop() or when a later step fails (a
  // failed start leaves no database, process or server behind).
  const started: Array<() => Promise<unknown>> = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of started.reverse()) await stop().catch(() => undefined);
    started.length = 0;
  };
  const saved = process.env.DATABASE_URL;
  try {
    const db = await createDatabase();
    started.push(() => db.drop());
    process.env.DATABASE_URL = db.url;
    const ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    started.push(() => ds.destroy());
    await ds.runMigrations({ transaction: 'each' });
    await new DemoLoader(ds).load(loadDemoData(), PASSWORD);

    // The api signs in through the project's own local OpenID providers, as the demo does.
    // Held until the api listens on it: the providers are told the api's address before it starts.
    const { port, release } = await reservePort();
    started.push(release);
    const baseUrl = `http://127.0.0.1:${port}`;
    const idps = await Promise.allSettled([
      LocalIdp.start('e-legitimation', `${baseUrl}/api/auth/oidc/e-legitimation/callback`),
      LocalIdp.start('personal', `${baseUrl}/api/auth/oidc/personal/callback`),
    ]);
    for (const r of idps) if (r.status === 'fulfilled') started.push(() => r.value.stop());
    for (const r of idps) if (r.status === 'rejected') throw r.reason;
    const [applicantIdp, staffIdp] = idps.map((r) => (r as PromiseFulfilledResult<LocalIdp>).value);
    const oidcEnv = localIdpEnv(
      baseUrl,
      { applicant: applicantIdp, staff: staffIdp },
      TEST_PERSONS.staffGroupRoles,
    );
    const savedEnv = Object.fromEntries(Object.keys(oidcEnv).map((k) => [k, process.env[k]]));
    Object.assign(process.env, oidcEnv);
    let app: NestFastifyApplication;
    try {
      app = await createApiApp({ logger: false, webRoot: WEB_ROOT });
    } finally {
      for (const [k, v] of Object.entries(savedEnv)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    started.push(() => app.close());
    await release();
    await app.listen({ port, host: '127.0.0.1' });
    if (opts.worker) {
      const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
      started.push(() => worker.close());
      await worker.init();
    }
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    started.push(() => browser.close());
    return {
      baseUrl,
      browser,
      app,
      ds,
      idps: { applicant: applicantIdp, staff: staffIdp },
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  } finally {
    // Assigning undefined would leave the text "undefined" in the environment.
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  }
}

/** Script errors the app threw in any page of this suite; suites assert it stays empty. */
export const pageErrors: string[] = [];

/**
 * A suite's stage: started before its tests, stopped after them; each test and hook may take `timeout`
 * ms (starting the stage takes long on a loaded machine). After each test the pages still open are
 * photographed under the suite's name and no page may have thrown a script error. Answers the stage once
 * it has started (a suite's own set-up follows in a beforeAll of its own).
 */
export function suiteStage(
  name: string,
  { timeout, worker }: { timeout: number; worker?: boolean },
): () => Stage {
  jest.setTimeout(timeout);
  const opts = { worker };
  let stage: Stage | undefined;
  beforeAll(async () => {
    stage = await startStage(opts);
  });
  afterEach(() => photographOpenPages(name));
  afterAll(() => stage?.stop());
  afterEach(() => expect(pageErrors).toEqual([]));
  return () => {
    if (!stage) throw new Error(`the stage of ${name} has not started`);
    return stage;
  };
}

/** A fresh browser context (no cookies, no storage) at the given width, Swedish locale. */
export async function newPage(stage: Stage, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const context = await stage.browser.newContext({
    baseURL: stage.baseUrl,
    viewport: { width, height: 900 },
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  // A script error in the app is a test failure, wherever it happens.
  page.on('pageerror', (err) => {
    console.error(`pageerror: ${err.message}`);
    pageErrors.push(err.message);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') console.error(`console: ${msg.text()}`);
  });
  openPages.push(page);
  return { context, page };
}

const openPages: Page[] = [];
let failedShots = 0;
/** The pages still open when a test fails are photographed (var/screenshots/failed-*.png). */
export async function photographOpenPages(name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const [i, p] of openPages.entries())
    if (!p.isClosed())
      await p
        .screenshot({ path: join(SHOTS, `failed-${name}-${++failedShots}-${i}.png`), fullPage: true })
        .catch(() => undefined);
  openPages.length = 0;
}

/**
 * Signs in with a local account's password through the sign-in page, as a person would (demo and
 * break-glass accounts; the API gives such a session no level of assurance).
 */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/logga-in');
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await landed(page);
}

/**
 * Signed in and on the role's start page: the app shows "Logga ut" as soon as the session is known, and
 * only then goes from the sign-in page through "/" to where the role starts (moving the focus there).
 */
async function landed(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logga ut' }).waitFor();
  await page.waitForURL((url) => url.pathname !== '/logga-in' && url.pathname !== '/');
}

/**
 * Signs the demo applicant in with e-legitimation (loa3), the level acting for an organisation needs,
 * through the real flow: the sign-in page, the local provider's page where the test person with the
 * account's personnummer is chosen, and back to the app.
 */
export async function signInAsAfterElegitimation(page: Page, stage: Stage, username: string): Promise<void> {
  const a = await stage.ds.getRepository(Account).findOneByOrFail({ username });
  const person = TEST_PERSONS.applicants.find((p) => p.personnummer === a.personnummer);
  if (!person) throw new Error(`no test person with the personnummer of ${username}`);
  await page.goto('/logga-in');
  await signInThroughProvider(page, 'Logga in med e-legitimation', person.id);
}

/**
 * From the sign-in page: follows the provider's link, picks the test person on the provider's page and
 * waits until the app shows someone signed in.
 */
export async function signInThroughProvider(page: Page, link: string, personId: string): Promise<void> {
  await page.getByRole('link', { name: link }).click();
  await page.locator(`#person-${personId}`).click();
  await landed(page);
}

/** A screenshot of the page as it is, at 1280 and at 360 px wide, for review. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(size);
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core over the page as it is now (WCAG 2.0/2.1 A and AA, no rule turned off). Evaluated through the
 * DevTools protocol, so the page's own Content-Security-Policy does not need to allow it.
 */
export async function axe(page: Page): Promise<AxeViolation[]> {
  // A dialog fading in is measured at its final colours, not halfway through its transition. A spinner's
  // endless animation never finishes, so only animations with an end are awaited.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> };
    };
    const r = await w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations;
}

/** Serious and critical violations, as `rule: help (targets)` lines, for one readable failure. */
export async function seriousViolations(page: Page): Promise<string[]> {
  return (await axe(page))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Seeds through the API itself, as the given demo account (fresh token per call of this function). */
export async function apiAs(stage: Stage, username: string) {
  const login = await fetch(`${stage.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  let { accessToken } = (await login.json()) as { accessToken: string };
  if (username === 'sokande') accessToken = await asAfterElegitimation(stage, username);
  return async <T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${stage.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

/**
 * The demo applicant as after signing in with e-legitimation (loa3): acting for an organisation needs that
 * level, which a password never gives (test/identity.e2e-spec.ts signs in through the real provider).
 */
async function asAfterElegitimation(stage: Stage, username: string): Promise<string> {
  const a = await stage.ds.getRepository(Account).findOneByOrFail({ username });
  return stage.app
    .get(TokenService)
    .issue({ userId: a.id, username, roles: [Role.sokande], organisationIds: [], acr: LOA3 });
}

/** A submitted mikrobidrag application of 30 000 kr on 60 000 kr of machinery; answers its diarienummer. */
export async function submittedMikrobidrag(
  stage: Stage,
  organisationId: string,
  title: string,
): Promise<string> {
  const call = await apiAs(stage, 'sokande');
  const c = await call<{ id: string }>('POST', '/api/cases', {
    track: 'foretagsstod',
    organisationId,
    title,
    aidForm: 'mikrobidrag',
    amountApplied: 30_000,
    costLines: [{ description: 'Fräsmaskin', costType: 'machinery', amount: 60_000 }],
    plannedStart: '2030-03-01',
    collectiveAgreement: true,
    // The applicant states that the firm is not an undertaking in difficulty (an EU condition).
    stateAidFacts: { inDifficulty: false },
  });
  // The firms the applicant registered wait for an officer to verify the mandate; here it is done at once.
  const a = await stage.ds.getRepository(Account).findOneByOrFail({ username: 'sokande' });
  await verifyMandates(stage.ds, a.id);
  const submitted = await call<{ diarienummer: string }>('POST', `/api/cases/${c.id}/transitions`, {
    transition: 'skicka_in',
  });
  return submitted.diarienummer;
}

/** A small firm run by women outside the tätorter, registered by the applicant, who then acts for it. */
export async function ruralFirm(stage: Stage, name: string): Promise<string> {
  const call = await apiAs(stage, 'sokande');
  const org = await call<{ id: string }>('POST', '/api/organisations', {
    organisationsnummer: randomOrganisationsnummer(),
    name,
    legalForm: 'Aktiebolag',
    streetAddress: 'Skogsvägen 4',
    postalCode: '712 91',
    city: 'Hällefors',
    kommunCode: '1863',
    employees: 3,
    fteHundredths: 250,
    runBy: 'kvinnor',
  });
  return org.id;
}

/** What has the keyboard's focus: its accessible name as a person hears it (label, aria-label or text). */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const byIds = el
      .getAttribute('aria-labelledby')
      ?.split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    const labelled =
      (el as HTMLInputElement).labels?.[0]?.textContent || byIds || el.getAttribute('aria-label');
    return (labelled || el.textContent || '').replace(/\s+/g, ' ').trim();
  });
}

/** Presses Tab until the element with this name has focus (at most 60 times), as a keyboard user would. */
export async function tabTo(page: Page, name: string | RegExp): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (typeof name === 'string' ? now === name : name.test(now)) return;
  }
  throw new Error(`Tab never reached "${String(name)}"`);
}

/** The links of the error summary (designsystemet renders it as an element or a class, by version). */
export const SUMMARY_LINKS = '.ds-error-summary a, ds-error-summary a';

/** Where the error summary's links point, in order (`#field`). */
export const summaryHrefs = (page: Page): Promise<(string | null)[]> =>
  page.locator(SUMMARY_LINKS).evaluateAll((as) => as.map((a) => a.getAttribute('href')));

/** The page's width at 360 px: the page itself never scrolls sideways (wide tables scroll in their own box). */
export async function fitsNarrowScreen(page: Page): Promise<number> {
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.setViewportSize({ width: 360, height: 900 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize(size);
  return width;
}

/** A table's body as rows of trimmed cell texts (header cells included), as a reader would hear them. */
export async function rowsOf(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from(tr.querySelectorAll('th, td')).map((c) =>
          (c.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ),
      ),
    );
}
