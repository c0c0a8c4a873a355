/// <reference lib="dom" />
import {
  newPage,
  pageErrors,
  photographOpenPages,
  ruralFirm,
  screenshots,
  seriousViolations,
  signIn,
  startStage,
  submittedMikrobidrag,
  type Stage,
} from './harness';
import { sv } from '../../apps/web/src/text/sv';

jest.setTimeout(180_000);

describe('admin: a draft inriktningsbeslut and its what-if in the browser', () => {
  let stage: Stage;
  let open: string;
  beforeAll(async () => {
    stage = await startStage();
    open = await submittedMikrobidrag(stage, await ruralFirm(stage, 'Skogsbrynets Bageri AB'), 'Ny bakugn');
  });
  afterEach(() => photographOpenPages('admin-inriktningsbeslut'));
  afterAll(() => stage?.stop());
  afterEach(() => expect(pageErrors).toEqual([]));

  it('lowers the mikrobidrag cap in a form and sees which open cases change, writing nothing', async () => {
    const before = await stage.ds.query(`SELECT count(*)::int AS n FROM inriktningsbeslut`);
    const { context, page } = await newPage(stage);
    await signIn(page, 'admin');
    const cap = page.getByLabel(`Mikrobidrag, ${sv.admin.fields.maxPerDecision.toLowerCase()}`);
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
    expect(await stage.ds.query(`SELECT count(*)::int AS n FROM inriktningsbeslut`)).toEqual(before);
    await context.close();
  });

  it('names the limit the rules library refuses', async () => {
    const { context, page } = await newPage(stage);
    await signIn(page, 'admin');
    await page.getByLabel(`Mikrobidrag, ${sv.admin.fields.maxShareBp.toLowerCase()}`).fill('150');
    await page.getByRole('button', { name: sv.admin.runWhatIf }).click();
    const links = page.locator('.ds-error-summary a, ds-error-summary a');
    await links.first().waitFor();
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('#content-aidForms-mikrobidrag-maxShareBp');
    await context.close();
  });
});
