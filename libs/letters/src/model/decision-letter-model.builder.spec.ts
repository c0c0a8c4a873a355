import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { extractPdfText, type LetterModel, LetterModelError, renderLetter } from '../render';
import { buildDecisionLetterModel } from './decision-letter-model.builder';
import { demoLetterInput, readDemoFiles } from './demo-letter-input';
import type { LetterInput } from './letter-input';

const files = readDemoFiles(join(__dirname, '..', '..', '..', 'demo', 'data'));

/** The PDF's text with line breaks and non-breaking spaces as plain spaces. */
async function pdfText(model: LetterModel): Promise<string> {
  return (await extractPdfText(await renderLetter(model))).replace(/[\s\u00a0]+/g, ' ');
}

function inOrder(text: string, parts: readonly string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect({ part, found: at >= 0 }).toEqual({ part, found: true });
    from = at + part.length;
  }
}

describe('DecisionLetterModelBuilder: MIND (19RS9282)', () => {
  const input = demoLetterInput(files, 'mind');
  const model = buildDecisionLetterModel(input);
  let text: string;
  beforeAll(async () => {
    text = await pdfText(model);
  });

  it('states the share, the cap and the dates as the real letter does', () => {
    expect(text).toContain(
      'Alfred Nobel Science Park beviljas 90 % av projektets bokförda kostnader, dock högst 432 000 kr, ' +
        'för genomförande av projekt MIND – Matrix for Industrial Network Development.',
    );
    expect(text).toContain('Alfred Nobel Science Park ansöker om 432 000 kr för projekt MIND');
    expect(text).toContain('Ansökan avser perioden 2019-11-20—2020-05-30.');
    expect(text).toContain('Projektet får påbörjas tidigast 2019-11-20 och avslutas senast 2020-05-30.');
    expect(text).toContain('Regional utveckling, Lena Kihl 2019-11-18 19RS9282');
    expect(text).toContain('Alfred Nobel Science Park AB Fakultetsgatan 1 702 81 Örebro');
  });

  it('splits the financing frame per source: 232 000 and 200 000', () => {
    expect(model.decision[2]).toEqual({
      text: 'Finansiering sker inom ramen för:',
      sources: [
        { label: 'Regionalt utvecklingsstöd - statligt stöd', amount: 232_000 },
        { label: 'Regional utveckling rambudgetmedel', amount: 200_000 },
      ],
    });
    expect(text).toContain('Regionalt utvecklingsstöd - statligt stöd 232 000 kr');
    expect(text).toContain('Regional utveckling rambudgetmedel 200 000 kr');
  });

  it('lists the three standard conditions under the region genitive', () => {
    expect(model.conditions?.intro).toBe('Följande villkor gäller för Region Örebro läns beslut:');
    expect(model.conditions?.items).toHaveLength(3);
    expect(text).toContain('Beslutet gäller under förutsättning att projektets budget är fullt finansierad.');
    expect(text).toContain('ska det framgå att Region Örebro län medfinansierar projektet.');
    expect(text).toContain('I övrigt gäller Region Örebro läns Allmänna villkor för medfinansiering');
  });

  it('gives the reasons with the RUS area, the effektmål and the rank quote', () => {
    expect(text).toContain(
      'prioriterade område Innovationskraft och specialisering och bidrar till att nå målet om ökad tillväxt i näringslivet.',
    );
    expect(text).toContain('(2018-11-28 § 83)');
    expect(text).toContain('rangordningen ”2b. Ansökningar inom prioriterade områden Innovationskraft');
  });

  it('prints the budget per year with the totals 484 000', () => {
    expect(model.budget?.years).toEqual([2019, 2020]);
    expect(text).toContain('Summa bokförda kostnader 63 000 421 000 484 000');
    expect(text).toContain('Summa finansiering 63 000 421 000 484 000');
    expect(text).toContain('Region Örebro län 1:1 25 000 207 000 232 000');
    expect(text).toContain('Örebro kommun 16 000 16 000');
    expect(text).toContain('Möckelnföretagen 20 000 40 000 60 000');
  });

  it('keeps the parts in the order of the real letter', () => {
    inOrder(text, [
      'Medfinansiering av projekt MIND',
      'ansöker om',
      'Beslutet',
      'beviljas 90 %',
      'Följande villkor',
      'Sammanfattning',
      'Förstudien ska ta fram en matris',
      'Skäl till beslut',
      'Beskrivning av ärendet',
      'Bakgrund',
      'Projektmål',
      'Kostnads- och finansieringsbudget',
      'Bokförda kostnader',
      'Finansiär',
      'Offentlig finansiär',
      'Direktfinansierade kostnader (in natura)',
      'För Region Örebro län',
      'Petter Arneback',
      'Niklas Lundgren',
    ]);
  });

  it('says that the decision may not be appealed, naming its legal basis', () => {
    expect(model.appeal).toEqual([
      'Beslutet får enligt förordning (2003:596) om bidrag för projektverksamhet inom den regionala tillväxtpolitiken inte överklagas.',
    ]);
  });

  it('gives the same bytes for the same decision', async () => {
    const a = await renderLetter(buildDecisionLetterModel(input));
    const b = await renderLetter(buildDecisionLetterModel(demoLetterInput(files, 'mind')));
    expect(createHash('sha256').update(a).digest('hex')).toBe(createHash('sha256').update(b).digest('hex'));
  });
});

