import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@anslag/auth';
import { DemoLoader, loadDemoData } from '@anslag/demo';
import {
  buildDecisionLetterModel,
  DecisionLetterJob,
  LetterDataLoader,
  LetterNotReadyError,
  type LetterInput,
} from '@anslag/letters';
import { formatKronor, formatShare } from '@anslag/money';
import type { LetterModel } from '../libs/letters/src/render';
import { renderLetter } from '../libs/letters/src/render';
import type { RuleSet } from '@anslag/rules';
import {
  CaseFlow,
  createOrganisation,
  createTestApp,
  createUser,
  ensureReferenceData,
  mindLikeProject,
  PrivateDatabase,
  type TestUser,
} from '@anslag/testing';
import ruleSet2019 from '../libs/demo/data/inriktningsbeslut-2019.json';
import {
  codeLikeTokens,
  pdfMetadata,
  pdfToText,
  repeatedSentences,
  textLayerDifference,
} from './letter-text';

/**
 * Every letter says what was decided, in words a reader can get out of the PDF: the demo's 25 decisions
 * and one decision of each outcome, track and aid form built through the API, each rendered and checked.
 */
jest.setTimeout(180_000);

const flat = (s: string) => s.replace(/[\s\u00a0]+/g, ' ');

interface Expect {
  outcome: 'bifall' | 'delvis_bifall' | 'avslag';
  track: 'projekt' | 'foretagsstod';
  grounds?: string | null;
}

/** The checks every letter must pass; returns the letter's text for further checks. */
async function checkLetter(model: LetterModel, input: LetterInput, e: Expect): Promise<string> {
  const pdf = await renderLetter(model);
  const extracted = pdfToText(pdf);
  expect(textLayerDifference(model, extracted)).toBeNull();
  const text = flat(extracted);
  // Read in pdftotext's reading order too, every signer's name and title is whole ("Områdeschef").
  const reading = flat(pdfToText(pdf, 'reading'));
  for (const s of model.signatures.signatories) {
    expect(reading).toContain(flat(s.name));
    if (s.title) expect(reading).toContain(flat(s.title));
  }
  expect(codeLikeTokens(text)).toEqual([]);
  expect(repeatedSentences(model)).toEqual([]);
  const d = input.decision;
  if (e.outcome !== 'avslag') {
    const amount = flat(formatKronor(d.amount!));
    if (e.track === 'projekt') {
      expect(text).toContain(
        `beviljas ${flat(formatShare(d.shareBp!))} av projektets bokförda kostnader, dock högst ${amount}`,
      );
    } else {
      expect(text).toMatch(
        new RegExp(
          `beviljas stöd med högst ${amount}, vilket är \\d+(,\\d+)? % av godkända kostnader [\\d ]+ kr`,
        ),
      );
    }
  }
  if (e.outcome !== 'bifall' && e.grounds) expect(text).toContain(flat(e.grounds));
  // The year and § come from the rule set the case was assessed under (2019, 2018-11-28 § 83).
  for (const year of text.matchAll(/inriktningsbeslutet för (\d{4})|För (\d{4}) har/g))
    expect(year[1] ?? year[2]).toBe('2019');
  if (e.track === 'projekt' && e.outcome !== 'avslag') expect(text).toContain('(2018-11-28 § 83)');
  // The route's legal basis only: de minimis or the GBER, never both.
  const deMinimis = /mindre betydelse/.test(text);
  if (deMinimis) expect(text).not.toContain('651/2014');
  if (/651\/2014/.test(text)) expect(deMinimis).toBe(false);
  expect(text).not.toContain('bidrag till projektverksamhet');
  return text;
}

