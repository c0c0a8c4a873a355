/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { newPage, screenshots, seriousViolations, signIn, suiteStage, SUMMARY_LINKS } from './harness';
import { sv } from '../../apps/web/src/text/sv';

describe('nämndsekreterare: the delegation report in the browser', () => {
  const stage = suiteStage('sekretariat-redovisning', { timeout: 180_000 });

  it('shows the December 2019 report and downloads its CSV with the 22 decisions under point 3.3', async () => {
    const { context, page } = await newPage(stage());
    await signIn(page, 'namndsekreterare');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel(sv.sekretariat.from).fill('2019-11-01');
    await page.getByLabel(sv.sekretariat.to).fill('2019-12-03');
    await page.getByLabel(sv.sekretariat.point).fill('3.3');
    await page.getByRole('button', { name: sv.sekretariat.show }).click();
    const table = page.getByRole('table', { name: /Punkt 3\.3/ });
    await table.waitFor();
    expect(await table.getByRole('caption').textContent()).toContain(sv.sekretariat.rows(22));
    expect(await table.locator('tbody tr').count()).toBe(22);
    // The period and point are in the address: the view can be bookmarked.
    expect(new URL(page.url()).search).toBe('?from=2019-11-01&to=2019-12-03&punkt=3.3');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'sekretariat-redovisning');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: sv.sekretariat.download('CSV') }).click(),
    ]);
    const lines = readFileSync((await download.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '');
    const heading = lines.findIndex((l) => l.startsWith('Punkt 3.3'));
    expect(heading).toBe(1);
    const rows = lines
      .slice(heading + 1)
      .filter((l) => /^\d{2}RS\d+|^[^;]*;/.test(l) && !l.startsWith('Punkt'));
    const decisionRows = rows.filter((l) => !/^Summa|^Totalt/i.test(l));
    expect(decisionRows.length).toBe(22);
    await context.close();
  });

  it('names the field of a malformed date', async () => {
    const { context, page } = await newPage(stage());
    await signIn(page, 'namndsekreterare');
    await page.goto('/sekretariat?from=2019-13-01&to=2019-12-03');
    const link = page.locator(SUMMARY_LINKS);
    await link.first().waitFor();
    expect(await link.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['#from']);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
