/// <reference lib="dom" />
import { Account } from '@anslag/auth';
import { randomOrganisationsnummer } from '@anslag/testing';
import {
  apiAs,
  newPage,
  screenshots,
  seriousViolations,
  signIn,
  signInAsAfterElegitimation,
  signInThroughProvider,
  suiteStage,
} from './harness';
import { sv } from '../../apps/web/src/text/sv';
import { svInloggning } from '../../apps/web/src/text/sv-inloggning';
import { svUtbetalning } from '../../apps/web/src/text/sv-utbetalning';

const t = svInloggning.login;
const o = svInloggning.org;
const LOA3 = 'http://id.elegnamnden.se/loa/1.0/loa3';

describe('the browser application: signing in and out, the applicant’s organisations', () => {
  const stage = suiteStage('inloggning', { timeout: 180_000 });

  /** Who the API says is signed in in this page's session (its cookies), or the status it answered. */
  const whoAmI = (page: import('playwright-core').Page) =>
    page.evaluate(async () => {
      const r = await fetch('/api/auth/session');
      return r.ok
        ? ((await r.json()) as { username: string; roles: string[]; acr: string | null })
        : r.status;
    });

  describe('signing in', () => {
    it('offers e-legitimation for applicants, the region’s sign-in for staff and a password for local accounts', async () => {
      const { context, page } = await newPage(stage());
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
      const elegitimation = page.getByRole('link', { name: t.elegitimation });
      const staff = page.getByRole('link', { name: t.staff });
      expect(await elegitimation.getAttribute('href')).toBe(
        '/api/auth/oidc/e-legitimation/login?returnTo=%2F',
      );
      expect(await staff.getAttribute('href')).toBe('/api/auth/oidc/personal/login?returnTo=%2F');
      await page.getByRole('heading', { level: 2, name: t.passwordHeading }).waitFor();
      await page.getByText(t.passwordText).waitFor();
      // The keyboard reaches the sign-ins in reading order after the skip link and the header.
      const order: string[] = [];
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab');
        order.push(
          await page.evaluate(
            () => document.activeElement?.textContent?.trim() || document.activeElement?.id || '',
          ),
        );
      }
      expect(order.indexOf(t.elegitimation)).toBeLessThan(order.indexOf(t.staff));
      expect(order).toContain('username');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshots(page, 'logga-in-val');
      await context.close();
    });

    it('signs an applicant in with e-legitimation through the provider and returns to the deep link, with loa3 and no token in storage', async () => {
      const { context, page } = await newPage(stage());
      await page.goto('/sokande/organisationer');
      await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
      expect(new URL(page.url()).search).toBe(`?till=${encodeURIComponent('/sokande/organisationer')}`);
      await page.getByText(t.sessionEnded).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('link', { name: t.elegitimation }).click();
      // The provider's own page (the local test provider), where the test person is chosen.
      await page.getByRole('heading', { level: 1, name: 'Logga in med e-legitimation (test)' }).waitFor();
      expect(new URL(page.url()).origin).toBe(stage().idps.applicant.issuer);
      await page.locator('#person-sara').click();
      await page.getByRole('heading', { level: 1, name: o.title }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/sokande/organisationer');
      expect(await whoAmI(page)).toMatchObject({ username: 'sokande', roles: ['sokande'], acr: LOA3 });
      expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
      const session = (await context.cookies()).find((c) => c.name === 'anslag_session');
      expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });
      // Signed in with e-legitimation, nothing says that submitting is refused.
      expect(await page.getByText(svInloggning.assurance.heading).count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshots(page, 'inloggad-e-legitimation');
      await context.close();
    });

    it('brings a refused sign-in back to the sign-in page and says why in Swedish', async () => {
      const { context, page } = await newPage(stage(), 360);
      await page.goto('/sokande');
      await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
      await page.getByRole('link', { name: t.elegitimation }).click();
      // Lisa's e-legitimation is at level 2, below what the region accepts.
      await page.locator('#person-lisa').click();
      await page.getByRole('heading', { level: 2, name: t.failedHeading }).waitFor();
      await page.getByText(t.failed.SIGN_IN_ASSURANCE_TOO_LOW).waitFor();
      const url = new URL(page.url());
      expect(url.pathname).toBe('/logga-in');
      expect(url.searchParams.get('fel')).toBe('SIGN_IN_ASSURANCE_TOO_LOW');
      expect(url.searchParams.get('till')).toBe('/sokande');
      expect(await whoAmI(page)).toBe(401);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshots(page, 'logga-in-nekad');
      await context.close();
    });

    it('signs staff in through the region’s provider, to the home of their role', async () => {
      const { context, page } = await newPage(stage(), 360);
      await page.goto('/logga-in');
      await signInThroughProvider(page, t.staff, 'lena-kihl');
      await page.getByRole('heading', { level: 1, name: sv.handlaggare.queueTitle }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/handlaggare');
      expect(await whoAmI(page)).toMatchObject({ username: 'handlaggare', roles: ['handlaggare'] });
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });

    it('logs out at the API: the session ends there, its cookies go and the pages ask to sign in again', async () => {
      const { context, page } = await newPage(stage());
      await signIn(page, 'handlaggare');
      const before = (await context.cookies()).find((c) => c.name === 'anslag_session')!.value;
      const logout = page.waitForRequest((r) => r.url().endsWith('/api/auth/logout'));
      await page.getByRole('button', { name: sv.app.signOut }).click();
      const sent = await logout;
      expect(sent.method()).toBe('POST');
      expect(sent.headers()['x-csrf-token']).toMatch(/\S{16,}/);
      await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
      expect((await context.cookies()).map((c) => c.name)).not.toContain('anslag_session');
      // The old cookie is worth nothing now, wherever it went.
      const again = await fetch(`${stage().baseUrl}/api/auth/session`, {
        headers: { cookie: `anslag_session=${before}` },
      });
      expect(again.status).toBe(401);
      await page.goto('/handlaggare');
      await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
      await context.close();
    });

    it('returns to sign-in when the session ends elsewhere, and then back to the page that was asked for', async () => {
      const { context, page } = await newPage(stage());
      await signIn(page, 'handlaggare');
      await page.getByRole('heading', { level: 1, name: sv.handlaggare.queueTitle }).waitFor();
      await page.waitForLoadState('networkidle');
      // The session ends at the API (as after its idle time), while the page is still open.
      const cookies = await context.cookies();
      const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const csrf = cookies.find((c) => c.name === 'anslag_csrf')!.value;
      const ended = await fetch(`${stage().baseUrl}/api/auth/logout`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrf },
      });
      expect(ended.status).toBe(204);
      await page.getByRole('link', { name: svUtbetalning.nav.granska }).click();
      await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
      expect(new URL(page.url()).searchParams.get('till')).toBe('/handlaggare/utbetalningar');
      await page.getByLabel(sv.login.username).fill('handlaggare');
      await page.getByLabel(sv.login.password).fill('demo-test');
      await page.getByRole('button', { name: sv.login.submit, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: svUtbetalning.handlaggare.title }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/handlaggare/utbetalningar');
      await context.close();
    });

    it('says in Swedish that a password session cannot submit, and the API refuses it', async () => {
      const call = await apiAs(stage(), 'sokande');
      const [org] = await call<{ id: string }[]>('GET', '/api/organisations/mine');
      const draft = await call<{ id: string }>('POST', '/api/cases', {
        track: 'foretagsstod',
        organisationId: org.id,
        title: 'Ny svarv',
        aidForm: 'mikrobidrag',
        amountApplied: 30_000,
        costLines: [{ description: 'Svarv', costType: 'machinery', amount: 60_000 }],
        plannedStart: '2030-03-01',
        collectiveAgreement: true,
        stateAidFacts: { inDifficulty: false },
      });
      const { context, page } = await newPage(stage());
      await signIn(page, 'sokande');
      await page.goto(`/sokande/ansokan/${draft.id}`);
      const notice = page.getByRole('heading', { level: 2, name: svInloggning.assurance.heading });
      await notice.waitFor();
      const link = page.getByRole('link', { name: svInloggning.assurance.action, exact: true });
      expect(await link.getAttribute('href')).toBe(
        `/api/auth/oidc/e-legitimation/login?returnTo=${encodeURIComponent(`/sokande/ansokan/${draft.id}`)}`,
      );
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: sv.sokande.submit }).click();
      const summary = page.getByRole('heading', { name: sv.errors.summaryHeading });
      await summary.waitFor();
      await page.getByRole('link', { name: new RegExp(svInloggning.assurance.heading) }).waitFor();
      const stored = await stage().ds.query('SELECT status FROM grant_case WHERE id = $1', [draft.id]);
      expect(stored[0].status).toBe('utkast');
      // Signing in with e-legitimation from the notice comes back to the same application.
      await link.click();
      await page.locator('#person-sara').click();
      await page.getByRole('heading', { level: 1, name: sv.sokande.formTitle }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/sokande/ansokan/${draft.id}`);
      expect(await page.getByText(svInloggning.assurance.heading).count()).toBe(0);
      await context.close();
    });
  });

  describe('the applicant’s organisations', () => {
    it('lists the organisations and mandates, reached from the navigation', async () => {
      const { context, page } = await newPage(stage());
      await signInAsAfterElegitimation(page, stage(), 'sokande');
      await page.getByRole('link', { name: svInloggning.nav.organisationer }).click();
      await page.getByRole('heading', { level: 1, name: o.title }).waitFor();
      const orgs = page.getByRole('table', { name: o.tableCaption });
      await orgs.waitFor();
      const account = await stage().ds.getRepository(Account).findOneByOrFail({ username: 'sokande' });
      const mine: { name: string }[] = await stage().ds.query(
        `SELECT o.name FROM organisation o JOIN mandate m ON m.organisation_id = o.id
          WHERE m.account_id = $1 AND m.status = 'giltig' ORDER BY o.name`,
        [account.id],
      );
      expect(mine.length).toBeGreaterThan(0);
      for (const m of mine) await orgs.getByRole('rowheader', { name: m.name }).waitFor();
      await page.getByRole('table', { name: o.mandatesCaption }).getByText(o.status.giltig).first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshots(page, 'mina-organisationer');
      await context.close();
    });

    it('registers an organisation with the keyboard, showing the API’s problems at their fields first', async () => {
      const { context, page } = await newPage(stage());
      await signInAsAfterElegitimation(page, stage(), 'sokande');
      await page.goto('/sokande/organisationer');
      await page.getByRole('heading', { level: 1, name: o.title }).waitFor();
      const count = async () => (await stage().ds.query('SELECT count(*)::int AS n FROM organisation'))[0].n;
      const before = await count();

      // Sent empty, from the keyboard: the API names each field, the summary is focused and links to them.
      await page.getByRole('button', { name: o.register }).focus();
      const posted = page.waitForRequest(
        (r) => r.url().endsWith('/api/organisations') && r.method() === 'POST',
      );
      await page.keyboard.press('Enter');
      expect((await posted).headers()['x-csrf-token']).toMatch(/\S{16,}/);
      await page.getByRole('heading', { name: o.errorHeading }).waitFor();
      const hrefs = await page
        .locator('.ds-error-summary a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(expect.arrayContaining(['#name', '#streetAddress', '#legalForm']));
      expect(await page.evaluate(() => document.activeElement?.closest('.ds-error-summary') !== null)).toBe(
        true,
      );
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(hrefs[0]!.slice(1));
      expect(await page.getByLabel(o.fields.name, { exact: true }).getAttribute('aria-invalid')).toBe('true');
      expect(await seriousViolations(page)).toEqual([]);
      expect(await count()).toBe(before);

      const orgnr = randomOrganisationsnummer();
      await page.locator('#organisationsnummer').focus();
      await page.keyboard.type(orgnr);
      await page.keyboard.press('Tab');
      await page.keyboard.type('Bergslagens Smide AB');
      await page.getByLabel(o.fields.legalForm).selectOption('Aktiebolag');
      await page.getByLabel(o.fields.streetAddress).fill('Smedjegatan 3');
      await page.getByLabel(o.fields.postalCode).fill('712 91');
      await page.getByLabel(o.fields.city).fill('Hällefors');
      await page.getByLabel(o.fields.kommunCode).selectOption({ label: 'Hällefors' });
      await page.getByLabel(o.fields.employees).fill('4');
      await page.getByLabel(o.fields.fteHundredths).fill('2,5');
      await page.getByRole('radio', { name: o.runBy.kvinnor, exact: true }).check();
      await page.getByRole('button', { name: o.register }).focus();
      await page.keyboard.press('Enter');
      const done = page.getByRole('status').filter({ hasText: o.registered('Bergslagens Smide AB') });
      await done.waitFor();
      const orgs = page.getByRole('table', { name: o.tableCaption });
      await orgs.getByRole('rowheader', { name: 'Bergslagens Smide AB' }).waitFor();
      const [stored] = await stage().ds.query(
        `SELECT o.name, o.kommun_code, o.employees, o.fte_hundredths, o.run_by, m.status, m.kind
           FROM organisation o JOIN mandate m ON m.organisation_id = o.id
          WHERE o.organisationsnummer = $1`,
        [orgnr],
      );
      expect(stored).toEqual({
        name: 'Bergslagens Smide AB',
        kommun_code: '1863',
        employees: 4,
        fte_hundredths: 250,
        run_by: 'kvinnor',
        status: 'overifierad',
        kind: 'firmatecknare',
      });
      const row = orgs.getByRole('row').filter({ hasText: 'Bergslagens Smide AB' });
      await row.getByText(`${o.kind.firmatecknare}: ${o.status.overifierad.toLowerCase()}`).waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      // The same number again: the API's conflict is shown at the number, and nothing more is stored.
      await page.locator('#organisationsnummer').fill(orgnr);
      await page.getByLabel(o.fields.name, { exact: true }).fill('Bergslagens Smide AB');
      await page.getByLabel(o.fields.legalForm).selectOption('Aktiebolag');
      await page.getByLabel(o.fields.streetAddress).fill('Smedjegatan 3');
      await page.getByLabel(o.fields.postalCode).fill('712 91');
      await page.getByLabel(o.fields.city).fill('Hällefors');
      await page.getByRole('button', { name: o.register }).click();
      await page.locator('.ds-error-summary a[href="#organisationsnummer"]').waitFor();
      expect(await page.locator('#organisationsnummer').getAttribute('aria-invalid')).toBe('true');
      expect(await count()).toBe(before + 1);
      await screenshots(page, 'registrera-organisation');
      await context.close();
    });

    it('asks to represent an organisation that exists, and shows the request among the mandates', async () => {
      const account = await stage().ds.getRepository(Account).findOneByOrFail({ username: 'sokande' });
      const [other] = await stage().ds.query(
        `SELECT id, name, organisationsnummer FROM organisation o
          WHERE NOT EXISTS (SELECT 1 FROM mandate m WHERE m.organisation_id = o.id AND m.account_id = $1)
          ORDER BY name LIMIT 1`,
        [account.id],
      );
      const { context, page } = await newPage(stage(), 360);
      await signInAsAfterElegitimation(page, stage(), 'sokande');
      await page.goto('/sokande/organisationer');
      const field = page.locator('#access-organisationsnummer');
      await field.fill('123');
      await page.getByRole('button', { name: o.accessSubmit }).click();
      await page.locator('.ds-error-summary a[href="#access-organisationsnummer"]').waitFor();
      expect(await field.getAttribute('aria-invalid')).toBe('true');

      await field.fill(other.organisationsnummer);
      await field.press('Enter');
      await page.getByRole('status').filter({ hasText: o.accessSent }).waitFor();
      await page
        .getByRole('table', { name: o.mandatesCaption })
        .getByRole('row')
        .filter({ hasText: other.name })
        .getByText(o.status.begard)
        .waitFor();
      const stored = await stage().ds.query(
        'SELECT status, kind FROM mandate WHERE organisation_id = $1 AND account_id = $2',
        [other.id, account.id],
      );
      expect(stored).toEqual([{ status: 'begard', kind: 'ombud' }]);
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
  });
});