describe('the demo’s 25 decision letters', () => {
  let db: PrivateDatabase;
  let app: NestFastifyApplication;
  let ds: DataSource;
  let http: ReturnType<typeof request>;
  const letters = new Map<string, { model: LetterModel; input: LetterInput; text: string }>();

  beforeAll(async () => {
    // A database of the suite's own: the demo's fixed organisation numbers and rule set, loaded once.
    db = await PrivateDatabase.use();
    app = await createTestApp();
    ds = app.get(DataSource);
    http = request(app.getHttpServer());
    await new DemoLoader(ds).load(loadDemoData(), 'demo-test');
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('renders every one and checks its text, amounts, grounds, year, legal basis and appeal', async () => {
    const rows = (await ds.query(
      `SELECT d.id, c.diarienummer, c.track, d.outcome, d.decided_by_namnd
         FROM decision d JOIN grant_case c ON c.id = d.case_id WHERE d.status = 'signerat'
        ORDER BY c.diarienummer`,
    )) as {
      id: string;
      diarienummer: string;
      track: Expect['track'];
      outcome: Expect['outcome'];
      decided_by_namnd: boolean;
    }[];
    expect(rows).toHaveLength(25);
    const loader = new LetterDataLoader(ds);
    for (const r of rows) {
      if (r.decided_by_namnd) {
        // PAN: the nämnd's own decision; the seeds hold no protocol, so its letter waits for the §
        // until the secretariat records it.
        await expect(loader.load(r.id)).rejects.toBeInstanceOf(LetterNotReadyError);
        const waiting = await new DecisionLetterJob(ds).run(r.id, false);
        expect(waiting).toEqual({ outcome: 'waiting' });
        const [row] = await ds.query(
          `SELECT status, last_error FROM decision_letter WHERE decision_id = $1`,
          [r.id],
        );
        expect(row.status).toBe('queued');
        expect(row.last_error).toContain('väntar på att protokollets paragraf');
        const officer = await createUser(app, [Role.handlaggare]);
        const secretary = await createUser(app, [Role.namndsekreterare]);
        const path = `/api/decisions/${r.id}/namnd/paragraph`;
        expect(
          (await http.post(path).set(officer.auth).send({ paragraph: '§ 4' }).expect(403)).body.code,
        ).toBe('FORBIDDEN');
        const blank = await http.post(path).set(secretary.auth).send({ paragraph: ' ' }).expect(400);
        expect(blank.body.details).toEqual([expect.objectContaining({ field: 'paragraph' })]);
        await ds.query(`UPDATE outbox SET relayed_at = now() WHERE aggregate_id = $1`, [r.id]);
        const rec = await http.post(path).set(secretary.auth).send({ paragraph: '§ 4' }).expect(201);
        expect(rec.body.namndParagraph).toBe('§ 4');
        await http.post(path).set(secretary.auth).send({ paragraph: '§ 5' }).expect(409);
        const [outbox] = await ds.query(`SELECT relayed_at FROM outbox WHERE aggregate_id = $1`, [r.id]);
        expect(outbox.relayed_at).toBeNull(); // the letter is asked for again
        // Every other column of the signed decision stays immutable.
        await expect(ds.query(`UPDATE decision SET amount = 1 WHERE id = $1`, [r.id])).rejects.toThrow(
          'immutable',
        );
      }
      const input = await loader.load(r.id);
      const model = buildDecisionLetterModel(input);
      const grounds = r.outcome === 'avslag' ? input.decision.reasons?.text : null;
      const text = await checkLetter(model, input, { outcome: r.outcome, track: r.track, grounds });
      letters.set(r.diarienummer ?? r.id, { model, input, text });
    }
    expect(letters.size).toBe(25);
  });

  it('finds a letter missing from the text layer (the check can fail)', async () => {
    const { model } = letters.get('19RS8649')!;
    const extracted = pdfToText(await renderLetter(model));
    expect(extracted).toContain('Områdeschef');
    expect(textLayerDifference(model, extracted)).toBeNull();
    expect(textLayerDifference(model, extracted.replace('Områdeschef', 'mrådeschef'))).toMatch(
      /Områdeschef|mrådeschef/,
    );
    expect(textLayerDifference(model, `${extracted}extra`)).not.toBeNull();
  });

  it('states what the company letters grant: 19RS8649 konsultcheck 34 200 kr and 19RS8586 mikrobidrag 18 000 kr', () => {
    expect(letters.get('19RS8649')!.text).toContain(
      'Samflex AB beviljas stöd med högst 34 200 kr, vilket är 50 % av godkända kostnader 68 400 kr.',
    );
    const mikro = letters.get('19RS8586')!.text;
    expect(mikro).toMatch(
      /beviljas stöd med högst 18 000 kr, vilket är 50 % av godkända kostnader 36 000 kr\./,
    );
    // Company conditions, not the project conditions.
    expect(mikro).toContain('Stödet betalas ut i efterhand mot redovisade och betalda kostnader.');
    expect(mikro).toContain('Slutredovisning ska ha kommit in till Region Örebro län senast');
    expect(mikro).toContain('ska finnas kvar i verksamheten i minst tre år');
    expect(mikro).not.toContain('projektets budget är fullt finansierad');
    expect(mikro).not.toContain('medfinansierar projektet');
  });

  it('gives the de minimis notice of art. 6 with the regulation’s title, OJ reference, kronor and euro', () => {
    const { text, input } = letters.get('19RS8649')!;
    expect(input.decision.deMinimisEur).toBeGreaterThan(0);
    expect(text).toContain(
      'Stödet är ett stöd av mindre betydelse (de minimis-stöd) enligt Kommissionens förordning (EU) nr 1407/2013 av den 18 december 2013',
    );
    expect(text).toContain('(EUT L 352, 24.12.2013, s. 1)');
    const rate = input.decision.deMinimisRateOre!;
    expect(rate).toBeGreaterThan(0);
    expect(text).toContain(
      `Stödet uppgår till 34 200 kr, vilket motsvarar ${flat(formatKronor(input.decision.deMinimisEur!, { unit: false }))} euro omräknat efter kursen ${Math.trunc(rate / 100)},${String(rate % 100).padStart(2, '0')} kr per euro.`,
    );
    // The euro figure kept with the decision is the kronor at that rate (rounded up).
    expect(input.decision.deMinimisEur).toBe(Math.ceil((34_200 * 100) / rate));
    // Kommersiell service under 2000:284 gives the notice that 9 b § asks for.
    const service = [...letters.values()].filter((l) =>
      l.input.decision.legalBasis.some((b) => b.code === 'SFS 2000:284'),
    );
    expect(service.filter((l) => l.input.decision.deMinimisEur).length).toBeGreaterThan(0);
    for (const l of service.filter((x) => x.input.decision.deMinimisEur))
      expect(l.text).toContain(
        'Uppgiften lämnas enligt 9 b § förordningen (2000:284) om stöd till kommersiell service.',
      );
    // The appropriation by its name on the decision date.
    expect(letters.get('19RS9282')!.text).toContain('det statliga anslaget 1:1 regionala tillväxtåtgärder');
    expect(text).toContain('den som ansöker om annat stöd av mindre betydelse ska uppge detta stöd');
    // One basis per route: 2015:210 with 1407/2013, not also GBER art. 18.
    expect(input.decision.legalBasis.map((b) => b.code)).toEqual(['SFS 2015:210', '(EU) nr 1407/2013']);
  });

  it('states the seeded refusal’s grounds (condition, provision, facts), not the report’s category', () => {
    const refused = [...letters.values()].filter((l) => l.input.decision.outcome === 'avslag');
    expect(refused).toHaveLength(1);
    const { text, input } = refused[0];
    expect(input.decision.rejectionGrounds).toBe('Uppfyller ej villkor');
    expect(text).not.toContain('Uppfyller ej villkor');
    expect(text).toContain('förordning (2000:284) om stöd till kommersiell service');
    expect(text).toContain('kommunens planering av varuförsörjningen');
    expect(text).toContain('normala driftskostnader');
  });

  it('applies one appeal route per legal basis, to the nämnd’s and delegated decisions alike', () => {
    const pan = [...letters.values()].find((l) => l.input.decision.decidedByNamnd)!;
    const mind = letters.get('19RS9282')!;
    const prohibition =
      'Beslutet får enligt förordning (2003:596) om bidrag för projektverksamhet inom den regionala tillväxtpolitiken inte överklagas.';
    expect(pan.text).toContain(prohibition);
    expect(mind.text).toContain(prohibition);
    expect(pan.text).not.toContain('laglighetsprövning');
    expect(pan.text).toContain('Beslut av Regional tillväxtnämnd 2020-01-22 § 4.');
    expect(mind.text).not.toContain('Beslut av Regional tillväxtnämnd');
    expect(letters.get('19RS8649')!.text).toContain(
      'Beslutet kan överklagas hos allmän förvaltningsdomstol enligt förordning (2015:210)',
    );
  });

  it('writes to Kottaberget’s corrected address, the seed’s printed form kept in the data', () => {
    const kotta = letters.get('19RS9565')!;
    expect(kotta.model.addressee.addressLines).toEqual(['Tingshuset', '713 80 Nora']);
    const nora = loadDemoData().organisations.find((o) => o.name === 'Nora kommun') as unknown as {
      postalAddressAsPrinted: { postalTown: string };
    };
    expect(nora.postalAddressAsPrinted.postalTown).toBe('Örebro');
  });

  it('keeps the MIND signatures on the page of the last table', () => {
    const { text } = letters.get('19RS9282')!;
    const lastPage = text
      .split('\f')
      .filter((p) => p.trim() !== '')
      .pop()!;
    expect(lastPage).toContain('Möckelnföretagen');
    expect(lastPage).toContain('Petter Arneback');
  });

  it('makes archival, tagged PDFs in Swedish with the title in the metadata', async () => {
    const { model } = letters.get('19RS9282')!;
    const meta = pdfMetadata(await renderLetter(model));
    expect(meta).toMatchObject({
      version: '1.7',
      lang: 'sv-SE',
      marked: true,
      structTreeRoot: true,
      displayDocTitle: true,
      pdfaPart: '2',
      pdfaConformance: 'B',
      outputIntent: true,
      xmpTitle: model.title,
    });
    expect(meta.structTypes[0]).toBe('P');
    expect(new Set(meta.structTypes)).toEqual(new Set(['Document', 'P', 'H1', 'H2', 'H3', 'Lbl']));
  });

  it('keeps the region’s settings and rule sets between letters until they change, then reads them again', async () => {
    const [a, b] = (await ds.query(
      `SELECT d.id FROM decision d JOIN grant_case c ON c.id = d.case_id
        WHERE c.diarienummer IN ('19RS9282', '19RS8649') ORDER BY c.diarienummer`,
    )) as { id: string }[];
    const loader = new LetterDataLoader(ds);
    const first = await loader.load(a.id);
    const second = await loader.load(b.id);
    // Held, not read and parsed again, and shared read-only: no letter can change another's settings.
    expect(second.templates).toBe(first.templates);
    expect(second.region).toBe(first.region);
    expect(Object.isFrozen(first.region.postalAddress)).toBe(true);
    expect((await loader.load(a.id)).ruleSet).toBe(first.ruleSet);
    expect(first.ruleSet).toEqual(expect.objectContaining({ year: 2019, paragraph: '§ 83' }));

    const [{ value }] = await ds.query(`SELECT value FROM region_setting WHERE key = 'region'`);
    await ds.query(`UPDATE region_setting SET value = $1 WHERE key = 'region'`, [
      { ...value, name: 'Region Provlän' },
    ]);
    try {
      const changed = await loader.load(a.id);
      expect(changed.region.name).toBe('Region Provlän');
      expect(changed.templates).not.toBe(first.templates);
      expect(changed.templates).toEqual(first.templates);
      expect(changed.ruleSet).toEqual(first.ruleSet);
      // A job's loader too: the letter stored after the change names the region as it is now.
      const job = new DecisionLetterJob(ds);
      await ds.query(`UPDATE decision_letter SET status = 'queued' WHERE decision_id = $1`, [b.id]);
      expect(await job.run(b.id, true)).toEqual(expect.objectContaining({ outcome: 'stored' }));
      const [{ pdf }] = await ds.query(`SELECT pdf FROM decision_letter WHERE decision_id = $1`, [b.id]);
      expect(flat(pdfToText(pdf))).toContain('Region Provlän');
    } finally {
      await ds.query(`UPDATE region_setting SET value = $1 WHERE key = 'region'`, [value]);
    }
  });
});

describe('letters of decisions built through the API: each outcome × track × aid form', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let http: ReturnType<typeof request>;
  let officer: TestUser;
  let decider32: TestUser;
  let decider33: TestUser;
  let flow: CaseFlow;
  const rules = ruleSet2019 as unknown as RuleSet;
  const outcomes = ['bifall', 'delvis_bifall', 'avslag'] as const;
  const grounds = (what: string) =>
    `Villkoret om stödberättigande kostnader i inriktningsbeslutet är inte uppfyllt för ${what}: kostnaden för den begagnade utrustningen är inte styrkt med offert.`;

  let db: PrivateDatabase;

  beforeAll(async () => {
    // A database of the suite's own, so that suites counting rows of the shared one are not disturbed.
    db = await PrivateDatabase.use();
    app = await createTestApp();
    ds = app.get(DataSource);
    http = request(app.getHttpServer());
    await ensureReferenceData(ds);
    officer = await createUser(app, [Role.handlaggare]);
    decider32 = await createUser(app, [Role.beslutsfattare], [], ['3.2']);
    decider33 = await createUser(app, [Role.beslutsfattare], [], ['3.3']);
    flow = new CaseFlow(app, { officer });
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  const takeUp = (applicant: TestUser, body: object): Promise<string> => flow.assessed(applicant, body);

  async function decide(
    caseId: string,
    outcome: Expect['outcome'],
    signer: TestUser,
    fields: object,
  ): Promise<string> {
    const draft = await flow.draft(caseId, { outcome, ...fields });
    await flow.sign(draft.id, signer, { overrideReason: 'Provbeslut för brevkontroll' });
    return draft.id;
  }

  async function letterOf(
    decisionId: string,
  ): Promise<{ model: LetterModel; input: LetterInput; pdf: Buffer }> {
    const input = await new LetterDataLoader(ds).load(decisionId);
    const model = buildDecisionLetterModel(input);
    await new DecisionLetterJob(ds).run(decisionId, true);
    const pdf = (
      await http
        .get(`/api/decisions/${decisionId}/letter`)
        .set(officer.auth)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200)
    ).body as Buffer;
    return { model, input, pdf };
  }

  it('writes every project outcome with its share, cap, grounds and the 2019 rule set', async () => {
    for (const outcome of outcomes) {
      const org = await createOrganisation(ds, {});
      const applicant = await createUser(app, [Role.sokande], [org.id]);
      const id = await takeUp(applicant, mindLikeProject(org.id));
      const fields =
        outcome === 'bifall'
          ? { shareBp: 5000 }
          : outcome === 'delvis_bifall'
            ? {
                shareBp: 4000,
                amount: 200_000,
                financing: [
                  {
                    source: 'region_1_1',
                    label: 'Regionalt utvecklingsstöd - statligt stöd',
                    amount: 200_000,
                  },
                ],
                rejectionGrounds: grounds('projektets resor'),
              }
            : { rejectionGrounds: grounds('projektets resor') };
      const decisionId = await decide(id, outcome, decider32, fields);
      const { model, input, pdf } = await letterOf(decisionId);
      const text = await checkLetter(model, input, {
        outcome,
        track: 'projekt',
        grounds: outcome === 'bifall' ? null : grounds('projektets resor'),
      });
      expect(flat(pdfToText(pdf))).toBe(flat(pdfToText(await renderLetter(model))));
      // Budget rows named from the catalogue, never by their codes.
      if (outcome !== 'avslag') {
        expect(text).toContain('Egen personal');
        expect(text).toContain('Regionen 1:1');
      }
      // A decision of today under the 2019 rule set, extended: the letter says which, not "För <this year>".
      if (outcome !== 'avslag') {
        expect(text).toContain('för 2019 (2018-11-28 § 83)');
        // The appropriation under its name on the decision date (from 2023, att bekräfta).
        expect(text).toContain('det statliga anslaget 1:1 regionala utvecklingsåtgärder');
      }
      expect(text).toContain('inte överklagas');
    }
  });

  it('writes every company outcome for every aid form with amount, share, conditions, notice and grounds', async () => {
    const forms = Object.values(rules.aidForms);
    expect(forms.length).toBeGreaterThanOrEqual(5);
    for (const form of forms) {
      for (const outcome of outcomes) {
        const org = await createOrganisation(ds, {
          inTatort: false,
          employees: 3,
          fteHundredths: 250,
          runBy: 'kvinnor',
          kommunCode: '1885',
        });
        const applicant = await createUser(app, [Role.sokande], [org.id]);
        const sub = form.subforms ? Object.values(form.subforms)[0] : undefined;
        const costType = sub?.eligibleCostTypes?.[0] ?? form.eligibleCostTypes?.[0] ?? 'consultancy';
        const id = await takeUp(applicant, {
          track: 'foretagsstod',
          organisationId: org.id,
          title: `Prov ${form.name}`,
          aidForm: form.code,
          ...(sub ? { aidSubform: sub.code } : {}),
          amountApplied: 20_000,
          costLines: [{ description: 'Utrustning', costType, amount: 80_000 }],
          plannedStart: '2030-01-01',
          collectiveAgreement: true,
        });
        const fields =
          outcome === 'bifall'
            ? { amount: 20_000 }
            : outcome === 'delvis_bifall'
              ? { amount: 12_000, rejectionGrounds: grounds(form.name) }
              : { rejectionGrounds: grounds(form.name) };
        const decisionId = await decide(id, outcome, decider33, fields);
        const { model, input } = await letterOf(decisionId);
        const text = await checkLetter(model, input, {
          outcome,
          track: 'foretagsstod',
          grounds: outcome === 'bifall' ? null : grounds(form.name),
        });
        if (outcome === 'avslag') continue;
        expect(text).toContain('Stödet betalas ut i efterhand mot redovisade och betalda kostnader.');
        // Under 2022:1468 and 2022:1467 (from 2023) their own conditions apply.
        const national = input.decision.legalBasis.find((b) => b.kind === 'national')?.code;
        if (national === 'SFS 2022:1468' || national === 'SFS 2022:1467')
          expect(text).toContain('lägst motsvarar kollektivavtal');
        if (input.decision.deMinimisEur) {
          expect(text).toContain('(EUT L, 2023/2831, 15.12.2023)');
          expect(text).toContain(`${flat(formatKronor(input.decision.deMinimisEur, { unit: false }))} euro`);
        }
      }
    }
  });
});
