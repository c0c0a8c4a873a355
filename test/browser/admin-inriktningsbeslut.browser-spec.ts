/// <reference lib="dom" />
import {
  apiAs,
  newPage,
  ruralFirm,
  screenshots,
  seriousViolations,
  signIn,
  submittedMikrobidrag,
  tabTo,
  suiteStage,
  SUMMARY_LINKS,
} from './harness';
import { sv } from '../../apps/web/src/text/sv';
import { svInriktning as ti } from '../../apps/web/src/text/sv-inriktning';

interface Decision {
  id: string;
  status: string;
  title: string;
  content: {
    frames: Record<string, { name: string; amount: number; aidForms?: Record<string, number> }>;
    aidForms: Record<string, { name: string; geography: Record<string, unknown> }>;
    firmPriorityCriteria: { text: string }[];
  };
}

describe('admin: a draft inriktningsbeslut and its what-if in the browser', () => {
  const stage = suiteStage('admin-inriktningsbeslut', { timeout: 180_000 });
  let open: string;
  beforeAll(async () => {
    open = await submittedMikrobidrag(
      stage(),
      await ruralFirm(stage(), 'Skogsbrynets Bageri AB'),
      'Ny bakugn',
    );
  });

  it('lowers the mikrobidrag cap in a form and sees which open cases change, writing nothing', async () => {
    const before = await stage().ds.query(`SELECT count(*)::int AS n FROM inriktningsbeslut`);
    const { context, page } = await newPage(stage());
    await signIn(page, 'admin');
    const cap = page
      .getByRole('group', { name: 'Mikrobidrag', exact: true })
      .getByLabel(sv.admin.fields.maxPerDecision, { exact: true });
    expect(await cap.inputValue()).toBe('30000');
    expect(await seriousViolations(page)).toEqual([]);
    await cap.fill('20000');
    await page.getByRole('button', { name: sv.admin.runWhatIf }).click();
    const table = page.getByRole('table', { name: sv.admin.changedCases });
    await table.waitFor();
    const row = table.getByRole('row', { name: new RegExp(open) });
    expect((await row.textContent())?.replace(/\s/g, ' ')).toMatch(/30 000 kr.*20 000 kr/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'admin-konsekvensanalys');
    expect(await stage().ds.query(`SELECT count(*)::int AS n FROM inriktningsbeslut`)).toEqual(before);
    await context.close();
  });

  it('names the limit the rules library refuses', async () => {
    const { context, page } = await newPage(stage());
    await signIn(page, 'admin');
    await page
      .getByRole('group', { name: 'Mikrobidrag', exact: true })
      .getByLabel(sv.admin.fields.maxShareBp, { exact: true })
      .fill('150');
    await page.getByRole('button', { name: sv.admin.runWhatIf }).click();
    const links = page.locator(SUMMARY_LINKS);
    await links.first().waitFor();
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('#content-aidForms-mikrobidrag-maxShareBp');
    await context.close();
  });

  it('makes a draft from the decision in force, changes a frame, the tätort rule and a priority, and stores them', async () => {
    const call = await apiAs(stage(), 'admin');
    const inForce = (await call<Decision[]>('GET', '/api/policy/inriktningsbeslut')).find(
      (d) => d.status === 'antaget',
    )!;
    const frameName = inForce.content.frames.foretagsstod.name;
    const { context, page } = await newPage(stage());
    await signIn(page, 'admin');
    await page.getByRole('heading', { name: ti.sections.frames }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await tabTo(page, ti.newDraft);
    await page.keyboard.press('Enter');
    await page.getByText(sv.admin.editingDraft(inForce.title)).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const frame = page.getByRole('group', { name: frameName, exact: true });
    await frame.getByLabel(ti.fields.amount, { exact: true }).fill('12 000 000');
    await frame.getByLabel(ti.fields.subframe('Mikrobidrag'), { exact: true }).fill('2000000');
    const mikro = page.getByRole('group', { name: 'Mikrobidrag', exact: true });
    await mikro.getByLabel(/^Företag i /).selectOption('priority');
    await mikro.getByLabel(ti.exceptions.born_outside_nordics).uncheck();
    await page
      .getByRole('group', { name: ti.sections.firmPriorities })
      .getByLabel(ti.fields.criterion(1), { exact: true })
      .fill('Företag med nya affärsidéer och nya jobb.');
    await page.getByRole('button', { name: sv.sokande.saveDraft }).click();
    await page.getByRole('status').filter({ hasText: sv.admin.saved }).waitFor();

    const drafts = (await call<Decision[]>('GET', '/api/policy/inriktningsbeslut')).filter(
      (d) => d.status === 'utkast',
    );
    expect(drafts).toHaveLength(1);
    const stored = drafts[0].content;
    expect(stored.frames.foretagsstod.amount).toBe(12_000_000);
    expect(stored.frames.foretagsstod.aidForms).toEqual({ mikrobidrag: 2_000_000 });
    expect(stored.aidForms.mikrobidrag.geography).toMatchObject({
      kind: 'outside_tatort',
      mode: 'priority',
      exceptions: ['run_by_women_new_innovative_idea'],
    });
    expect(stored.firmPriorityCriteria[0].text).toBe('Företag med nya affärsidéer och nya jobb.');
    expect(inForce.content.frames.foretagsstod.amount).not.toBe(12_000_000);

    await page.reload();
    await page.getByText(sv.admin.editingDraft(inForce.title)).waitFor();
    expect(await frame.getByLabel(ti.fields.amount, { exact: true }).inputValue()).toBe('12000000');
    expect(await mikro.getByLabel(/^Företag i /).inputValue()).toBe('priority');
    expect(await mikro.getByLabel(ti.exceptions.born_outside_nordics).isChecked()).toBe(false);
    expect(await mikro.getByLabel(ti.exceptions.run_by_women_new_innovative_idea).isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'admin-inriktningsbeslut-utkast');
    await context.close();
  });

  it('names a bad frame amount at its field, and shows progress while the what-if runs', async () => {
    const call = await apiAs(stage(), 'admin');
    const frameName = (await call<Decision[]>('GET', '/api/policy/inriktningsbeslut')).find(
      (d) => d.status === 'utkast',
    )!.content.frames.foretagsstod.name;
    const { context, page } = await newPage(stage());
    await signIn(page, 'admin');
    const amount = page
      .getByRole('group', { name: frameName, exact: true })
      .getByLabel(ti.fields.amount, { exact: true });
    await amount.fill('tolv miljoner');
    await page.getByRole('button', { name: sv.admin.runWhatIf }).click();
    const link = page.locator('.ds-error-summary a[href="#content-frames-foretagsstod-amount"]');
    await link.waitFor();
    expect(await link.textContent()).toContain(`${frameName}, ${ti.fields.amount}`);
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'admin-inriktningsbeslut-fel');

    // By keyboard: the summary's link takes focus to the field, which is corrected and submitted with Enter.
    await link.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('content-frames-foretagsstod-amount');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('13 000 000');
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/policy/what-if', async (route) => {
      await held;
      await route.continue();
    });
    await page.keyboard.press('Enter');
    const progress = page.getByRole('status').filter({ hasText: sv.admin.running });
    await progress.waitFor();
    expect(await progress.getAttribute('aria-live')).toBe('polite');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'admin-konsekvensanalys-pagar');
    release();
    await page.getByRole('heading', { name: sv.admin.resultTitle }).waitFor();
    await progress.waitFor({ state: 'detached' });
    expect(await seriousViolations(page)).toEqual([]);

    const draft = (await call<Decision[]>('GET', '/api/policy/inriktningsbeslut')).find(
      (d) => d.status === 'utkast',
    )!;
    expect(draft.content.frames.foretagsstod.amount).toBe(12_000_000);
    await context.close();
  });
});
