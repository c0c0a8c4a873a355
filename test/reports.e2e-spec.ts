import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@anslag/auth';
import {
  createOrganisation,
  createTestApp,
  createUser,
  ensureReferenceData,
  type TestUser,
} from '@anslag/testing';
import { extractPdfText } from '../libs/letters/src/render/extract-text';
import { ensureAidForms, insertDelegationPoint, insertSignedDecision } from '../libs/reports/src/testing';

/**
 * The delegation report and the follow-up figures through HTTP, on rows this suite inserts in years no
 * other suite uses (2031–2033), with its own delegation points (9.2, 9.3) and aid forms.
 */
const REPORT = '/api/reports/delegation-decisions';
const FROM = '2031-03-01';
const TO = '2031-03-31';
const NBSP = '\u00a0';

/** supertest collects a binary answer into a Buffer. */
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('reports', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let http: ReturnType<typeof request>;
  let secretary: TestUser;
  let officer: TestUser;
  let decisionMaker: TestUser;
  let applicant: TestUser;
  const ids: Record<string, { caseId: string; decisionId: string; diarienummer: string | null }> = {};

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    http = request(app.getHttpServer());
    await ensureReferenceData(ds);
    await ensureAidForms(ds, [
      { code: 'rep_konsult', name: 'Konsulttjänst (test)' },
      { code: 'rep_service', name: 'Kommersiell service (test)' },
      { code: 'rep_drift', name: 'Kommersiell service/Driftstöd (test)', parent: 'rep_service' },
    ]);
    await insertDelegationPoint(ds, {
      point: '9.2',
      title: 'Beslut om regionala utvecklingsstöd',
      decisionMakerTitle: 'Förvaltningschef',
      validFrom: '2031-01-01',
      tracks: ['projekt'],
    });
    await insertDelegationPoint(ds, {
      point: '9.3',
      title: 'Beslut om företagsstöd',
      decisionMakerTitle: 'Områdeschef för näringslivsutveckling',
      validFrom: '2031-01-01',
    });
    secretary = await createUser(app, [Role.namndsekreterare]);
    officer = await createUser(app, [Role.handlaggare]);
    decisionMaker = await createUser(app, [Role.beslutsfattare]);
    const women = await createOrganisation(ds, {
      name: 'Kvinnobolaget AB',
      runBy: 'kvinnor',
      bransch: 'Apputveckling',
    });
    applicant = await createUser(app, [Role.sokande], [women.id]);
    const men = await createOrganisation(ds, {
      name: 'Mansbolaget AB',
      runBy: 'man',
      kommunCode: '1881',
      bransch: 'Livsmedelshandel',
    });
    const both = await createOrganisation(ds, { name: 'Båda AB', runBy: 'bada', bransch: 'Webbyrå' });
    const kommun = await createOrganisation(ds, {
      name: 'Lindesbergs kommun',
      runBy: null,
      legalForm: 'Kommun',
      kommunCode: '1885',
      bransch: null,
    });
    const unknown = await createOrganisation(ds, {
      name: 'Bolag; "Citat" AB',
      runBy: null,
      kommunCode: '1864',
      bransch: 'Tjänster inom återvinning',
    });

    const insert = (key: string, spec: Parameters<typeof insertSignedDecision>[1]) =>
      insertSignedDecision(ds, spec).then((r) => (ids[key] = r));
    await insert('A', {
      organisationId: women.id,
      decisionDate: '2031-03-05',
      delegationPoint: '9.3',
      aidForm: 'rep_konsult',
      amount: 34_200,
      signedByName: 'Kristina Test',
    });
    await insert('B', {
      organisationId: men.id,
      decisionDate: '2031-03-10',
      delegationPoint: '9.3',
      aidForm: 'rep_service/rep_drift',
      outcome: 'avslag',
      rejectionGrounds: 'Uppfyller ej villkor',
      nypsId: '214557',
      signedByName: 'Kristina Test',
    });
    await insert('C', {
      organisationId: both.id,
      decisionDate: '2031-03-02',
      delegationPoint: '9.3',
      aidForm: 'rep_konsult',
      amount: 100_000,
      signedByName: 'Kristina Test',
    });
    await insert('C2', {
      organisationId: both.id,
      decisionDate: '2031-03-20',
      delegationPoint: '9.3',
      aidForm: 'rep_konsult',
      amount: 80_000,
      amends: { decisionId: ids.C.decisionId, caseId: ids.C.caseId },
      signedByName: 'Kristina Test',
    });
    await insert('D', {
      organisationId: kommun.id,
      decisionDate: '2031-03-15',
      delegationPoint: '9.2',
      track: 'projekt',
      title: 'Hemsändning i norra länet',
      amount: 432_000,
      signedByName: 'Petra Direktör',
    });
    await insert('namnd', {
      organisationId: kommun.id,
      decisionDate: '2031-03-12',
      delegationPoint: null,
      track: 'projekt',
      amount: 1_675_505,
    });
    await insert('april', {
      organisationId: women.id,
      decisionDate: '2031-04-01',
      delegationPoint: '9.3',
      aidForm: 'rep_konsult',
      amount: 7_000,
    });
    await insert('G', {
      organisationId: unknown.id,
      decisionDate: '2031-03-31',
      delegationPoint: '9.3',
      aidForm: 'rep_konsult',
      amount: 5_000,
      signedByName: 'Kristina Test',
    });
  });
  afterAll(() => app.close());

  const report = (query: Record<string, string>, user: TestUser = secretary) =>
    http
      .get(REPORT)
      .query({ from: FROM, to: TO, ...query })
      .set(user.auth);

  describe('delegation report', () => {
    it('lists the delegated decisions of the period by point, rejections included, with totals (JSON)', async () => {
      const res = await report({ format: 'json' }).expect(200);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="delegationsbeslut-${FROM}--${TO}.json"`,
      );
      const body = res.body;
      expect(body).toMatchObject({
        title: 'Redovisning av delegationsbeslut',
        from: FROM,
        to: TO,
        point: null,
      });
      expect(body.groups.map((g: { heading: string }) => g.heading)).toEqual([
        'Punkt 9.2 Beslut om regionala utvecklingsstöd – Förvaltningschef',
        'Punkt 9.3 Beslut om företagsstöd – Områdeschef för näringslivsutveckling',
      ]);
      const [projects, firms] = body.groups;
      expect(projects.rows).toEqual([
        expect.objectContaining({
          diarienummer: ids.D.diarienummer,
          stod: 'Medfinansiering av projekt',
          foretag: 'Lindesbergs kommun',
          branschPrioritering: 'Hemsändning i norra länet',
          kon: '–',
          kommun: 'Lindesberg',
          amount: 432_000,
          beslutsfattare: 'Petra Direktör',
        }),
      ]);
      expect(projects.totals).toEqual({ granted: 432_000, grantedCount: 1, rejectedCount: 0 });
      // By decision date, the amended decision at its change decision's date and amount.
      expect(firms.rows.map((r: { diarienummer: string }) => r.diarienummer)).toEqual([
        ids.A.diarienummer,
        ids.B.diarienummer,
        ids.C.diarienummer,
        ids.G.diarienummer,
      ]);
      expect(firms.rows[0]).toMatchObject({
        stod: 'Konsulttjänst (test)',
        kon: 'K',
        kommun: 'Örebro',
        amount: 34_200,
        branschPrioritering: 'Apputveckling',
      });
      expect(firms.rows[1]).toMatchObject({
        stod: 'Kommersiell service/Driftstöd (test)',
        nypsId: '214557',
        kon: 'M',
        kommun: 'Kumla',
        outcome: 'avslag',
        amount: null,
        rejectionGrounds: 'Uppfyller ej villkor',
      });
      expect(firms.rows[2]).toMatchObject({
        kon: 'B',
        amount: 80_000,
        amended: true,
        decisionId: ids.C2.decisionId,
      });
      expect(firms.rows[3]).toMatchObject({ kon: '', kommun: 'Ljusnarsberg', amount: 5_000 });
      expect(firms.totals).toEqual({ granted: 119_200, grantedCount: 3, rejectedCount: 1 });
      expect(body.totals).toEqual({ granted: 551_200, grantedCount: 4, rejectedCount: 1 });
    });

    it('limits the report to one point', async () => {
      const body = (await report({ format: 'json', point: '9.2' }).expect(200)).body;
      expect(body.groups).toHaveLength(1);
      expect(body.totals).toEqual({ granted: 432_000, grantedCount: 1, rejectedCount: 0 });
    });

    it('writes CSV with a BOM, semicolons, RFC 4180 quoting, the seed columns and sum lines', async () => {
      const res = await report({ format: 'csv', point: '9.3' }).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="delegationsbeslut-${FROM}--${TO}-punkt-9.3.csv"`,
      );
      const bytes = res.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.toString('utf8').slice(1).split('\r\n');
      expect(lines[0]).toBe('Dnr;Stöd;Företag;Bransch/Prioritering;Kön;Kommun;Belopp;Beslutsfattare');
      expect(lines[1]).toBe(
        'Punkt 9.3 Beslut om företagsstöd – Områdeschef för näringslivsutveckling;;;;;;;',
      );
      expect(lines[2]).toBe(
        `${ids.A.diarienummer};Konsulttjänst (test);Kvinnobolaget AB;Apputveckling;K;Örebro;34200;Kristina Test`,
      );
      expect(lines[3]).toBe(
        `${ids.B.diarienummer} NypsID: 214557;Kommersiell service/Driftstöd (test);Mansbolaget AB;Livsmedelshandel;M;Kumla;Avslag/Uppfyller ej villkor;Kristina Test`,
      );
      expect(lines[5]).toBe(
        `${ids.G.diarienummer};Konsulttjänst (test);"Bolag; ""Citat"" AB";Tjänster inom återvinning;;Ljusnarsberg;5000;Kristina Test`,
      );
      expect(lines[6]).toBe('Summa punkt 9.3;3 beviljade, 1 avslag;;;;;119200;');
      expect(lines[7]).toBe('Summa;3 beviljade, 1 avslag;;;;;119200;');
      expect(lines.slice(8)).toEqual(['']);
    });

    it('writes Swedish grouped amounts in CSV on request (non-breaking space)', async () => {
      const res = await report({ format: 'csv', numberFormat: 'sv' }).buffer(true).parse(binary).expect(200);
      const text = (res.body as Buffer).toString('utf8');
      expect(text).toContain(`;34${NBSP}200;`);
      expect(text).toContain(`Summa totalt;4 beviljade, 1 avslag;;;;;551${NBSP}200;`);
    });

    it('writes an XLSX that reads back: title, headings, numbers as numbers, sums', async () => {
      const res = await report({ format: 'xlsx' }, officer).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet('Delegationsbeslut')!;
      const rows: unknown[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
      const [region] = await ds.query(`SELECT value FROM region_setting WHERE key = 'region'`);
      const expectedTitle = [region?.value?.name, region?.value?.organisation?.committee]
        .filter(Boolean)
        .join(' – ');
      expect(rows[0]).toEqual(expectedTitle ? [expectedTitle] : []);
      expect(rows[1]).toEqual(['Redovisning av delegationsbeslut']);
      expect(rows[2]).toEqual([`Perioden: ${FROM} – ${TO}`]);
      expect(rows[4]).toEqual([
        'Dnr',
        'Stöd',
        'Företag',
        'Bransch/Prioritering',
        'Kön',
        'Kommun',
        'Belopp',
        'Beslutsfattare',
      ]);
      expect(rows[5]).toEqual(['Punkt 9.2 Beslut om regionala utvecklingsstöd – Förvaltningschef']);
      expect(rows[6]).toEqual([
        ids.D.diarienummer,
        'Medfinansiering av projekt',
        'Lindesbergs kommun',
        'Hemsändning i norra länet',
        '–',
        'Lindesberg',
        432_000,
        'Petra Direktör',
      ]);
      // exceljs leaves empty strings out: the sum row has its label, counts and amount.
      expect(rows[7]).toEqual([
        'Summa punkt 9.2',
        '1 beviljat, 0 avslag',
        undefined,
        undefined,
        undefined,
        undefined,
        432_000,
      ]);
      expect(rows[10]).toEqual(expect.arrayContaining(['Avslag/Uppfyller ej villkor']));
      expect(rows[rows.length - 1]).toEqual([
        'Summa totalt',
        '4 beviljade, 1 avslag',
        undefined,
        undefined,
        undefined,
        undefined,
        551_200,
      ]);
      const amount = sheet.getRow(7).getCell(7);
      expect(amount.type).toBe(ExcelJS.ValueType.Number);
      expect(amount.numFmt).toBe('#,##0');
    });

    it('writes a PDF for the agenda: title, period, point headings, rows, sums, page numbers, å ä ö', async () => {
      const res = await report({ format: 'pdf' }, decisionMaker).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const bytes = res.body as Buffer;
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const text = (await extractPdfText(bytes)).replace(/\u00a0/g, ' ');
      expect(text).toContain('Redovisning av delegationsbeslut');
      expect(text).toContain(`Perioden: ${FROM} – ${TO}`);
      expect(text).toContain('Punkt 9.3 Beslut om företagsstöd – Områdeschef för näringslivsutveckling');
      expect(text).toMatch(/Kvinnobolaget AB\s+Apputveckling\s+K\s+Örebro\s+34 200\s+Kristina Test/);
      expect(text).toContain('NypsID: 214557');
      expect(text).toMatch(/Mansbolaget AB\s+Livsmedelshandel\s+M\s+Kumla\s+Avslag\/Uppfyller/);
      expect(text).toContain('Summa punkt 9.2: 1 beviljat, 0 avslag 432 000');
      expect(text).toContain('Summa punkt 9.3: 3 beviljade, 1 avslag 119 200');
      expect(text).toContain('Totalt: 4 beviljade, 1 avslag, beviljat 551 200 kr.');
      expect(text).toContain('Sida 1');
    });

    it('refuses applicants (403) and callers without a token (401)', async () => {
      await report({ format: 'json' }, applicant).expect(403);
      await http.get(REPORT).query({ from: FROM, to: TO, format: 'json' }).expect(401);
      await http.get(`${REPORT}/presentations`).set(applicant.auth).expect(403);
      await http
        .post(`${REPORT}/presentations`)
        .set(officer.auth)
        .send({ from: FROM, to: TO, meetingDate: '2031-05-01', paragraph: '§ 1' })
        .expect(403);
      await http.get('/api/reports/follow-up').query({ year: 2033 }).set(applicant.auth).expect(403);
      await http.get('/api/reports/follow-up').query({ year: 2033 }).expect(401);
    });

    it.each([
      [{ from: '2031-02-30', to: TO, format: 'csv' }, 'from'],
      [{ from: FROM, to: '31/03/2031', format: 'csv' }, 'to'],
      [{ from: FROM, format: 'csv' }, 'to'],
      [{ from: FROM, to: TO, format: 'doc' }, 'format'],
      [{ from: '2031-04-01', to: TO, format: 'csv' }, 'from'],
      [{ from: FROM, to: TO, format: 'csv', onlyUnreported: 'ja' }, 'onlyUnreported'],
      [{ from: FROM, to: TO, format: 'csv', numberFormat: 'de' }, 'numberFormat'],
      [{ from: FROM, to: TO, format: 'csv', colour: 'red' }, 'colour'],
    ])('answers 400 naming the field for %j', async (query, field) => {
      const res = await http.get(REPORT).query(query).set(secretary.auth).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });
  });

  describe('presenting a report to the nämnd', () => {
    const P_FROM = '2031-06-01';
    const P_TO = '2031-06-30';
    const june: Record<string, string> = {};

    beforeAll(async () => {
      const org = await createOrganisation(ds, { runBy: 'man' });
      for (const [key, date, point] of [
        ['a', '2031-06-03', '9.3'],
        ['b', '2031-06-10', '9.3'],
        ['c', '2031-06-12', '9.2'],
      ] as const)
        june[key] = (
          await insertSignedDecision(ds, {
            organisationId: org.id,
            decisionDate: date,
            delegationPoint: point,
            aidForm: 'rep_konsult',
          })
        ).decisionId;
    });

    it('stamps the listed decisions in one go; a later report can list only the rest', async () => {
      const created = await http
        .post(`${REPORT}/presentations`)
        .set(secretary.auth)
        .send({ from: P_FROM, to: P_TO, point: '9.3', meetingDate: '2031-08-20', paragraph: '§ 7' })
        .expect(201);
      expect(created.body).toMatchObject({
        periodFrom: P_FROM,
        periodTo: P_TO,
        delegationPoint: '9.3',
        meetingDate: '2031-08-20',
        paragraph: '§ 7',
        decisionCount: 2,
        presentedBy: secretary.account.id,
      });
      const stored: { id: string; reported_in: string | null; status: string }[] = await ds.query(
        `SELECT id, reported_in, status FROM decision WHERE id = ANY($1)`,
        [Object.values(june)],
      );
      const by = Object.fromEntries(stored.map((d) => [d.id, d]));
      expect(by[june.a]).toEqual({ id: june.a, reported_in: created.body.id, status: 'signerat' });
      expect(by[june.b].reported_in).toBe(created.body.id);
      expect(by[june.c].reported_in).toBeNull();
      const [row] = await ds.query(
        `SELECT decision_count, paragraph FROM report_presentation WHERE id = $1`,
        [created.body.id],
      );
      expect(row).toEqual({ decision_count: 2, paragraph: '§ 7' });

      const rest = (
        await http
          .get(REPORT)
          .query({ from: P_FROM, to: P_TO, format: 'json', onlyUnreported: 'true' })
          .set(secretary.auth)
          .expect(200)
      ).body;
      expect(rest.onlyUnreported).toBe(true);
      expect(rest.groups.map((g: { point: string }) => g.point)).toEqual(['9.2']);
      expect(rest.groups[0].rows.map((r: { decisionId: string }) => r.decisionId)).toEqual([june.c]);
      const all = (
        await http
          .get(REPORT)
          .query({ from: P_FROM, to: P_TO, format: 'json' })
          .set(secretary.auth)
          .expect(200)
      ).body;
      expect(all.totals.grantedCount).toBe(3);

      // Nothing left to present for 9.3: refused, and no presentation row is written.
      const again = await http
        .post(`${REPORT}/presentations`)
        .set(secretary.auth)
        .send({ from: P_FROM, to: P_TO, point: '9.3', meetingDate: '2031-08-20', paragraph: '§ 8' })
        .expect(409);
      expect(again.body.code).toBe('NOTHING_TO_PRESENT');
      const [{ n }] = await ds.query(
        `SELECT count(*)::int AS n FROM report_presentation WHERE period_from = $1`,
        [P_FROM],
      );
      expect(n).toBe(1);

      const list = (await http.get(`${REPORT}/presentations`).set(officer.auth).expect(200)).body;
      expect(list).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: created.body.id, decisionCount: 2 })]),
      );
    });

    it('refuses a presentation with bad input, naming the field, and writes nothing', async () => {
      const bad = [
        [{ from: P_FROM, to: P_TO, meetingDate: '2031-13-01', paragraph: '§ 1' }, 'meetingDate'],
        [{ from: P_FROM, to: P_TO, meetingDate: '2031-08-01', paragraph: '  ' }, 'paragraph'],
        [{ from: P_TO, to: P_FROM, meetingDate: '2031-08-01', paragraph: '§ 1' }, 'from'],
        [{ from: P_FROM, to: P_TO, meetingDate: '2031-06-15', paragraph: '§ 1' }, 'meetingDate'],
      ] as const;
      for (const [body, field] of bad) {
        const res = await http.post(`${REPORT}/presentations`).set(secretary.auth).send(body).expect(400);
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      const [{ n }] = await ds.query(
        `SELECT count(*)::int AS n FROM decision WHERE id = $1 AND reported_in IS NOT NULL`,
        [june.c],
      );
      expect(n).toBe(0);
    });
  });

  describe('follow-up figures', () => {
    beforeAll(async () => {
      const women = await createOrganisation(ds, { runBy: 'kvinnor', kommunCode: '1881' });
      const men = await createOrganisation(ds, { runBy: 'man', kommunCode: '1864' });
      const kommun = await createOrganisation(ds, { runBy: null, legalForm: 'Kommun', kommunCode: '1885' });
      const grant = (
        spec: Partial<Parameters<typeof insertSignedDecision>[1]> & {
          organisationId: string;
          decisionDate: string;
        },
      ) => insertSignedDecision(ds, { delegationPoint: '9.3', aidForm: 'rep_konsult', ...spec });
      await grant({
        organisationId: women.id,
        decisionDate: '2033-02-01',
        amount: 50_000,
        priorityClaims: ['miljo'],
      });
      const changed = await grant({ organisationId: men.id, decisionDate: '2033-03-01', amount: 30_000 });
      await grant({ organisationId: men.id, decisionDate: '2033-09-01', amount: 20_000, amends: changed });
      await grant({
        organisationId: women.id,
        decisionDate: '2033-04-01',
        outcome: 'avslag',
        aidForm: 'rep_service/rep_drift',
      });
      await grant({
        organisationId: kommun.id,
        decisionDate: '2033-05-01',
        delegationPoint: null,
        track: 'projekt',
        aidForm: null,
        amount: 300_000,
      });
      await grant({ organisationId: women.id, decisionDate: '2032-06-01', amount: 10_000 });
      await grant({
        organisationId: women.id,
        decisionDate: '2034-01-02',
        amount: 99_000,
        priorityClaims: ['miljo'],
      });
    });

    it('counts grants and rejections per aid form and kommun, the indicators against the year before, and the frames', async () => {
      const f = (await http.get('/api/reports/follow-up').query({ year: 2033 }).set(officer.auth).expect(200))
        .body;
      expect(f.year).toBe(2033);
      expect(f.totals).toMatchObject({ grantedCount: 3, granted: 370_000, rejectedCount: 1 });
      const byKey = (lines: { key: string }[]) => Object.fromEntries(lines.map((l) => [l.key, l]));
      expect(byKey(f.perAidForm)).toEqual({
        rep_konsult: {
          key: 'rep_konsult',
          name: 'Konsulttjänst (test)',
          grantedCount: 2,
          granted: 70_000,
          rejectedCount: 0,
        },
        'rep_service/rep_drift': {
          key: 'rep_service/rep_drift',
          name: 'Kommersiell service/Driftstöd (test)',
          grantedCount: 0,
          granted: 0,
          rejectedCount: 1,
        },
        projekt: {
          key: 'projekt',
          name: 'Medfinansiering av projekt',
          grantedCount: 1,
          granted: 300_000,
          rejectedCount: 0,
        },
      });
      expect(byKey(f.perKommun)).toEqual({
        '1881': { key: '1881', name: 'Kumla', grantedCount: 1, granted: 50_000, rejectedCount: 1 },
        '1864': { key: '1864', name: 'Ljusnarsberg', grantedCount: 1, granted: 20_000, rejectedCount: 0 },
        '1885': { key: '1885', name: 'Lindesberg', grantedCount: 1, granted: 300_000, rejectedCount: 0 },
      });
      expect(f.indicators).toEqual([
        expect.objectContaining({
          code: 'drivs_av_kvinnor',
          // Of the company grants of 2033, the change decision counts with the decision it changes.
          current: { year: 2033, grantedCount: 1, granted: 50_000, companyGrantedCount: 2 },
          previous: { year: 2032, grantedCount: 1, granted: 10_000, companyGrantedCount: 1 },
          change: 0,
          increased: false,
        }),
        expect.objectContaining({
          code: 'miljodriven',
          current: { year: 2033, grantedCount: 1, granted: 50_000, companyGrantedCount: 2 },
          previous: { year: 2032, grantedCount: 0, granted: 0, companyGrantedCount: 1 },
          change: 1,
          increased: true,
        }),
      ]);
      const frames = Object.fromEntries(f.frames.lines.map((l: { code: string }) => [l.code, l]));
      expect(frames.foretagsstod.used).toBe(70_000);
      expect(frames.projekt.used).toBe(300_000);
      if (frames.foretagsstod.indicative !== null)
        expect(frames.foretagsstod.left).toBe(frames.foretagsstod.indicative - 70_000);
    });

    it('exports the same figures as CSV, XLSX and PDF', async () => {
      const csv = await http
        .get('/api/reports/follow-up')
        .query({ year: 2033, format: 'csv' })
        .set(secretary.auth)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(csv.headers['content-disposition']).toBe('attachment; filename="uppfoljning-2033.csv"');
      const text = (csv.body as Buffer).toString('utf8');
      expect(text.startsWith('\ufeff')).toBe(true);
      expect(text).toContain('Stödform;Antal beviljade;Beviljat belopp (kr);Antal avslag\r\n');
      expect(text).toContain('Konsulttjänst (test);2;70000;0\r\n');
      expect(text).toContain(
        'Beviljade företagsstöd till företag som investerar i miljödriven affärsutveckling;0;1;1;0;50000',
      );

      const xlsx = await http
        .get('/api/reports/follow-up')
        .query({ year: 2033, format: 'xlsx' })
        .set(secretary.auth)
        .buffer(true)
        .parse(binary)
        .expect(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
      const values: unknown[][] = [];
      wb.getWorksheet('Uppföljning 2033')!.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
      expect(values).toContainEqual(['Konsulttjänst (test)', 2, 70_000, 0]);
      expect(values).toContainEqual(['Totalt', 3, 370_000, 1]);

      const pdf = await http
        .get('/api/reports/follow-up')
        .query({ year: 2033, format: 'pdf' })
        .set(secretary.auth)
        .buffer(true)
        .parse(binary)
        .expect(200);
      const pdfText = (await extractPdfText(pdf.body as Buffer)).replace(/\u00a0/g, ' ');
      expect(pdfText).toContain('Uppföljning av beslut om regionala tillväxtmedel 2033');
      expect(pdfText).toMatch(/Konsulttjänst \(test\)\s+2\s+70 000\s+0/);
      expect(pdfText).toContain('Nämndens indikatorer: 2033 jämfört med 2032');
    });

    it.each([
      [{ year: 'tjugo' }, 'year'],
      [{}, 'year'],
      [{ year: '2033', format: 'docx' }, 'format'],
    ])('answers 400 naming the field for %j', async (query, field) => {
      const res = await http.get('/api/reports/follow-up').query(query).set(officer.auth).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });
  });
});