describe('DecisionLetterModelBuilder: Kottaberget (19RS9565)', () => {
  const model = buildDecisionLetterModel(demoLetterInput(files, 'kottaberget'));
  let text: string;
  beforeAll(async () => {
    text = await pdfText(model);
  });

  it('names one source in the sentence when the money is not split', () => {
    expect(model.decision[2]).toEqual({
      text: 'Finansiering sker inom ramen för regionalt utvecklingsstöd - statligt stöd.',
    });
    expect(text).toContain(
      'Nora kommun beviljas 15 % av projektets bokförda kostnader, dock högst 137 725 kr, för genomförande av projekt Cykelområde Kottaberget',
    );
    expect(text).toContain('Projektet får påbörjas tidigast 2019-12-01 och avslutas senast 2020-10-30.');
  });

  it('joins two effektmål and adds the officer’s further reasons', () => {
    expect(text).toContain('målen om ökad entreprenöriell aktivitet samt ökad tillväxt i näringslivet.');
    expect(text).toContain('Projektet finansieras också av Tillväxtverket.');
  });

  it('prints the list of goals as bullets and the totals 918 163', () => {
    const goals = model.description.find((s) => s.heading === 'Övergripande mål');
    expect(goals?.blocks[1]).toEqual(
      expect.objectContaining({
        bullets: expect.arrayContaining(['skapa fler starka besöksnäringsföretag']),
      }),
    );
    expect(text).toContain('Summa bokförda kostnader 117 013 801 150 918 163');
    expect(text).toContain('Summa finansiering 117 013 801 150 918 163');
    expect(model.budget?.tables.map((t) => t.heading)).toEqual(['Bokförda kostnader', 'Finansiär']);
    expect(text).toContain('Eva Getzman');
  });
});

