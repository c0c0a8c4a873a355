/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import {
  newPage,
  screenshots,
  seriousViolations,
  signIn,
  signInAsAfterElegitimation,
  tabTo,
  focused,
  suiteStage,
  SUMMARY_LINKS,
} from './harness';
import { sv } from '../../apps/web/src/text/sv';
import { svAnsokan } from '../../apps/web/src/text/sv-ansokan';

/** The start page: the firm and a title; ends on the application form. */
async function startApplication(page: Page, organisation: RegExp, title: string) {
  await page
    .getByRole('navigation', { name: sv.app.mainNav })
    .getByRole('link', { name: sv.nav.nyAnsokan })
    .click();
  await page.getByRole('heading', { level: 1, name: sv.sokande.startTitle }).waitFor();
  await page.getByRole('radio', { name: 'Mikrobidrag' }).check();
  await page.getByRole('radio', { name: organisation }).check();
  await page.getByLabel(sv.sokande.titleLabel).fill(title);
  await page.getByRole('button', { name: sv.sokande.start }).click();
  await page.getByRole('heading', { level: 1, name: sv.sokande.formTitle }).waitFor();
}

describe('sökande: a mikrobidrag application in the browser', () => {
  const stage = suiteStage('sokande-ansokan', { timeout: 180_000 });

  it('fills in the budget, sees the total as it types, submits and sees the diarienummer', async () => {
    const { context, page } = await newPage(stage());
    await signInAsAfterElegitimation(page, stage(), 'sokande');
    expect(await seriousViolations(page)).toEqual([]);
    await startApplication(page, /Samflex AB/, 'Ny webbutik');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'sokande-ansokan-tom');

    await page.getByLabel(sv.sokande.description).fill('En webbutik för våra produkter.');
    await page.getByLabel(sv.sokande.plannedStart).fill('2030-01-15');
    await page
      .getByRole('group', { name: sv.sokande.collectiveAgreement })
      .getByLabel(sv.sokande.yes)
      .check();
    await page.getByLabel(sv.sokande.costDescription(1)).fill('Webbutik, byggd av byrå');
    await page.getByLabel(sv.sokande.costType(1)).selectOption({ label: 'Övriga externa tjänster' });
    await page.getByLabel(sv.sokande.costAmount(1)).fill('40 000');
    await page.getByRole('button', { name: sv.sokande.addCost }).click();
    await page.getByLabel(sv.sokande.costDescription(2)).fill('Kassasystem');
    await page.getByLabel(sv.sokande.costType(2)).selectOption({ label: 'Inventarier' });
    await page.getByLabel(sv.sokande.costAmount(2)).fill('20000');
    const total = page.getByRole('row', { name: new RegExp(sv.sokande.costsTotal) });
    expect((await total.textContent())?.replace(/\s/g, ' ')).toContain('60 000 kr');
    await page.getByLabel(sv.sokande.amountApplied).fill('30000');

    // A draft saved now survives: the page read afresh shows what was typed.
    await page.getByRole('button', { name: sv.sokande.saveDraft }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Senast sparad/ })
      .waitFor();
    await page.reload();
    expect(await page.getByLabel(sv.sokande.costAmount(2)).inputValue()).toBe('20000');
    await screenshots(page, 'sokande-ansokan-ifylld');

    await page.getByRole('button', { name: sv.sokande.submit }).click();
    await page.getByRole('heading', { level: 1, name: sv.sokande.receiptTitle }).waitFor();
    const diarienummer = (await page.locator('.big-number').textContent()) ?? '';
    expect(diarienummer).toMatch(/^\d{2}RS\d+$/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'sokande-kvitto');

    const [stored] = await stage().ds.query(
      `SELECT c.status, c.amount_applied, c.collective_agreement, o.name,
              (SELECT sum(amount)::int FROM budget_line b WHERE b.case_id = c.id AND b.kind = 'cost') AS costs
       FROM grant_case c JOIN organisation o ON o.id = c.organisation_id WHERE c.diarienummer = $1`,
      [diarienummer],
    );
    expect(stored).toEqual({
      status: 'inskickad',
      amount_applied: '30000',
      collective_agreement: true,
      name: 'Samflex AB',
      costs: 60_000,
    });

    // The case appears among the applicant's own, with its status in words.
    await page
      .getByRole('navigation', { name: sv.app.mainNav })
      .getByRole('link', { name: sv.nav.minaArenden })
      .click();
    const row = page.getByRole('row', { name: new RegExp(diarienummer) });
    await row.getByText(sv.status.inskickad).waitFor();
    await context.close();
  });

  it('can be done with the keyboard alone, from the applicant’s first page to diarienummer', async () => {
    const { context, page } = await newPage(stage());
    // Submitting needs e-legitimation; the keyboard-only sign-in page is tested in foundation.browser-spec.
    await signInAsAfterElegitimation(page, stage(), 'sokande');
    await page.getByRole('heading', { level: 1, name: sv.sokande.casesTitle }).waitFor();
    await tabTo(page, sv.nav.nyAnsokan);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: sv.sokande.startTitle }).waitFor();
    // A radio group is one stop for Tab; the arrow keys choose within it.
    await tabTo(page, svAnsokan.start.projekt);
    for (let i = 0; i < 8 && (await focused(page)) !== 'Mikrobidrag'; i++)
      await page.keyboard.press('ArrowDown');
    await tabTo(page, /\(559990-0/);
    for (let i = 0; i < 5 && !/Samflex AB/.test(await focused(page)); i++)
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await tabTo(page, sv.sokande.titleLabel);
    await page.keyboard.type('Tangentbordsansökan');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: sv.sokande.formTitle }).waitFor();
    await tabTo(page, sv.sokande.description);
    await page.keyboard.type('Allt gjort med tangentbordet.');
    await tabTo(page, sv.sokande.plannedStart);
    await page.keyboard.type('2030-02-01');
    await tabTo(page, sv.sokande.yes);
    await page.keyboard.press('Space');
    await tabTo(page, sv.sokande.costDescription(1));
    await page.keyboard.type('Fräsmaskin');
    await tabTo(page, sv.sokande.costType(1));
    await page.keyboard.type('Maskiner');
    await tabTo(page, sv.sokande.costAmount(1));
    await page.keyboard.type('60000');
    await tabTo(page, sv.sokande.amountApplied);
    await page.keyboard.type('30000');
    await tabTo(page, sv.sokande.submit);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: sv.sokande.receiptTitle }).waitFor();
    expect(await page.locator('.big-number').textContent()).toMatch(/^\d{2}RS\d+$/);
    const [stored] = await stage().ds.query(
      `SELECT status, planned_start::text AS start, collective_agreement,
              (SELECT code FROM budget_line b WHERE b.case_id = c.id) AS cost_type
       FROM grant_case c WHERE title = 'Tangentbordsansökan'`,
    );
    expect(stored).toEqual({
      status: 'inskickad',
      start: '2030-02-01',
      collective_agreement: true,
      cost_type: 'machinery',
    });
    await context.close();
  });

  it('shows every problem the API finds at its field and in a summary linking to them', async () => {
    const { context, page } = await newPage(stage());
    await signIn(page, 'sokande');
    await startApplication(page, /Samflex AB/, 'Ofullständig ansökan');
    await page.getByRole('button', { name: sv.sokande.submit }).click();
    const summary = page.getByRole('heading', { name: sv.errors.summaryHeading });
    await summary.waitFor();
    const links = page.locator(SUMMARY_LINKS);
    expect(await links.evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]))).toEqual([
      ['Sökt belopp: saknas', '#amountApplied'],
      ['Startdatum: saknas', '#plannedStart'],
      ['Kostnader: saknas', '#costLines'],
      ['Kollektivavtal: saknas', '#collectiveAgreement'],
    ]);
    // The same words beside the field, tied to it.
    const start = page.getByLabel(sv.sokande.plannedStart);
    expect(await start.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Startdatum: saknas').count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'sokande-ansokan-fel');
    await links.nth(1).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('plannedStart');
    const [stored] = await stage().ds.query(
      `SELECT status FROM grant_case WHERE title = 'Ofullständig ansökan'`,
    );
    expect(stored.status).toBe('utkast');
    await context.close();
  });
});
