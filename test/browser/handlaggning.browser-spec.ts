/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { pdfToText } from '../letter-text';
import {
  newPage,
  ruralFirm,
  screenshots,
  seriousViolations,
  signIn,
  submittedMikrobidrag,
  suiteStage,
} from './harness';
import { sv } from '../../apps/web/src/text/sv';
import { svHandlaggning } from '../../apps/web/src/text/sv-handlaggning';

const th = svHandlaggning;
const COMMENT = 'Skriv skälen till att hela beloppet beviljas i beslutet.';

/**
 * The officers' handling around a decision in the browser: taking a case, its attachments, asking for
 * completion and the list of open requests; the draft's letter previewed as a PDF marked UTKAST; a draft
 * sent back by the beslutsfattare with a comment, which the handläggare then reads on the case page.
 */
describe('handling a case: completion, attachments, letter preview, sending a draft back', () => {
  const stage = suiteStage('handlaggning', { timeout: 240_000 });
  let completionDnr: string;
  let decisionDnr: string;
  const caseId = async (dnr: string) =>
    (
      (await stage().ds.query('SELECT id FROM grant_case WHERE diarienummer = $1', [dnr])) as { id: string }[]
    )[0].id;

  beforeAll(async () => {
    const firm = await ruralFirm(stage(), 'Kvarnbackens Bageri AB');
    completionDnr = await submittedMikrobidrag(stage(), firm, 'Ny stenugn till bageriet');
    decisionDnr = await submittedMikrobidrag(stage(), firm, 'Ny degblandare till bageriet');
  });

  it('lets the handläggare take the case, add and download an attachment, and ask for completion', async () => {
    const { context, page } = await newPage(stage());
    await signIn(page, 'handlaggare');
    await page.goto(`/handlaggare/arenden/${await caseId(completionDnr)}`);
    await page.getByRole('heading', { level: 1, name: sv.handlaggare.caseTitle(completionDnr) }).waitFor();

    await page.getByRole('button', { name: th.assignment.take }).click();
    await page.getByRole('status').filter({ hasText: th.assignment.taken }).waitFor();
    const [assigned] = await stage().ds.query(
      `SELECT a.username FROM grant_case c JOIN account a ON a.id = c.assigned_to WHERE c.diarienummer = $1`,
      [completionDnr],
    );
    expect(assigned).toEqual({ username: 'handlaggare' });

    // Attachments: none yet; the officer adds one, it is listed and downloads as it was.
    await page.getByText(th.attachments.none).waitFor();
    await page.getByLabel(th.attachments.choose).setInputFiles({
      name: 'offert-stenugn.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% offert på stenugn\n'),
    });
    await page.getByRole('button', { name: th.attachments.uploadButton }).click();
    await page
      .getByRole('status')
      .filter({ hasText: th.attachments.uploaded('offert-stenugn.pdf') })
      .waitFor();
    const row = page.getByRole('table', { name: th.attachments.heading }).getByRole('row', {
      name: /offert-stenugn\.pdf/,
    });
    await row.waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: th.attachments.download('offert-stenugn.pdf') }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('offert-stenugn.pdf');
    expect(readFileSync((await download.path())!, 'utf8')).toContain('offert på stenugn');
    expect(await seriousViolations(page)).toEqual([]);

    // Completion: only under handling; asking without saying what is missing is refused, naming the field.
    await page.getByRole('button', { name: sv.handlaggare.startHandling }).click();
    await page.getByRole('button', { name: th.completion.send }).click();
    const summary = page.getByRole('link', { name: new RegExp(th.completion.missing) });
    await summary.waitFor();
    expect(await summary.getAttribute('href')).toBe('#reason');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'handlaggare-arende-komplettering-fel');
    await page
      .getByLabel(th.completion.missing)
      .fill('Bifoga offerten på stenugnen med pris och leveranstid.');
    await page.getByRole('button', { name: th.completion.send }).click();
    await page.getByRole('status').filter({ hasText: th.completion.sent }).waitFor();
    const [request] = await stage().ds.query(
      `SELECT r.reason, r.due_date::text AS due, c.status FROM completion_request r
         JOIN grant_case c ON c.id = r.case_id WHERE c.diarienummer = $1`,
      [completionDnr],
    );
    expect(request).toMatchObject({
      reason: 'Bifoga offerten på stenugnen med pris och leveranstid.',
      status: 'komplettering_begard',
    });
    await page.getByText(th.completion.open(request.due)).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'handlaggare-arende-komplettering');

    // The open requests, reached from the navigation.
    await page.getByRole('link', { name: th.nav.kompletteringar }).click();
    await page.getByRole('heading', { level: 1, name: th.completions.title }).waitFor();
    const listed = page.getByRole('row').filter({ hasText: completionDnr });
    await listed.waitFor();
    expect(await listed.textContent()).toContain('Bifoga offerten på stenugnen');
    expect(await listed.textContent()).toContain(request.due);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'handlaggare-kompletteringar');
    await listed.getByRole('link', { name: completionDnr }).click();
    await page.getByRole('heading', { level: 1, name: sv.handlaggare.caseTitle(completionDnr) }).waitFor();
    await context.close();
  });

  it('lets the handläggare draft a decision beside the frames and preview its letter marked UTKAST', async () => {
    const { context, page } = await newPage(stage());
    await signIn(page, 'handlaggare');
    await page.goto(`/handlaggare/arenden/${await caseId(decisionDnr)}`);
    await page.getByRole('heading', { level: 1, name: sv.handlaggare.caseTitle(decisionDnr) }).waitFor();
    await page.getByRole('button', { name: sv.handlaggare.startHandling }).click();
    await page.getByRole('button', { name: sv.handlaggare.assess }).click();
    await page.getByRole('heading', { name: th.frames.heading }).waitFor();
    await page.getByRole('button', { name: sv.handlaggare.draftDecision }).click();
    await page.getByText(sv.handlaggare.awaitingSignature).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'handlaggare-arende-utkast');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: th.preview.button }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(th.preview.filename(decisionDnr));
    const text = pdfToText(readFileSync((await download.path())!)).replace(/\s+/g, ' ');
    expect(text).toContain('UTKAST');
    expect(text).toContain('30 000 kr');
    expect(text).toContain(decisionDnr);
    // Never stored: the draft has no letter.
    const [stored] = await stage().ds.query(
      `SELECT count(l.*)::int AS n FROM decision d JOIN grant_case c ON c.id = d.case_id
         LEFT JOIN decision_letter l ON l.decision_id = d.id WHERE c.diarienummer = $1`,
      [decisionDnr],
    );
    expect(stored).toEqual({ n: 0 });
    await context.close();
  });

  it('lets the beslutsfattare send the draft back with a comment, which the handläggare then reads', async () => {
    const { context, page } = await newPage(stage());
    await signIn(page, 'beslutsfattare');
    const row = page.getByRole('row').filter({ hasText: decisionDnr });
    await row.waitFor();
    expect((await row.textContent())?.replace(/\s/g, ' ')).toContain('30 000 kr');
    // Before signing, the letter the decision would get can be read, marked UTKAST.
    await row.getByRole('button', { name: sv.beslutsfattare.signCase(decisionDnr) }).click();
    const signDialog = page.getByRole('dialog');
    await signDialog.getByRole('heading', { name: sv.beslutsfattare.confirmTitle }).waitFor();
    const [letter] = await Promise.all([
      page.waitForEvent('download'),
      signDialog.getByRole('button', { name: th.preview.button }).click(),
    ]);
    const text = pdfToText(readFileSync((await letter.path())!)).replace(/\s+/g, ' ');
    expect(text).toContain('UTKAST');
    expect(text).toContain('30 000 kr');
    await signDialog.getByRole('button', { name: sv.beslutsfattare.cancel }).click();
    await signDialog.waitFor({ state: 'hidden' });

    await row.getByRole('button', { name: th.beslutsfattare.returnCase(decisionDnr) }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: th.beslutsfattare.returnTitle }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Without a comment it is refused, naming the field, and nothing is sent back.
    await dialog.getByRole('button', { name: th.beslutsfattare.confirmReturn }).click();
    const summary = dialog.getByRole('link', { name: new RegExp(th.beslutsfattare.comment) });
    await summary.waitFor();
    expect(await summary.getAttribute('href')).toBe('#comment');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'beslutsfattare-skicka-tillbaka');
    await dialog.getByLabel(th.beslutsfattare.comment).fill(COMMENT);
    await dialog.getByRole('button', { name: th.beslutsfattare.confirmReturn }).click();
    await page
      .getByRole('status')
      .filter({ hasText: th.beslutsfattare.returned(decisionDnr) })
      .waitFor();
    await row.waitFor({ state: 'detached' });
    const [returned] = await stage().ds.query(
      `SELECT d.status, d.return_comment FROM decision d JOIN grant_case c ON c.id = d.case_id
        WHERE c.diarienummer = $1`,
      [decisionDnr],
    );
    expect(returned).toEqual({ status: 'utkast', return_comment: COMMENT });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();

    const officer = await newPage(stage());
    await signIn(officer.page, 'handlaggare');
    await officer.page.goto(`/handlaggare/arenden/${await caseId(decisionDnr)}`);
    await officer.page.getByText(th.returned.body(COMMENT)).waitFor();
    expect(await officer.page.getByText(sv.handlaggare.awaitingSignature).count()).toBe(0);
    expect(await seriousViolations(officer.page)).toEqual([]);
    await screenshots(officer.page, 'handlaggare-arende-tillbakaskickat');
    // Drafting anew answers it: the decision waits for a signature again.
    await officer.page.getByRole('button', { name: sv.handlaggare.draftDecision }).click();
    await officer.page.getByText(sv.handlaggare.awaitingSignature).waitFor();
    await officer.context.close();
  });
});