describe('DecisionLetterModelBuilder: rejections, appeal and templates as data', () => {
  const mind = demoLetterInput(files, 'mind');
  const rejection: LetterInput = {
    ...mind,
    decision: {
      ...mind.decision,
      outcome: 'avslag',
      amount: null,
      shareBp: null,
      financing: [],
      rejectionGrounds: 'Projektet avgränsas inte från den ordinarie verksamheten.',
      // No legal basis with an appeal route: the region profile's text for an appealable decision.
      legalBasis: [],
      appealable: true,
    },
  };

  it('writes a rejection with its grounds, no conditions, and how to appeal', async () => {
    const model = buildDecisionLetterModel(rejection);
    expect(model.outcome).toBe('avslag');
    expect(model.decision).toEqual([
      {
        text: 'Region Örebro län avslår ansökan från Alfred Nobel Science Park om medfinansiering av projekt MIND – Matrix for Industrial Network Development.',
      },
    ]);
    expect(model.conditions).toBeNull();
    expect(model.budget).toBeNull();
    expect(model.reasons).toEqual(['Projektet avgränsas inte från den ordinarie verksamheten.']);
    const text = await pdfText(model);
    inOrder(text, [
      'Beslutet',
      'avslår ansökan',
      'Skäl till beslut',
      'avgränsas inte',
      'Hur man överklagar',
      'förvaltningsrätten',
    ]);
    expect(text).toContain('Ange vilket beslut som överklagas (19RS9282)');
  });

  it('applies the legal basis’ appeal route alike to the nämnd’s own and delegated decisions, and names the nämnd’s decision', () => {
    const delegated = buildDecisionLetterModel(mind);
    const byNamnd = buildDecisionLetterModel({
      ...mind,
      decision: {
        ...mind.decision,
        decidedByNamnd: true,
        namnd: { committee: 'Regional tillväxtnämnd', meetingDate: '2020-01-22', paragraph: '§ 4' },
      },
    });
    expect(byNamnd.appeal).toEqual(delegated.appeal);
    expect(byNamnd.appeal?.[0]).toEqual(expect.stringContaining('inte överklagas'));
    expect(byNamnd.decision[0]).toEqual({ text: 'Beslut av Regional tillväxtnämnd 2020-01-22 § 4.' });
    expect(delegated.decision.map((d) => d.text)).not.toContainEqual(expect.stringContaining('Beslut av'));
  });

  it('gives förvaltningsbesvär under the ordinance where the legal basis allows an appeal', () => {
    const model = buildDecisionLetterModel({
      ...mind,
      decision: {
        ...mind.decision,
        legalBasis: [
          {
            code: 'SFS 2015:210',
            kind: 'national',
            title:
              'Förordning (2015:210) om statligt stöd för att regionalt främja små och medelstora företag',
          },
        ],
      },
    });
    expect(model.appeal?.[0]).toEqual(
      expect.stringContaining(
        'Beslutet kan överklagas hos allmän förvaltningsdomstol enligt förordning (2015:210) om statligt stöd för att regionalt främja små och medelstora företag och 40–44 §§ förvaltningslagen (2017:900).',
      ),
    );
  });

  it('takes every word about the region from its settings', () => {
    const other: LetterInput = {
      ...mind,
      region: {
        ...mind.region,
        name: 'Region Exempel',
        nameGenitive: 'Region Exempels',
        postalAddress: { lines: ['Box 1'], postalCode: '111 11', postalTown: 'Exempelstad' },
        letterhead: { tjanstestalle: 'Tillväxt' },
      },
      templates: { ...mind.templates, signatureLine: undefined, standardConditions: ['Villkor ett.'] },
    };
    const model = buildDecisionLetterModel(other);
    expect(model.region).toEqual(
      expect.objectContaining({
        name: 'Region Exempel',
        organ: 'Tillväxt',
        postalAddress: ['Region Exempel', 'Box 1', '111 11 Exempelstad'],
      }),
    );
    expect(model.signatures.onBehalfOf).toBe('För Region Exempel');
    expect(model.conditions).toEqual({
      intro: 'Följande villkor gäller för Region Exempels beslut:',
      items: ['Villkor ett.'],
    });
  });

  it('follows a template an admin changed: a heading renamed, a section left out', () => {
    const projekt = mind.templates.templates.find((t) => t.code === 'projekt_bifall')!;
    const changed = {
      ...projekt,
      blocks: projekt.blocks
        .filter((b) => !(b.text ?? '').includes('{{sammanfattning}}') && b.heading !== 'Sammanfattning')
        .map((b) => (b.heading === 'Skäl till beslut' ? { ...b, heading: 'Motivering' } : b)),
    };
    const model = buildDecisionLetterModel({
      ...mind,
      templates: {
        ...mind.templates,
        templates: [changed, ...mind.templates.templates.filter((t) => t !== projekt)],
      },
    });
    expect(model.summary).toEqual([]);
    expect(model.labels.reasons).toBe('Motivering');
  });

  it('refuses a template with a placeholder it does not know, and a grant without an amount', () => {
    const projekt = mind.templates.templates.find((t) => t.code === 'projekt_bifall')!;
    const broken = {
      ...projekt,
      blocks: [...projekt.blocks, { kind: 'paragraph' as const, text: '{{finnsInte}}' }],
    };
    expect(() =>
      buildDecisionLetterModel({ ...mind, templates: { ...mind.templates, templates: [broken] } }),
    ).toThrow(LetterModelError);
    expect(() => buildDecisionLetterModel({ ...mind, decision: { ...mind.decision, amount: null } })).toThrow(
      LetterModelError,
    );
  });
});
