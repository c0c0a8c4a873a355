/// <reference lib="dom" />
import { DemoPayments, loadDemoPayments } from '@anslag/demo';
import { DEFAULT_DEMO_DATA_DIR } from '../../libs/demo/src/demo-data';
import {
  newPage,
  screenshots,
  seriousViolations,
  signIn,
  signInAsAfterElegitimation,
  suiteStage,
} from './harness';
import { svUtbetalning } from '../../apps/web/src/text/sv-utbetalning';

const t = svUtbetalning;

describe('after the decision: report, verification and authorisation in the browser', () => {
  const stage = suiteStage('utbetalning', { timeout: 240_000 });
  let caseId: string;
  const dnr = '19RS8649'; // Samflex AB's konsultcheck of 34 200 kr, 50 % of 68 400 kr; the demo applicant acts for it

  beforeAll(async () => {
    await new DemoPayments(stage().ds).loadSettings(loadDemoPayments(DEFAULT_DEMO_DATA_DIR));
    [{ id: caseId }] = await stage().ds.query(`SELECT id FROM grant_case WHERE diarienummer = $1`, [dnr]);
  });

  it('lets the applicant report the costs, see every problem at its field, and submit', async () => {
    const { context, page } = await newPage(stage());
    await signInAsAfterElegitimation(page, stage(), 'sokande');
    await page.goto(`/sokande/arenden/${caseId}`);
    await page.getByRole('link', { name: t.sokande.link }).click();
    await page.getByRole('heading', { level: 1, name: t.sokande.title }).waitFor();
    await page.getByRole('button', { name: t.sokande.start }).click();
    await page
      .getByLabel(t.sokande.reportText, { exact: true })
      .fill('Konsulterna har utvecklat lexikonets språkteknik och testat det.');
    await page.getByLabel(t.sokande.accountNumber, { exact: true }).fill('5678-0001');
    const row = page.getByRole('group', { name: t.sokande.row(1) });
    await row.getByLabel(t.sokande.voucherNumber, { exact: true }).fill('F-11');
    await row.getByLabel(t.sokande.supplier, { exact: true }).fill('Språkteknik Konsult AB');
    await row.getByLabel(t.sokande.costCategory, { exact: true }).fill('externa_tjanster');
    await row.getByLabel(t.sokande.costType, { exact: true }).fill('consultancy');
    await row.getByLabel(t.sokande.invoiceDate, { exact: true }).fill('2019-11-29');
    await row.getByLabel(t.sokande.paymentDate, { exact: true }).fill('2019-12-20');
    await row.getByLabel(t.sokande.amountExVat, { exact: true }).fill('68400');
    await row.getByLabel(t.sokande.vat, { exact: true }).fill('17100');
    await page.getByText(t.sokande.total('68 400 kr')).waitFor();

    await page.getByRole('button', { name: t.sokande.submit }).click();
    // The wrong check digit is named in the error summary and at the field.
    const summary = page.getByRole('link', { name: /fel kontrollsiffra/ });
    await summary.first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'sokande-utbetalning');
    expect((await stage().ds.query(`SELECT status FROM payment_request`))[0].status).toBe('utkast');

    await page.getByLabel(t.sokande.accountNumber, { exact: true }).fill('5678-0000');
    await page.getByRole('button', { name: t.sokande.submit }).click();
    await page.getByRole('status').filter({ hasText: t.sokande.submitted }).waitFor();
    const [req] = await stage().ds.query(`SELECT status, payout_account FROM payment_request`);
    expect(req).toEqual({
      status: 'inskickad',
      payout_account: { type: 'bankgiro', number: '5678-0000', bic: null },
    });
    await context.close();
  });

  it('lets the handläggare verify it and see how the amount is computed', async () => {
    const { context, page } = await newPage(stage());
    await signIn(page, 'handlaggare');
    await page.getByRole('link', { name: t.nav.granska }).click();
    await page.getByRole('link', { name: t.handlaggare.open(dnr, 1) }).click();
    await page.getByRole('heading', { level: 1, name: t.handlaggare.reviewTitle(dnr, 1) }).waitFor();
    await page.getByLabel(t.handlaggare.finalApproved).check();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: t.handlaggare.verify }).click();
    await page.getByText(t.handlaggare.toPay('34 200 kr')).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'handlaggare-granska');
    const [payment] = await stage().ds.query(`SELECT status, net FROM payment`);
    expect(payment).toEqual({ status: 'forslag', net: '34200' });
    await context.close();
  });

  it('lets a beslutsfattare authorise the payment after seeing what is authorised', async () => {
    const { context, page } = await newPage(stage());
    await signIn(page, 'beslutsfattare');
    await page.getByRole('link', { name: t.nav.attestera }).click();
    await page.getByRole('button', { name: t.beslutsfattare.authorise(dnr) }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: t.beslutsfattare.confirmTitle }).waitFor();
    expect((await dialog.textContent())?.replace(/\s/g, ' ')).toContain('34 200 kr');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'beslutsfattare-attestera');
    await dialog.getByRole('button', { name: t.beslutsfattare.confirm }).click();
    await page
      .getByRole('status')
      .filter({ hasText: t.beslutsfattare.done(dnr) })
      .waitFor();
    const [payment] = await stage().ds.query(
      `SELECT p.status, a.username FROM payment p JOIN account a ON a.id = p.authorised_by`,
    );
    expect(payment).toEqual({ status: 'attesterad', username: 'beslutsfattare' });
    await context.close();
  });

  it('shows the secretariat what is decided and not yet paid', async () => {
    const { context, page } = await newPage(stage(), 360);
    await signIn(page, 'namndsekreterare');
    await page.goto('/sekretariat/utbetalningar');
    const table = page.getByRole('table', { name: t.sekretariat.outstanding });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThan(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'sekretariat-utbetalningar');
    await context.close();
  });
});
