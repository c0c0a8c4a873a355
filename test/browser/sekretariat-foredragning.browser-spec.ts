/// <reference lib="dom" />
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
  rowsOf,
  SUMMARY_LINKS,
} from './harness';
import { svSekretariat } from '../../apps/web/src/text/sv-sekretariat';

const t = svSekretariat;

describe('nämndsekreterare: presenting the delegation report and the follow-up in the browser', () => {
  const stage = suiteStage('sekretariat-foredragning', { timeout: 180_000 });

  it('marks the December 2019 report presented with the keyboard and downloads it as presented', async () => {
    const { context, page } = await newPage(stage());
    await signIn(page, 'namndsekreterare');
    await page.goto('/sekretariat?from=2019-11-01&to=2019-12-03&punkt=3.3');
    await page.getByRole('table', { name: /Punkt 3\.3/ }).waitFor();

    // Before: all 22 decisions under 3.3 wait to be reported, and nothing has been presented.
    const undelivered = page.getByRole('table', { name: t.undelivered.title });
    await undelivered.waitFor();
    expect((await rowsOf(undelivered)).map((r) => r.slice(0, 3))).toEqual([
      ['3.2 Beslut om regionala utvecklingsstöd', '2', '569 725 kr'],
      ['3.3 Beslut om företagsstöd', '22', '3 586 849 kr'],
    ]);
    await page.getByText(t.presentations.none).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The dialog names what will be stamped; empty, the API names both fields.
    await tabTo(page, t.present.open);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: t.present.title }).waitFor();
    expect(
      await dialog.locator('dd').evaluateAll((dds) => dds.map((d) => d.textContent?.replace(/\s+/g, ' '))),
    ).toEqual(['2019-11-01 – 2019-12-03', '3.3', '22']);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: t.present.confirm }).click();
    const links = dialog.locator(SUMMARY_LINKS);
    await links.first().waitFor();
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '#meetingDate',
      '#paragraph',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await links.first().click();
    expect(await focused(page)).toBe(t.present.meetingDate);
    await page.keyboard.type('2020-01-22');
    await tabTo(page, t.present.paragraph);
    await page.keyboard.type('§ 7');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: t.present.done(22, '2020-01-22', '§ 7') })
      .waitFor();

    // Stored: one presentation of the 22 decisions; nothing under 3.3 is left unreported.
    const call = await apiAs(stage(), 'namndsekreterare');
    const stored = await call<{ id: string; decisionCount: number; hashes: Record<string, string> }[]>(
      'GET',
      '/api/reports/delegation-decisions/presentations',
    );
    expect(stored).toEqual([
      expect.objectContaining({
        periodFrom: '2019-11-01',
        periodTo: '2019-12-03',
        delegationPoint: '3.3',
        meetingDate: '2020-01-22',
        paragraph: '§ 7',
        decisionCount: 22,
      }),
    ]);
    const presented = page.getByRole('table', { name: t.presentations.title });
    await presented.waitFor();
    expect((await rowsOf(presented))[0].slice(0, 5)).toEqual([
      '2020-01-22',
      '§ 7',
      '2019-11-01 – 2019-12-03',
      '3.3',
      '22',
    ]);
    await undelivered.getByRole('row', { name: /^3\.3/ }).waitFor({ state: 'detached' });
    expect((await rowsOf(undelivered)).map((r) => r[0])).toEqual(['3.2 Beslut om regionala utvecklingsstöd']);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'sekretariat-foredragen');
    expect(await fitsNarrowScreen(page)).toBe(360);

    // The file downloaded is the one presented: the same bytes as the hash stored at presenting.
    for (const format of ['csv', 'pdf'] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        presented
          .getByRole('button', {
            name: t.presentations.downloadAs(format.toUpperCase(), '2020-01-22', '§ 7'),
          })
          .click(),
      ]);
      const bytes = readFileSync((await download.path())!);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(stored[0].hashes[format]);
      if (format === 'csv') expect(bytes.toString('utf8')).toContain('Punkt 3.3');
    }
    await context.close();
  });

  it('shows the 2019 follow-up with its charts and tables holding the demo figures', async () => {
    const { context, page } = await newPage(stage());
    await signIn(page, 'namndsekreterare');
    await page.getByRole('link', { name: t.nav.uppfoljning, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: t.uppfoljning.title }).waitFor();
    await page.getByLabel(t.uppfoljning.year).fill('2019');
    await page.getByRole('button', { name: t.uppfoljning.show }).click();
    await page.getByText(t.uppfoljning.totals(23, '4 156 574 kr', 1)).waitFor();
    expect(new URL(page.url()).search).toBe('?ar=2019');

    const frames = page.getByRole('table', { name: t.uppfoljning.frames.title });
    expect(await rowsOf(frames)).toEqual([
      ['Regionala utvecklingsprojekt', '25 520 000 kr (indikativ)', '569 725 kr', '24 950 275 kr', '2,2 %'],
      ['Uppföljning och utvärdering', '1 000 000 kr (högst)', '0 kr', '1 000 000 kr', '0 %'],
      ['Företagsstöd', '13 333 000 kr (indikativ)', '3 586 849 kr', '9 746 151 kr', '26,9 %'],
    ]);
    const kommun = await rowsOf(page.getByRole('table', { name: t.uppfoljning.perKommun }));
    expect(kommun).toHaveLength(10);
    expect(kommun).toContainEqual(['Örebro', '12', '1 911 910 kr', '0']);
    expect(kommun).toContainEqual(['Hallsberg', '1', '87 735 kr', '1']);
    const aidForms = await rowsOf(page.getByRole('table', { name: t.uppfoljning.perAidForm }));
    expect(aidForms).toHaveLength(10);
    expect(aidForms).toContainEqual(['Investeringsbidrag', '4', '1 683 304 kr', '0']);
    expect(aidForms).toContainEqual(['Konsulttjänst', '6', '432 200 kr', '0']);
    // Five of the 21 company grants of 2019 went to firms run by women, none of 2018's.
    expect(await rowsOf(page.getByRole('table', { name: t.uppfoljning.women.title }))).toEqual([
      ['2018', '0 av 0', '–', '0 kr'],
      ['2019', '5 av 21', '23,8 %', '636 000 kr'],
    ]);
    // The charts show the same figures, hidden from screen readers, which read the tables.
    const charts = page.locator('.chart');
    expect((await charts.nth(0).textContent())?.replace(/\s/g, ' ')).toContain(
      `Företagsstöd${t.uppfoljning.frames.usedShare('26,9 %')}`.replace(/\s/g, ' '),
    );
    expect(await charts.count()).toBe(4);
    expect(await charts.evaluateAll((cs) => cs.every((c) => c.getAttribute('aria-hidden') === 'true'))).toBe(
      true,
    );
    expect((await charts.nth(1).textContent())?.replace(/\s/g, ' ')).toContain('Örebro1 911 910 kr');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'sekretariat-uppfoljning');
    expect(await fitsNarrowScreen(page)).toBe(360);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: t.uppfoljning.download('CSV') }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('uppfoljning-2019.csv');
    expect(readFileSync((await download.path())!, 'utf8')).toContain('Hallsberg');

    // A year the API refuses is named at its field.
    await page.goto('/uppfoljning?ar=19x');
    const links = page.locator(SUMMARY_LINKS);
    await links.first().waitFor();
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['#year']);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
