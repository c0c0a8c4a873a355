/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import {
  apiAs,
  newPage,
  screenshots,
  seriousViolations,
  signInAsAfterElegitimation,
  submittedMikrobidrag,
  suiteStage,
  SUMMARY_LINKS,
} from './harness';
import { sv } from '../../apps/web/src/text/sv';
import { svAnsokan } from '../../apps/web/src/text/sv-ansokan';

const t = svAnsokan;
const PDF = { mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n') };

/** The start page: what to apply for, the organisation and a title. */
async function start(page: Page, kind: string, title: string) {
  await page
    .getByRole('navigation', { name: sv.app.mainNav })
    .getByRole('link', { name: sv.nav.nyAnsokan })
    .click();
  await page.getByRole('heading', { level: 1, name: sv.sokande.startTitle }).waitFor();
  await page.getByRole('radio', { name: kind, exact: true }).check();
  await page.getByRole('radio', { name: /Samflex AB/ }).check();
  await page.getByLabel(sv.sokande.titleLabel).fill(title);
  await page.getByRole('button', { name: sv.sokande.start }).click();
}

/** A part of the task list, with its state as the list shows it. */
const task = (page: Page, name: string) =>
  page.locator('.task-list-item').filter({ has: page.getByRole('link', { name, exact: true }) });

async function noViolations(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

describe('sökande: guided applications for projektmedel and every aid form', () => {
  const stage = suiteStage('sokande-guidad', { timeout: 240_000 });
  let sections: { code: string; name: string; requiredFor: string[] }[];
  let financiers: { code: string; name: string; regionGrant: boolean }[];
  let aidForms: { code: string; name: string }[];
  beforeAll(async () => {
    const call = await apiAs(stage(), 'sokande');
    sections = await call('GET', '/api/catalogues/sections');
    financiers = await call('GET', '/api/catalogues/financiers');
    aidForms = await call('GET', '/api/catalogues/aid-forms');
  });

  it('takes a project application through its task list and budget to a diarienummer', async () => {
    const { context, page } = await newPage(stage());
    await signInAsAfterElegitimation(page, stage(), 'sokande');
    await start(page, t.start.projekt, 'Kompetenslyft i länet');
    await page.getByRole('heading', { level: 1, name: t.projectTitle }).waitFor();
    expect(await task(page, t.aboutTask).textContent()).toContain(t.taskState.ej);
    await noViolations(page);
    await screenshots(page, 'sokande-projekt-uppgifter');

    await task(page, t.aboutTask).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: t.aboutTask }).waitFor();
    await page.getByLabel(t.periodStart).fill('2030-01-01');
    await page.getByLabel(t.periodEnd).fill('2031-12-31');
    await page.getByRole('group', { name: t.rusLegend }).getByRole('checkbox').first().check();
    await noViolations(page);
    await page.getByRole('button', { name: t.saveContinue, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: t.projectTitle }).waitFor();
    await page.waitForFunction(
      ([name, done]) =>
        Array.from(document.querySelectorAll('.task-list-item')).some(
          (li) => li.textContent?.includes(name) && li.textContent.includes(done),
        ),
      [t.aboutTask, t.taskState.klar],
    );

    for (const s of sections.filter((x) => x.requiredFor.includes('projekt'))) {
      await task(page, s.name).getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: s.name }).waitFor();
      await page.getByLabel(s.name, { exact: true }).fill(`${s.name}: så här gör vi i projektet.`);
      await page.getByRole('button', { name: t.saveContinue, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: t.projectTitle }).waitFor();
    }

    // The budget: a column per year, totals and the balance in words as the applicant types.
    await task(page, t.budgetTask).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: t.budgetTask }).waitFor();
    await page.getByLabel(t.amountIn('Egen personal', 2030)).fill('300 000');
    await page.getByLabel(t.amountIn('Egen personal', 2031)).fill('100000');
    const region = financiers.find((f) => f.regionGrant)!;
    const own = financiers.find((f) => f.code === 'egen_insats')!;
    await page.getByLabel(t.financierRow(1), { exact: true }).selectOption({ label: region.name });
    await page.getByLabel(t.amountIn(region.name, 2030)).fill('200000');
    await page.getByRole('button', { name: t.addFinancier }).click();
    await page.getByLabel(t.financierRow(2), { exact: true }).selectOption({ label: own.name });
    await page.getByLabel(t.amountIn(own.name, 2030)).fill('150000');
    const costsSum = page.getByRole('row', { name: new RegExp(t.costsSum) });
    expect((await costsSum.textContent())?.replace(/\s/g, ' ')).toContain('400 000 kr');
    const balance = page.getByRole('status').filter({ hasText: /Finansieringen/ });
    expect((await balance.textContent())?.replace(/\s/g, ' ')).toBe(t.financingLower('50 000 kr'));
    await page.getByRole('button', { name: t.addInKind }).click();
    await page.getByLabel(t.contributorRow(1), { exact: true }).fill('Företagen i länet');
    await page.getByLabel(t.amountIn('Företagen i länet', 2031)).fill('20000');
    await noViolations(page);
    await screenshots(page, 'sokande-projekt-budget-obalans');
    await page.getByLabel(t.amountIn(own.name, 2031)).fill('50000');
    await page.getByRole('status').filter({ hasText: t.balanced }).waitFor();
    await page.getByRole('button', { name: t.saveContinue, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: t.projectTitle }).waitFor();

    // The draft survives: read afresh, the budget holds what was typed.
    await task(page, t.budgetTask).getByRole('link').click();
    expect(await page.getByLabel(t.amountIn(own.name, 2031)).inputValue()).toBe('50000');
    await page.getByRole('link', { name: t.backToList }).click();

    await page.getByRole('link', { name: t.checkTask }).click();
    await page.getByRole('heading', { level: 1, name: t.checkTitle }).waitFor();
    await page.getByText(t.checkReady).waitFor();
    await noViolations(page);
    await screenshots(page, 'sokande-projekt-kontrollera');
    await page.getByRole('button', { name: sv.sokande.submit }).click();
    await page.getByRole('heading', { level: 1, name: sv.sokande.receiptTitle }).waitFor();
    const diarienummer = (await page.locator('.big-number').textContent()) ?? '';
    expect(diarienummer).toMatch(/^\d{2}RS\d+$/);

    const [stored] = await stage().ds.query(
      `SELECT c.status, c.track, c.period_start::text AS start, c.period_end::text AS end,
              (SELECT sum(amount)::int FROM budget_line b WHERE b.case_id = c.id AND b.kind = 'cost') AS costs,
              (SELECT sum(amount)::int FROM budget_line b WHERE b.case_id = c.id AND b.kind = 'financing') AS financing,
              (SELECT sum(amount)::int FROM budget_line b WHERE b.case_id = c.id AND b.kind = 'in_kind') AS in_kind,
              c.sections->>'sammanfattning' AS summary
       FROM grant_case c WHERE c.diarienummer = $1`,
      [diarienummer],
    );
    expect(stored).toEqual({
      status: 'inskickad',
      track: 'projekt',
      start: '2030-01-01',
      end: '2031-12-31',
      costs: 400_000,
      financing: 400_000,
      in_kind: 20_000,
      summary: 'Sammanfattning: så här gör vi i projektet.',
    });
    await context.close();
  });

  it('shows on the check page every problem the API finds, beside its answer, with links to it', async () => {
    const { context, page } = await newPage(stage());
    await signInAsAfterElegitimation(page, stage(), 'sokande');
    await start(page, t.start.projekt, 'Halvfärdigt projekt');
    await page.getByRole('heading', { level: 1, name: t.projectTitle }).waitFor();
    await page.getByRole('link', { name: t.checkTask }).click();
    await page.getByRole('heading', { level: 1, name: t.checkTitle }).waitFor();
    const links = page.locator(SUMMARY_LINKS);
    await links.first().waitFor();
    const found = await links.evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(found).toEqual(
      expect.arrayContaining([
        [`${t.answers.periodStart}: saknas`, '#periodStart'],
        [`${t.answers.rusAreas}: saknas`, '#rusAreas'],
        ['Sammanfattning: avsnittet "Sammanfattning" saknas', '#sections-sammanfattning'],
        [`${t.answers.budget}: budgeten saknar kostnader`, '#budget'],
      ]),
    );
    // Each problem the API reported is listed once, and none of the form's own making.
    const check = await (
      await apiAs(stage(), 'sokande')
    )<{ problems: unknown[] }>('GET', `/api/cases/${await caseIdOf('Halvfärdigt projekt')}/submission-check`);
    expect(found).toHaveLength(check.problems.length);
    // The same words beside the answer.
    expect(await page.locator('#periodStart').textContent()).toContain(`${t.answers.periodStart}: saknas`);
    await noViolations(page);
    await screenshots(page, 'sokande-kontrollera-fel');
    await links.filter({ hasText: 'Sammanfattning' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sections-sammanfattning');
    // The change link leads to the part where the answer is given.
    await page.getByRole('link', { name: `${t.change} ${t.answers.periodStart.toLowerCase()}` }).click();
    await page.getByRole('heading', { level: 1, name: t.aboutTask }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'periodStart');
    // Submitting anyway is refused by the API and changes nothing.
    await page.goBack();
    await page.getByRole('button', { name: sv.sokande.submit }).click();
    await page.getByRole('heading', { level: 1, name: t.checkTitle }).waitFor();
    const [stored] = await stage().ds.query(
      `SELECT status FROM grant_case WHERE title = 'Halvfärdigt projekt'`,
    );
    expect(stored.status).toBe('utkast');
    await context.close();
  });

  async function caseIdOf(title: string): Promise<string> {
    const [row] = await stage().ds.query(`SELECT id FROM grant_case WHERE title = $1`, [title]);
    return row.id as string;
  }

  it('applies for a konsultcheck with its priority and the offert it requires', async () => {
    const konsultcheck = aidForms.find((f) => f.code === 'konsultcheck')!;
    const { context, page } = await newPage(stage());
    await signInAsAfterElegitimation(page, stage(), 'sokande');
    await start(page, konsultcheck.name, 'Konsult för produktutveckling');
    await page.getByRole('heading', { level: 1, name: t.formTitle(konsultcheck.name) }).waitFor();
    await noViolations(page);
    await page.getByLabel(sv.sokande.description).fill('En konsult hjälper oss ta fram en ny produkt.');
    await page.getByLabel(sv.sokande.plannedStart).fill('2030-04-01');
    await page.getByRole('group', { name: sv.sokande.collectiveAgreement }).getByLabel(sv.sokande.no).check();
    await page.getByLabel(sv.sokande.costDescription(1)).fill('Produktutvecklingskonsult');
    await page.getByLabel(sv.sokande.costType(1)).selectOption({ label: 'Externa konsulttjänster' });
    await page.getByLabel(sv.sokande.costAmount(1)).fill('100000');
    await page.getByLabel(sv.sokande.amountApplied).fill('50000');
    await page.getByRole('group', { name: t.priorityLegend }).getByRole('checkbox').first().check();

    // Without the offert the API does not take the application; the problem is shown at the upload.
    await page.getByRole('button', { name: sv.sokande.submit }).click();
    await page.getByRole('heading', { name: sv.errors.summaryHeading }).waitFor();
    const offert = page.getByLabel(t.chooseFile('Offert'));
    expect(await offert.getAttribute('aria-invalid')).toBe('true');
    await noViolations(page);
    await screenshots(page, 'sokande-konsultcheck-bilaga-saknas');

    await offert.setInputFiles({ name: 'offert.pdf', ...PDF });
    await page
      .getByRole('status')
      .filter({ hasText: t.uploadedNow('offert.pdf') })
      .waitFor();
    await page.getByRole('button', { name: t.toCheck }).click();
    await page.getByRole('heading', { level: 1, name: t.checkTitle }).waitFor();
    await page.getByText(t.checkReady).waitFor();
    expect(await page.locator('#attachments-offert').textContent()).toContain('offert.pdf');
    await noViolations(page);
    await screenshots(page, 'sokande-konsultcheck-kontrollera');
    await page.getByRole('button', { name: sv.sokande.submit }).click();
    await page.getByRole('heading', { level: 1, name: sv.sokande.receiptTitle }).waitFor();
    const diarienummer = (await page.locator('.big-number').textContent()) ?? '';

    const [stored] = await stage().ds.query(
      `SELECT c.status, c.aid_form, c.amount_applied::int AS applied, c.priority_claims,
              (SELECT array_agg(a.type) FROM attachment a WHERE a.case_id = c.id) AS attachments
       FROM grant_case c WHERE c.diarienummer = $1`,
      [diarienummer],
    );
    expect(stored).toEqual({
      status: 'inskickad',
      aid_form: 'konsultcheck',
      applied: 50_000,
      priority_claims: [expect.any(String)],
      attachments: ['offert'],
    });
    await context.close();
  });

  it('answers a completion request with a changed application, a text and an attachment', async () => {
    const [org] = await stage().ds.query(`SELECT id FROM organisation WHERE name = 'Samflex AB'`);
    const diarienummer = await submittedMikrobidrag(stage(), org.id as string, 'Maskin som behöver offert');
    const [{ id }] = await stage().ds.query(`SELECT id FROM grant_case WHERE diarienummer = $1`, [
      diarienummer,
    ]);
    const officer = await apiAs(stage(), 'handlaggare');
    await officer('POST', `/api/cases/${id}/transitions`, { transition: 'paborja_handlaggning' });
    await officer('POST', `/api/cases/${id}/transitions`, {
      transition: 'begar_komplettering',
      reason: 'Bifoga en offert på maskinen och sänk det sökta beloppet till 25 000 kr.',
    });

    const { context, page } = await newPage(stage(), 360);
    await signInAsAfterElegitimation(page, stage(), 'sokande');
    await page
      .getByRole('row', { name: new RegExp(diarienummer) })
      .getByRole('link', { name: 'Maskin som behöver offert' })
      .click();
    await page.getByRole('heading', { level: 2, name: t.completion.heading }).waitFor();
    await page.getByRole('paragraph').filter({ hasText: 'Bifoga en offert på maskinen' }).waitFor();
    await page.getByRole('cell', { name: t.history.action.begar_komplettering }).waitFor();
    await noViolations(page);
    await screenshots(page, 'sokande-komplettering');

    await page.getByRole('link', { name: t.completion.changeApplication }).click();
    await page.getByLabel(sv.sokande.amountApplied).fill('25000');
    expect(await page.getByRole('button', { name: sv.sokande.submit }).count()).toBe(0);
    await noViolations(page);
    await page.getByRole('button', { name: t.completion.backToCase }).click();
    await page.getByRole('heading', { level: 2, name: t.completion.heading }).waitFor();

    await page.getByLabel(t.chooseFile('Offert')).setInputFiles({ name: 'offert-maskin.pdf', ...PDF });
    await page
      .getByRole('status')
      .filter({ hasText: t.uploadedNow('offert-maskin.pdf') })
      .waitFor();
    await page.getByLabel(t.completion.answer).fill('Offerten är bifogad och beloppet sänkt.');
    await page.getByRole('button', { name: t.completion.send }).click();
    await page.getByText(t.completion.sent).waitFor();
    await page.getByRole('cell', { name: 'Offerten är bifogad och beloppet sänkt.' }).waitFor();
    await noViolations(page);
    await screenshots(page, 'sokande-komplettering-skickad');

    const [stored] = await stage().ds.query(
      `SELECT c.status, c.amount_applied::int AS applied,
              (SELECT array_agg(a.filename) FROM attachment a WHERE a.case_id = c.id) AS files,
              (SELECT h.reason FROM case_history h WHERE h.case_id = c.id AND h.action = 'lamna_komplettering') AS answer
       FROM grant_case c WHERE c.id = $1`,
      [id],
    );
    expect(stored).toEqual({
      status: 'komplettering_inkommen',
      applied: 25_000,
      files: ['offert-maskin.pdf'],
      answer: 'Offerten är bifogad och beloppet sänkt.',
    });
    await context.close();
  });
});
