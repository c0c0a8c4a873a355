/// <reference lib="dom" />
import { newPage, screenshots, seriousViolations, signIn, suiteStage, SUMMARY_LINKS } from './harness';
import { sv } from '../../apps/web/src/text/sv';
import { svUtbetalning } from '../../apps/web/src/text/sv-utbetalning';
import { svInloggning } from '../../apps/web/src/text/sv-inloggning';
import { svHandlaggning } from '../../apps/web/src/text/sv-handlaggning';
import { svSekretariat } from '../../apps/web/src/text/sv-sekretariat';
import { svAdmin } from '../../apps/web/src/text/sv-admin';

describe('the browser application: serving, sign-in, layout', () => {
  const stage = suiteStage('foundation', { timeout: 120_000 });

  it('is served at / with Swedish as its language, and sends someone not signed in to sign in', async () => {
    const { context, page } = await newPage(stage());
    const res = await page.goto('/');
    expect(res?.headers()['content-type']).toMatch(/text\/html/);
    await page.getByRole('heading', { level: 1, name: sv.login.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/logga-in');
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    expect(await page.title()).toBe(sv.app.title(sv.login.title));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'logga-in');
    await context.close();
  });

  it('keeps the API’s own answers: an unknown API path is a JSON 404, not the app', async () => {
    const api = await fetch(`${stage().baseUrl}/api/finns-inte`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/application\/json/);
    const asset = await fetch(`${stage().baseUrl}/finns-inte.js`, { headers: { accept: '*/*' } });
    expect(asset.status).toBe(404);
  });

  it('shows the problems with a sign-in at the fields and in a summary that links to them', async () => {
    const { context, page } = await newPage(stage());
    await page.goto('/logga-in');
    await page.getByRole('button', { name: sv.login.submit }).click();
    const summary = page.getByRole('heading', { name: sv.login.errorHeading });
    await summary.waitFor();
    const links = page.locator(SUMMARY_LINKS);
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '#username',
      '#password',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await links.first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('username');

    await page.getByLabel(sv.login.username).fill('handlaggare');
    await page.getByLabel(sv.login.password).fill('fel-lösenord');
    await page.getByRole('button', { name: sv.login.submit }).click();
    await page.getByRole('alert').filter({ hasText: sv.login.failed }).waitFor();
    await context.close();
  });

  it('returns to a deep link after signing in, and the back button works', async () => {
    const { context, page } = await newPage(stage());
    await page.goto('/handlaggare?status=inskickad');
    await page.getByRole('heading', { level: 1, name: sv.login.title }).waitFor();
    await page.getByLabel(sv.login.username).fill('handlaggare');
    await page.getByLabel(sv.login.password).fill('demo-test');
    await page.getByRole('button', { name: sv.login.submit }).click();
    await page.getByRole('heading', { level: 1, name: sv.handlaggare.queueTitle }).waitFor();
    expect(new URL(page.url()).search).toBe('?status=inskickad');
    await page.getByRole('link', { name: sv.tillganglighet.title }).click();
    await page.getByRole('heading', { level: 1, name: sv.tillganglighet.title }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: sv.handlaggare.queueTitle }).waitFor();
    await context.close();
  });

  it.each([
    ['sokande', [sv.nav.minaArenden, sv.nav.nyAnsokan, svInloggning.nav.organisationer]],
    [
      'handlaggare',
      [
        sv.nav.arbetsko,
        svHandlaggning.nav.kompletteringar,
        svUtbetalning.nav.granska,
        svSekretariat.nav.uppfoljning,
      ],
    ],
    ['beslutsfattare', [sv.nav.attSignera, svUtbetalning.nav.attestera, svSekretariat.nav.uppfoljning]],
    ['namndsekreterare', [sv.nav.redovisning, svUtbetalning.nav.uppfoljning, svSekretariat.nav.uppfoljning]],
    [
      'admin',
      [
        sv.nav.inriktningsbeslut,
        svAdmin.nav.delegationsordning,
        svAdmin.nav.kataloger,
        svAdmin.nav.anvandare,
        svSekretariat.nav.uppfoljning,
      ],
    ],
  ])('gives %s a skip link and the navigation of the role', async (username, links) => {
    const { context, page } = await newPage(stage());
    await signIn(page, username);
    const nav = page.getByRole('navigation', { name: sv.app.mainNav });
    expect(await nav.getByRole('link').allTextContents()).toEqual(links);
    // On a page loaded afresh, the skip link is the first thing the keyboard reaches, and it lands in <main>.
    await page.reload();
    await nav.waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: sv.app.skipLink });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('has an accessibility statement that says how to report a problem', async () => {
    const { context, page } = await newPage(stage(), 360);
    await page.goto('/tillganglighet');
    await page.getByRole('heading', { level: 2, name: 'Om du stöter på problem' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'tillganglighet');
    await context.close();
  });
});
