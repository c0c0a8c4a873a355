import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePdf } from './extract-text';
import { kottabergetLetterModel, mindLetterModel, rejectionLetterModel } from './fixtures';
import { extractPdfText, type LetterModel, LetterModelError, renderLetter } from './index';

/** The text with the non-breaking spaces of formatKronor/formatShare and the line breaks as plain spaces. */
function flat(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ');
}

async function lines(buf: Buffer): Promise<string[]> {
  return (await extractPdfText(buf)).split('\n').map((l) => l.replace(/\u00a0/g, ' '));
}

/** Index of the first line equal to each wanted line, searching on from the previous one (-1 if missing). */
function lineOrder(all: readonly string[], wanted: readonly string[]): number[] {
  let from = 0;
  return wanted.map((w) => {
    const at = all.indexOf(w, from);
    if (at >= 0) from = at + 1;
    return at;
  });
}

function expectIncreasing(indexes: number[], names: readonly string[]): void {
  indexes.forEach((at, i) => {
    expect([names[i], at >= 0]).toEqual([names[i], true]);
    if (i > 0) expect([names[i], at > indexes[i - 1]]).toEqual([names[i], true]);
  });
}

describe('renderLetter: the MIND decision (19RS9282)', () => {
  let pdf: Buffer;
  let text: string;
  beforeAll(async () => {
    pdf = await renderLetter(mindLetterModel());
    text = flat(await extractPdfText(pdf));
  });

  it('states the share and the cap as the real letter does', () => {
    expect(text).toContain(
      'Alfred Nobel Science Park beviljas 90 % av projektets bokförda kostnader, dock högst 432 000 kr, ' +
        'för genomförande av projekt MIND – Matrix for Industrial Network Development.',
    );
    expect(text).toContain('Alfred Nobel Science Park ansöker om 432 000 kr för projekt MIND');
  });

  it('keeps the non-breaking spaces of the amounts in the PDF', async () => {
    expect(await extractPdfText(pdf)).toContain('432\u00a0000\u00a0kr');
  });

  it('holds the dates, the reference and the addressee', () => {
    expect(text).toContain('Regional utveckling, Lena Kihl 2019-11-18 19RS9282');
    expect(text).toContain('Ansökan avser perioden 2019-11-20—2020-05-30.');
    expect(text).toContain('Projektet får påbörjas tidigast 2019-11-20 och avslutas senast 2020-05-30.');
    expect(text).toContain('Alfred Nobel Science Park AB Fakultetsgatan 1 702 81 Örebro');
  });

  it('splits the financing frame per source', () => {
    expect(text).toContain('Finansiering sker inom ramen för:');
    expect(text).toContain('Regionalt utvecklingsstöd - statligt stöd 232 000 kr');
    expect(text).toContain('Regional utveckling rambudgetmedel 200 000 kr');
  });

  it('lists the three conditions', () => {
    expect(text).toContain('Följande villkor gäller för Region Örebro läns beslut:');
    expect(text).toContain(
      '• Beslutet gäller under förutsättning att projektets budget är fullt finansierad.',
    );
    expect(text).toContain(
      '• I samband med genomförandet av projektet ska det framgå att Region Örebro län medfinansierar projektet.',
    );
    expect(text).toContain('• I övrigt gäller Region Örebro läns Allmänna villkor för medfinansiering.');
  });

  it('prints the budget tables with year and row totals', () => {
    expect(text).toContain('Bokförda kostnader 2019 2020 Totalt');
    expect(text).toContain('Externa tjänster 40 000 388 000 428 000');
    expect(text).toContain('Summa bokförda kostnader 63 000 421 000 484 000');
    expect(text).toContain('Region Örebro län 1:1 25 000 207 000 232 000');
    expect(text).toContain('Region Örebro län rambudgetmedel 28 000 172 000 200 000');
    expect(text).toContain('Örebro kommun 16 000 16 000');
    expect(text).toContain('Summa finansiering 63 000 421 000 484 000');
    expect(text).toContain('Direktfinansierade kostnader (in natura) 2019 2020 Totalt');
    expect(text).toContain('Möckelnföretagen 20 000 40 000 60 000');
  });

  it('has the parts in the order of the real letter', async () => {
    const order = [
      'Medfinansiering av projekt MIND – Matrix for Industrial Network Development',
      'Beslutet',
      'Följande villkor gäller för Region Örebro läns beslut:',
      'Sammanfattning',
      'Skäl till beslut',
      'Beskrivning av ärendet',
      'Bakgrund',
      'Projektets övergripande mål',
      'Projektmål',
      'Aktiviteter',
      'Ingående kommuner',
      'Regional samverkan',
      'Perspektiv',
      'Långsiktighet',
      'Uppföljning',
      'Resultatspridning',
      'Projektorganisation',
      'Kostnads- och finansieringsbudget',
      'Bokförda kostnader 2019 2020 Totalt',
      'Finansiär 2019 2020 Totalt',
      'Direktfinansierade kostnader (in natura) 2019 2020 Totalt',
      'För Region Örebro län',
      'Petter Arneback Niklas Lundgren',
      'Regional utvecklingsdirektör T.f Enhetschef',
    ];
    const all = (await lines(pdf)).map((l) => l.replace(/ +/g, ' '));
    // The title may wrap: compare its first line only.
    all.forEach((l, i) => l.startsWith('Medfinansiering av projekt MIND') && (all[i] = order[0]));
    expectIncreasing(lineOrder(all, order), order);
  });

  it('is two A4 pages numbered "Sida 1 av 2" and "Sida 2 av 2", the fonts embedded', async () => {
    const parsed = await parsePdf(pdf);
    expect(parsed.Pages).toHaveLength(2);
    const source = pdf.toString('latin1');
    expect(source.match(/\/MediaBox \[0 0 595\.28 841\.89\]/g)).toHaveLength(2);
    expect(text).toContain('Sida 1 av 2');
    expect(text).toContain('Sida 2 av 2');
    expect(source).toContain('/FontFile2');
    expect(source).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it('keeps å, ä and ö', () => {
    expect(text).toContain('Långsiktighet');
    expect(text).toContain('Beskrivning av ärendet');
    expect(text).toContain('Förstudien kommer att löpande följas upp av projektets styrgrupp.');
  });
});

describe('renderLetter: the Kottaberget decision (19RS9565)', () => {
  let text: string;
  beforeAll(async () => {
    text = flat(await extractPdfText(await renderLetter(kottabergetLetterModel())));
  });

  it('grants 15 % capped at 137 725 kr inside one financing frame', () => {
    expect(text).toContain(
      'Nora kommun beviljas 15 % av projektets bokförda kostnader, dock högst 137 725 kr',
    );
    expect(text).toContain('Finansiering sker inom ramen för regionalt utvecklingsstöd - statligt stöd.');
  });

  it('prints its budget with the total 918 163 and an empty 2019 cell', () => {
    expect(text).toContain('Investeringar 22 200 22 200');
    expect(text).toContain('Summa bokförda kostnader 117 013 801 150 918 163');
    expect(text).toContain('Region Örebro län 1:1-medel 17 552 120 173 137 725');
    expect(text).toContain('Tillväxtverket 93 610 648 120 741 730');
    expect(text).toContain('Summa finansiering 117 013 801 150 918 163');
  });

  it('keeps the goals as a bullet list and the signatures last', () => {
    expect(text).toContain('• öka antalet besökare och därmed gästnätter i länet');
    expect(text.indexOf('Summa finansiering')).toBeLessThan(text.indexOf('Petter Arneback Eva Getzman'));
  });
});

describe('renderLetter: a rejection', () => {
  let text: string;
  beforeAll(async () => {
    text = flat(await extractPdfText(await renderLetter(rejectionLetterModel())));
  });

  it('gives the grounds and how to appeal, and no conditions', () => {
    expect(text).toContain('Region Örebro län avslår ansökan om medfinansiering av projekt');
    expect(text).toContain('Skäl till beslut');
    expect(text).toContain('Den sökta verksamheten är en del av föreningens ordinarie verksamhet');
    expect(text).toContain('Hur man överklagar');
    expect(text).toContain(
      'Överklagandet ska ha kommit in inom tre veckor från den dag du fick del av beslutet.',
    );
    expect(text).not.toContain('Följande villkor');
    expect(text).not.toContain('Kostnads- och finansieringsbudget');
    expect(text).toContain('Telefon 019-000 00 00');
  });

  it('puts the appeal after the signatures', () => {
    expect(text.indexOf('Niklas Lundgren')).toBeLessThan(text.indexOf('Hur man överklagar'));
  });

  it('refuses a rejection without reasons (förvaltningslagen 32 §)', async () => {
    await expect(renderLetter({ ...rejectionLetterModel(), reasons: [] })).rejects.toThrow(LetterModelError);
  });
});

describe('renderLetter: the same model gives the same bytes', () => {
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

  it('renders identical bytes twice, and different bytes for another date', async () => {
    const first = await renderLetter(mindLetterModel());
    const second = await renderLetter(mindLetterModel());
    expect(sha(second)).toBe(sha(first));
    const later = await renderLetter({ ...mindLetterModel(), date: '2019-11-19' });
    expect(sha(later)).not.toBe(sha(first));
  });

  it('takes the creation date from the letter date', async () => {
    const source = (await renderLetter(mindLetterModel())).toString('latin1');
    expect(source).toContain('(D:20191118000000Z)');
  });
});

describe('renderLetter: everything region-specific comes from the model', () => {
  function otherRegion(): LetterModel {
    const mind = mindLetterModel();
    return {
      ...mind,
      region: {
        ...mind.region,
        name: 'Region Exempel',
        postalAddress: ['Region Exempel', 'Box 1', '100 00 Exempel'],
      },
      labels: { ...mind.labels, page: 'Page {page} of {pages}', decision: 'Decision' },
      secrecy: 'SEKRETESS 30 kap. 23 § OSL',
    };
  }

  it('prints the model’s labels and region, and the secrecy marking on every page', async () => {
    const buf = await renderLetter(otherRegion());
    const pages = (await extractPdfText(buf)).split('\f');
    expect(pages).toHaveLength(2);
    pages.forEach((page, i) => {
      expect(flat(page)).toContain(`Page ${i + 1} of 2`);
      expect(flat(page)).toContain('SEKRETESS 30 kap. 23 § OSL');
      expect(flat(page)).toContain('Region Exempel');
    });
    const firstPage = pages[0].split('\n');
    expect(firstPage).toContain('Decision');
    expect(firstPage).not.toContain('Beslutet');
  });

  it('prints a draft marking on every page beside the secrecy marking, and none without one', async () => {
    const marking = 'UTKAST – inte ett fattat beslut';
    const pages = (
      await extractPdfText(await renderLetter({ ...otherRegion(), draftMarking: marking }))
    ).split('\f');
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      expect(flat(page)).toContain(marking);
      expect(flat(page)).toContain('SEKRETESS 30 kap. 23 § OSL');
    }
    expect(await extractPdfText(await renderLetter(otherRegion()))).not.toContain('UTKAST');
  });

  it('has no region names or letter wording in the renderer’s code', () => {
    const code = readdirSync(__dirname)
      .filter(
        (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && f !== 'fixtures.ts' && f !== 'letter-model.ts',
      )
      .map((f) => readFileSync(join(__dirname, f), 'utf8'))
      .join('\n')
      .replace(/\/\*[\s\S]*?\*\//g, '') // comments may name the letter's parts
      .replace(/\/\/.*$/gm, '');
    for (const word of ['Örebro', 'Region ', 'Beslutet', 'Sida', 'kommun'])
      expect([word, code.includes(word)]).toEqual([word, false]);
  });
});

describe('renderLetter: a budget table longer than a page', () => {
  it('goes on on the next page under a repeated header row, no row split', async () => {
    const mind = mindLetterModel();
    const rows = Array.from({ length: 70 }, (_, i) => ({
      label: `Medfinansiär ${i + 1}`,
      amounts: [1_000 + i, 2_000],
    }));
    const model: LetterModel = {
      ...mind,
      budget: {
        years: [2019, 2020],
        tables: [
          {
            heading: 'Finansiär',
            groups: [{ label: 'Offentlig finansiär', rows }],
            totalLabel: 'Summa finansiering',
          },
        ],
      },
    };
    const pages = (await extractPdfText(await renderLetter(model))).split('\f').map((p) => p.split('\n'));
    const withRows = pages.filter((p) => p.some((l) => l.startsWith('Medfinansiär ')));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const page of withRows) {
      const header = page.indexOf('Finansiär 2019 2020 Totalt');
      const firstRow = page.findIndex((l) => l.startsWith('Medfinansiär '));
      expect(header).toBeGreaterThanOrEqual(0);
      expect(header).toBeLessThan(firstRow);
    }
    const printed = pages.flat().filter((l) => l.startsWith('Medfinansiär '));
    expect(printed).toHaveLength(70);
    expect(printed[69].replace(/\u00a0/g, ' ')).toBe('Medfinansiär 70 1 069 2 000 3 069');
    expect(flat(pages.flat().join('\n'))).toContain('Summa finansiering 72 415 140 000 212 415');
  });
});

describe('renderLetter: model checks', () => {
  it('refuses a date that is not YYYY-MM-DD', async () => {
    await expect(renderLetter({ ...mindLetterModel(), date: '2019-02-30' })).rejects.toThrow(
      LetterModelError,
    );
    await expect(renderLetter({ ...mindLetterModel(), date: '18/11/2019' })).rejects.toThrow(
      LetterModelError,
    );
  });

  it('refuses a budget row with the wrong number of years, or amounts that are not whole kronor', async () => {
    const mind = mindLetterModel();
    const bad = (amounts: (number | null)[]): LetterModel => ({
      ...mind,
      budget: {
        years: [2019, 2020],
        tables: [{ heading: 'X', groups: [{ rows: [{ label: 'r', amounts }] }], totalLabel: null }],
      },
    });
    await expect(renderLetter(bad([1]))).rejects.toThrow(LetterModelError);
    await expect(renderLetter(bad([1.5, 2]))).rejects.toThrow('hela kronor');
  });
});
