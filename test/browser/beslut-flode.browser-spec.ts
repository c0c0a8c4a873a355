/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { extractPdfText } from '../../libs/letters/src/render/extract-text';
import { randomOrganisationsnummer } from '@anslag/testing';
import {
  apiAs,
  newPage,
  screenshots,
  seriousViolations,
  signIn,
  submittedMikrobidrag,
  suiteStage,
} from './harness';
import { sv } from '../../apps/web/src/text/sv';

describe('from application to letter: handläggare, beslutsfattare and sökande in the browser', () => {
  const stage = suiteStage('beslut-flode', { timeout: 240_000, worker: true });
  let refused: string;
  let eligible: string;

  beforeAll(async () => {
    const applicant = await apiAs(stage(), 'sokande');
    const firm = (o: object) =>
      applicant<{ id: string }>('POST', '/api/organisations', {
        organisationsnummer: randomOrganisationsnummer(),
        legalForm: 'Aktiebolag',
        streetAddress: 'Storgatan 4',
        employees: 3,
        fteHundredths: 250,
        ...o,
      });
    // Firms registered by the applicant (who then acts for them): one in the tätort that no exception
    // covers, one run by women outside the tätorter.
    const town = await firm({
      name: 'Stadens Verkstad AB',
      city: 'Örebro',
      postalCode: '702 10',
      kommunCode: '1880',
      runBy: 'man',
      bornOutsideNordics: false,
    });
    const rural = await firm({
      name: 'Bergslagens Snickeri AB',
      city: 'Hällefors',
      postalCode: '712 91',
      kommunCode: '1863',
      runBy: 'kvinnor',
    });
    refused = await submittedMikrobidrag(stage(), town.id, 'Ny fräsmaskin i stan');
    eligible = await submittedMikrobidrag(stage(), rural.id, 'Ny fräsmaskin på landet');
  });

  it('lets the handläggare find both in the queue, see the refusal and the maximum, and draft a decision', async () => {
    const { context, page } = await newPage(stage());
    await signIn(page, 'handlaggare');
    // Exact: the counts list is named "Antal ärenden per status" too, once the counts have come.
    await page
      .getByLabel(sv.handlaggare.status, { exact: true })
      .selectOption({ label: sv.status.inskickad });
    await page.getByRole('button', { name: sv.handlaggare.search }).click();
    await page.getByRole('link', { name: refused }).waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('inskickad');
    expect(await page.getByRole('link', { name: eligible }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'handlaggare-arbetsko');

    await page.getByRole('link', { name: refused }).click();
    await page.getByRole('heading', { level: 1, name: sv.handlaggare.caseTitle(refused) }).waitFor();
    await page.getByRole('button', { name: sv.handlaggare.startHandling }).click();
    await page.getByRole('button', { name: sv.handlaggare.assess }).click();
    await page.getByText(sv.handlaggare.notEligible, { exact: true }).waitFor();
    const checks = page.getByRole('table', { name: sv.handlaggare.checks });
    const tatort = checks
      .getByRole('row')
      .filter({ hasText: /tätort/i })
      .filter({ hasText: sv.handlaggare.failed });
    expect(await tatort.count()).toBeGreaterThan(0);
    expect(await page.getByRole('table', { name: /Högsta möjliga stöd: 0 kr/ }).count()).toBe(1);

    await page.goBack();
    await page.goBack();
    await page.getByRole('link', { name: eligible }).click();
    await page.getByRole('heading', { level: 1, name: sv.handlaggare.caseTitle(eligible) }).waitFor();
    await page.getByRole('button', { name: sv.handlaggare.startHandling }).click();
    await page.getByRole('button', { name: sv.handlaggare.assess }).click();
    // Eligible, perhaps with remarks for the officer to assess by hand (facts the application lacks).
    await page
      .getByText(new RegExp(`^(${sv.handlaggare.eligible}|${sv.handlaggare.eligibleWithRemarks})$`))
      .waitFor();
    const max = page.getByRole('table', { name: /Högsta möjliga stöd: 30\s000\skr/ });
    expect(await max.count()).toBe(1);
    expect(await max.getByRole('row').filter({ hasText: sv.handlaggare.limiting }).count()).toBeGreaterThan(
      0,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'handlaggare-arende');

    await page.getByRole('button', { name: sv.handlaggare.draftDecision }).click();
    await page.getByText(sv.handlaggare.awaitingSignature).waitFor();
    const [draft] = await stage().ds.query(
      `SELECT d.status, d.amount, d.outcome FROM decision d JOIN grant_case c ON c.id = d.case_id WHERE c.diarienummer = $1`,
      [eligible],
    );
    expect(draft).toEqual({ status: 'utkast', amount: '30000', outcome: 'bifall' });
    await context.close();
  });

  it('lets the beslutsfattare sign it after seeing what is signed', async () => {
    const { context, page } = await newPage(stage());
    await signIn(page, 'beslutsfattare');
    await page.getByRole('button', { name: sv.beslutsfattare.signCase(eligible) }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: sv.beslutsfattare.confirmTitle }).waitFor();
    expect((await dialog.textContent())?.replace(/\s/g, ' ')).toContain('30 000 kr');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'beslutsfattare-signera');
    await dialog.getByRole('button', { name: sv.beslutsfattare.confirm }).click();
    await page
      .getByRole('status')
      .filter({ hasText: sv.beslutsfattare.signed(eligible) })
      .waitFor();
    const [signed] = await stage().ds.query(
      `SELECT d.status, a.username FROM decision d JOIN grant_case c ON c.id = d.case_id
       JOIN account a ON a.id = d.signed_by WHERE c.diarienummer = $1`,
      [eligible],
    );
    expect(signed).toEqual({ status: 'signerat', username: 'beslutsfattare' });
    await context.close();
  });

  it('lets the applicant download the letter, which holds the granted amount', async () => {
    // The worker renders the letter after signing: wait for it through the API.
    const officer = await apiAs(stage(), 'handlaggare');
    const [row] = await stage().ds.query(
      `SELECT d.id FROM decision d JOIN grant_case c ON c.id = d.case_id WHERE c.diarienummer = $1`,
      [eligible],
    );
    for (let i = 0; i < 120; i++) {
      const s = await officer<{ status: string }>('GET', `/api/decisions/${row.id}/letter/status`);
      if (s.status === 'done') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const { context, page } = await newPage(stage());
    await signIn(page, 'sokande');
    await page.getByRole('link', { name: 'Ny fräsmaskin på landet' }).click();
    await page.getByText(sv.sokande.stateSentence.beslutad).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'sokande-arende-beslutat');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: sv.sokande.downloadLetter }).click(),
    ]);
    const text = await extractPdfText(readFileSync((await download.path())!));
    expect(text.replace(/\s+/g, ' ')).toContain('Bergslagens Snickeri AB beviljas stöd med högst 30 000 kr');
    expect(text).toContain(eligible);
    await context.close();
  });
});
