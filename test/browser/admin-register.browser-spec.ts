/// <reference lib="dom" />
import {
  apiAs,
  focused,
  newPage,
  screenshots,
  seriousViolations,
  signIn,
  tabTo,
  suiteStage,
  fitsNarrowScreen,
  SUMMARY_LINKS,
  summaryHrefs,
} from './harness';
import { svAdmin } from '../../apps/web/src/text/sv-admin';
import { sv } from '../../apps/web/src/text/sv';

const t = svAdmin;

describe('admin: the delegation order, the catalogues and the staff accounts in the browser', () => {
  const stage = suiteStage('admin-register', { timeout: 180_000 });

  it("changes point 3.3's limit with the keyboard, the API naming a limit that is not a number", async () => {
    const { context, page } = await newPage(stage());
    await signIn(page, 'admin');
    await page.getByRole('link', { name: t.nav.delegationsordning }).click();
    const table = page.getByRole('table', { name: t.delegation.title });
    const row = table.getByRole('row', { name: /^3\.3/ });
    await row.waitFor();
    expect((await row.textContent())?.replace(/\s/g, ' ')).toMatch(
      /1 000 000 kr.*från 2019-01-01.*Kristina Eklöf.*Petter Arneback/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'admin-delegationsordning');
    expect(await fitsNarrowScreen(page)).toBe(360);

    await tabTo(page, t.delegation.edit('3.3'));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: t.delegation.editTitle('3.3') }).waitFor();
    await tabTo(page, t.delegation.limitKronor);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('en miljon');
    await page.keyboard.press('Enter');
    await dialog.locator(SUMMARY_LINKS).first().waitFor();
    expect(await summaryHrefs(page)).toEqual(['#limitKronor']);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.locator(SUMMARY_LINKS).first().click();
    expect(await focused(page)).toBe(t.delegation.limitKronor);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1 500 000');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: t.delegation.saved('3.3') })
      .waitFor();
    await row.filter({ hasText: /1\s500\s000\skr/ }).waitFor();

    const points = await (
      await apiAs(stage(), 'admin')
    )<{ point: string; limitKronor: number | null }[]>('GET', '/api/delegation-points');
    expect(points.map((p) => [p.point, p.limitKronor])).toEqual([
      ['3.2', 1_000_000],
      ['3.3', 1_500_000],
    ]);
    await context.close();
  });

  it('adds a financier to the catalogue and a kommun', async () => {
    const { context, page } = await newPage(stage());
    await signIn(page, 'admin');
    await page.getByRole('link', { name: t.nav.kataloger }).click();
    await page.getByLabel(t.catalogues.kind).selectOption('financier');
    await page.getByRole('table', { name: new RegExp(`^${t.catalogues.kinds.financier}`) }).waitFor();
    expect(new URL(page.url()).search).toBe('?katalog=financier');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'admin-kataloger');
    expect(await fitsNarrowScreen(page)).toBe(360);

    await page.getByRole('button', { name: t.catalogues.add }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: t.catalogues.addTitle }).waitFor();
    expect(await dialog.getByLabel(t.catalogues.kind).inputValue()).toBe('financier');
    await dialog.getByLabel(t.catalogues.code).fill('Sparbanken Bergslagen');
    await dialog.getByLabel(t.catalogues.name).fill('Sparbanksstiftelsen Bergslagen');
    await dialog.getByRole('button', { name: t.save }).click();
    await dialog.locator(SUMMARY_LINKS).first().waitFor();
    expect(await summaryHrefs(page)).toEqual(['#code']);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByLabel(t.catalogues.code).fill('sparbanken_bergslagen');
    await dialog.getByRole('button', { name: t.save }).click();
    await page
      .getByRole('status')
      .filter({ hasText: t.catalogues.saved('Sparbanksstiftelsen Bergslagen') })
      .waitFor();
    await page.getByRole('row', { name: /sparbanken_bergslagen/ }).waitFor();

    await page.getByLabel(t.catalogues.kommunCode).fill('1907');
    await page.getByLabel(t.catalogues.kommunName).fill('Surahammar');
    await page.getByRole('button', { name: t.catalogues.addKommun }).click();
    await page
      .getByRole('status')
      .filter({ hasText: t.catalogues.saved('Surahammar') })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const call = await apiAs(stage(), 'admin');
    const entries = await call<{ kind: string; code: string; name: string; active: boolean }[]>(
      'GET',
      '/api/catalogues/entries',
    );
    expect(entries.filter((e) => e.code === 'sparbanken_bergslagen')).toEqual([
      expect.objectContaining({
        kind: 'financier',
        code: 'sparbanken_bergslagen',
        name: 'Sparbanksstiftelsen Bergslagen',
        active: true,
      }),
    ]);
    expect(await call('GET', '/api/catalogues/kommuner')).toContainEqual({
      code: '1907',
      name: 'Surahammar',
    });
    await context.close();
  });

  it('creates a staff account, then makes her a decision maker holding point 3.3, each with why', async () => {
    const { context, page } = await newPage(stage());
    await signIn(page, 'admin');
    await page.getByRole('link', { name: t.nav.anvandare }).click();
    await page.getByRole('table', { name: t.staff.title }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'admin-anvandare');
    expect(await fitsNarrowScreen(page)).toBe(360);

    await page.getByRole('button', { name: t.staff.create }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: t.staff.createTitle }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: t.staff.create }).click();
    await dialog.locator(SUMMARY_LINKS).first().waitFor();
    const missing = await summaryHrefs(page);
    expect(missing).toEqual(expect.arrayContaining(['#username', '#displayName', '#reason']));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'admin-anvandare-fel');

    await dialog.getByLabel(t.staff.username, { exact: true }).fill('maria.berg');
    await dialog.getByLabel(t.staff.displayName, { exact: true }).fill('Maria Berg');
    await dialog.getByLabel(t.staff.titleField, { exact: true }).fill('Handläggare näringsliv');
    await dialog.getByRole('group', { name: t.staff.roles }).getByLabel(sv.roles.handlaggare).check();
    await dialog.getByLabel(t.reason).fill('Ny handläggare från 1 december');
    await dialog.getByRole('button', { name: t.staff.create }).click();
    await page
      .getByRole('status')
      .filter({ hasText: t.staff.created('Maria Berg') })
      .waitFor();
    const row = page.getByRole('row', { name: /Maria Berg/ });
    expect((await row.textContent())?.replace(/\s/g, ' ')).toContain(sv.roles.handlaggare);

    await row.getByRole('button', { name: t.staff.edit('Maria Berg') }).click();
    await dialog.getByRole('heading', { name: t.staff.editTitle('Maria Berg') }).waitFor();
    const roles = dialog.getByRole('group', { name: t.staff.roles });
    await roles.getByLabel(sv.roles.handlaggare).uncheck();
    await roles.getByLabel(sv.roles.beslutsfattare).check();
    await dialog.getByRole('group', { name: t.staff.delegationPoints }).getByLabel(/^3\.3/).check();
    await dialog.getByLabel(t.reason).fill('Beslutsfattare för punkt 3.3 under föräldraledighet');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: t.save }).click();
    await page
      .getByRole('status')
      .filter({ hasText: t.staff.saved('Maria Berg') })
      .waitFor();

    const staff = await (
      await apiAs(stage(), 'admin')
    )<
      {
        username: string;
        displayName: string;
        title: string;
        roles: string[];
        delegationPoints: string[];
        active: boolean;
      }[]
    >('GET', '/api/admin/staff');
    expect(staff.find((s) => s.username === 'maria.berg')).toEqual(
      expect.objectContaining({
        displayName: 'Maria Berg',
        title: 'Handläggare näringsliv',
        roles: ['beslutsfattare'],
        delegationPoints: ['3.3'],
        active: true,
      }),
    );

    // The account's history tells both changes with their reasons.
    await row.getByRole('button', { name: t.staff.changes('Maria Berg') }).click();
    const history = dialog.getByRole('table', { name: t.staff.changesTitle('Maria Berg') });
    await history.waitFor();
    const text = (await history.textContent()) ?? '';
    expect(text).toContain('Ny handläggare från 1 december');
    expect(text).toContain('Beslutsfattare för punkt 3.3 under föräldraledighet');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
