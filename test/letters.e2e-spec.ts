import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@anslag/auth';
import { DecisionLetterJob } from '@anslag/letters';
import { extractPdfText } from '../libs/letters/src/render';
import { createTestApp, createUser, ensureReferenceData, type TestUser } from '@anslag/testing';
import { letterRows, sha256, signedProjectDecision } from './letters-support';

/** Reads a PDF body as a Buffer (supertest leaves binary bodies alone only with a parser). */
function binary(res: request.Response, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

describe('decision letters over HTTP', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let http: ReturnType<typeof request>;
  let officer: TestUser;
  let decisionMaker: TestUser;
  let secretary: TestUser;
  let stranger: TestUser;
  let applicant: TestUser;
  let mind: string;
  let kottaberget: string;

  const organisationOf = async (decisionId: string): Promise<string> =>
    (
      await ds.query(
        `SELECT c.organisation_id FROM decision d JOIN grant_case c ON c.id = d.case_id WHERE d.id = $1`,
        [decisionId],
      )
    )[0].organisation_id;

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    http = request(app.getHttpServer());
    await ensureReferenceData(ds);
    mind = await signedProjectDecision(ds, 'mind');
    kottaberget = await signedProjectDecision(ds, 'kottaberget');
    applicant = await createUser(app, [Role.sokande], [await organisationOf(mind)]);
    stranger = await createUser(app, [Role.sokande], [await organisationOf(kottaberget)]);
    officer = await createUser(app, [Role.handlaggare]);
    decisionMaker = await createUser(app, [Role.beslutsfattare]);
    secretary = await createUser(app, [Role.namndsekreterare]);
  });
  afterAll(() => app.close());

  it('answers 404 in the error shape until the letter is ready, and shows it queued', async () => {
    const res = await http.get(`/api/decisions/${mind}/letter`).set(applicant.auth).expect(404);
    expect(res.body).toEqual(expect.objectContaining({ statusCode: 404, code: 'NOT_FOUND', details: [] }));
    const status = await http.get(`/api/decisions/${mind}/letter/status`).set(applicant.auth).expect(200);
    expect(status.body).toEqual({ status: 'queued', attempts: 0, lastError: null, sha256: null });
  });

  it('serves the stored PDF to the applicant and to officers, with the seed letter’s key facts', async () => {
    expect(await new DecisionLetterJob(ds).run(mind, true)).toEqual(
      expect.objectContaining({ outcome: 'stored' }),
    );
    const [row] = await letterRows(ds, [mind]);
    for (const user of [applicant, officer, decisionMaker, secretary]) {
      const res = await http
        .get(`/api/decisions/${mind}/letter`)
        .set(user.auth)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="beslut-19RS\d+\.pdf"; filename\*=UTF-8''beslut-19RS\d+\.pdf$/,
      );
      expect(res.headers['x-content-sha256']).toBe(row.sha256);
      expect(sha256(res.body as Buffer)).toBe(row.sha256);
    }
    const pdf = (await http.get(`/api/decisions/${mind}/letter`).set(officer.auth).buffer(true).parse(binary))
      .body as Buffer;
    const text = (await extractPdfText(pdf)).replace(/[\s\u00a0]+/g, ' ');
    expect(text).toContain('beviljas 90 % av projektets bokförda kostnader, dock högst 432 000 kr');
    expect(text).toContain('Projektet får påbörjas tidigast 2019-11-20 och avslutas senast 2020-05-30.');
    expect(text).toContain('Regionalt utvecklingsstöd - statligt stöd 232 000 kr');
    expect(text).toContain('Regional utveckling rambudgetmedel 200 000 kr');
    expect(text).toContain('Beslutet gäller under förutsättning att projektets budget är fullt finansierad.');
    expect(text).toContain('ska det framgå att Region Örebro län medfinansierar projektet.');
    expect(text).toContain('I övrigt gäller Region Örebro läns Allmänna villkor för medfinansiering');
    expect(text).toContain('Summa bokförda kostnader 63 000 421 000 484 000');
    expect(text).toContain('För Region Örebro län');
    const status = await http.get(`/api/decisions/${mind}/letter/status`).set(applicant.auth).expect(200);
    expect(status.body).toEqual({ status: 'done', attempts: 1, lastError: null, sha256: row.sha256 });
  });

  it('renders Kottaberget from the database with its totals 918 163', async () => {
    await new DecisionLetterJob(ds).run(kottaberget, true);
    const pdf = (
      await http
        .get(`/api/decisions/${kottaberget}/letter`)
        .set(officer.auth)
        .buffer(true)
        .parse(binary)
        .expect(200)
    ).body as Buffer;
    const text = (await extractPdfText(pdf)).replace(/[\s\u00a0]+/g, ' ');
    expect(text).toContain('beviljas 15 % av projektets bokförda kostnader, dock högst 137 725 kr');
    expect(text).toContain('Finansiering sker inom ramen för regionalt utvecklingsstöd - statligt stöd.');
    expect(text).toContain('Summa bokförda kostnader 117 013 801 150 918 163');
    expect(text).toContain('Summa finansiering 117 013 801 150 918 163');
  });

  it('answers 404 to an applicant of another organisation, exactly as for a letter that does not exist', async () => {
    for (const path of [`/api/decisions/${mind}/letter`, `/api/decisions/${mind}/letter/status`]) {
      const res = await http.get(path).set(stranger.auth).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    const missing = await http
      .get('/api/decisions/00000000-0000-4000-8000-000000000000/letter/status')
      .set(officer.auth)
      .expect(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    const bad = await http.get('/api/decisions/inte-ett-id/letter').set(officer.auth).expect(400);
    expect(bad.body.details).toEqual([{ field: 'id', problem: 'ska vara ett UUID' }]);
  });

  it('lets only a handläggare retry, a failed letter or one stuck in the queue, never a done one', async () => {
    const id = await signedProjectDecision(ds);
    await ds.query(`UPDATE outbox SET relayed_at = now() WHERE aggregate_id = $1`, [id]);
    for (const user of [applicant, stranger, decisionMaker, secretary]) {
      const res = await http.post(`/api/decisions/${id}/letter/retry`).set(user.auth).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    // Relayed, but its job lost (taken by another installation, removed from Redis): still queued.
    const stuck = await http.post(`/api/decisions/${id}/letter/retry`).set(officer.auth).expect(202);
    expect(stuck.body).toEqual({ status: 'queued', attempts: 0, lastError: null, sha256: null });
    expect(
      (await ds.query(`SELECT relayed_at FROM outbox WHERE aggregate_id = $1`, [id]))[0].relayed_at,
    ).toBeNull();
    await new DecisionLetterJob(ds).run(id, false);
    const done = await http.post(`/api/decisions/${id}/letter/retry`).set(officer.auth).expect(409);
    expect(done.body.code).toBe('LETTER_NOT_FAILED');
    expect((await letterRows(ds, [id]))[0].status).toBe('done');

    const other = await signedProjectDecision(ds);
    await ds.query(`UPDATE outbox SET relayed_at = now() WHERE aggregate_id = $1`, [other]);
    await expect(
      new DecisionLetterJob(ds, async () => {
        throw new Error('Disken är full');
      }).run(other, true),
    ).rejects.toThrow('Disken är full');
    const failed = await http.get(`/api/decisions/${other}/letter/status`).set(officer.auth).expect(200);
    expect(failed.body).toEqual({ status: 'failed', attempts: 1, lastError: 'Disken är full', sha256: null });
    // The rows a retry of this decision's letter could add (other suites write their own beside it).
    const rowsOf = async (decisionId: string) =>
      (
        await ds.query(
          `SELECT (SELECT count(*) FROM outbox WHERE aggregate_id = $1)::int AS outbox,
                  (SELECT count(*) FROM decision_letter WHERE decision_id = $1)::int AS letters`,
          [decisionId],
        )
      )[0];
    const before = await rowsOf(other);
    expect(before).toEqual({ outbox: 1, letters: 1 });

    const res = await http.post(`/api/decisions/${other}/letter/retry`).set(officer.auth).expect(202);
    expect(res.body).toEqual({ status: 'queued', attempts: 1, lastError: 'Disken är full', sha256: null });
    const [outbox] = await ds.query(`SELECT relayed_at FROM outbox WHERE aggregate_id = $1`, [other]);
    expect(outbox.relayed_at).toBeNull();
    expect((await letterRows(ds, [other]))[0].status).toBe('queued');
    expect(await rowsOf(other)).toEqual(before);
  });

  it('does not show the error text to the applicant', async () => {
    const id = await signedProjectDecision(ds);
    const owner = await createUser(app, [Role.sokande], [await organisationOf(id)]);
    await new DecisionLetterJob(ds, async () => {
      throw new Error('intern detalj');
    })
      .run(id, true)
      .catch(() => undefined);
    const res = await http.get(`/api/decisions/${id}/letter/status`).set(owner.auth).expect(200);
    expect(res.body).toEqual({ status: 'failed', attempts: 1, lastError: null, sha256: null });
  });
});
