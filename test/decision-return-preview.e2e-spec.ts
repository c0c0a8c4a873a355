import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@anslag/auth';
import {
  CaseFlow,
  createTestApp,
  createUser,
  ensureReferenceData,
  mikrobidragApplication,
  PrivateDatabase,
  type TestUser,
} from '@anslag/testing';
import { pdfToText } from './letter-text';

/** Binary answers (the PDF) as a Buffer. */
function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/**
 * Before signing: the officers read the letter a draft would get (marked UTKAST, never stored), and a
 * beslutsfattare who could sign a draft may instead send it back to the handläggare with a comment.
 */
describe('a draft decision: letter preview and sending it back', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let http: ReturnType<typeof request>;
  let db: PrivateDatabase;
  let applicant: TestUser;
  let officer: TestUser;
  let decider33: TestUser;
  let decider32: TestUser;
  let flow: CaseFlow;
  let caseId: string;
  let draftId: string;

  beforeAll(async () => {
    db = await PrivateDatabase.use();
    app = await createTestApp();
    ds = app.get(DataSource);
    http = request(app.getHttpServer());
    await ensureReferenceData(ds);
    officer = await createUser(app, [Role.handlaggare]);
    decider33 = await createUser(app, [Role.beslutsfattare], [], ['3.3']);
    decider32 = await createUser(app, [Role.beslutsfattare], [], ['3.2']);
    flow = new CaseFlow(app, { officer, decider: decider33 });
    const firm = await flow.firm({ name: 'Kvarnen i Hällefors AB' });
    applicant = firm.applicant;
    caseId = await flow.assessed(applicant, {
      ...mikrobidragApplication(firm.org.id, 30_000),
      title: 'Stenkvarn till bageriet',
      costLines: [{ description: 'Stenkvarn', costType: 'equipment', amount: 60_000 }],
    });
    draftId = (await flow.draft(caseId, { outcome: 'bifall', amount: 25_000 })).id;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  }, 30_000);

  const letters = async () =>
    (await ds.query('SELECT count(*)::int AS n FROM decision_letter WHERE decision_id = $1', [draftId]))[0].n;

  it("renders a draft's letter for officers, marked UTKAST with the amount, and stores nothing", async () => {
    for (const who of [officer, decider33]) {
      const res = await http
        .get(`/api/decisions/${draftId}/letter/preview`)
        .set(who.auth)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['cache-control']).toBe('no-store');
      const text = pdfToText(res.body as Buffer);
      expect(text).toContain('UTKAST');
      expect(text).toContain('25 000 kr');
      expect(text).toContain('Kvarnen i Hällefors AB');
    }
    expect(await letters()).toBe(0);
    await http.get(`/api/decisions/${draftId}/letter/preview`).set(applicant.auth).expect(403);
    await http
      .get('/api/decisions/00000000-0000-4000-8000-000000000000/letter/preview')
      .set(officer.auth)
      .expect(404);
  });

  it('lets only a beslutsfattare who could sign send a draft back, with a comment', async () => {
    const path = `/api/decisions/${draftId}/return`;
    const comment = 'Motivera varför beloppet är lägre än det högsta möjliga stödet';
    await http.post(path).set(applicant.auth).send({ comment }).expect(403);
    await http.post(path).set(officer.auth).send({ comment }).expect(403);
    const notCovered = await http.post(path).set(decider32.auth).send({ comment }).expect(403);
    expect(notCovered.body.details).toEqual([
      { field: 'id', problem: 'ingen delegationspunkt du innehar omfattar beslutet' },
    ]);
    const empty = await http.post(path).set(decider33.auth).send({ comment: '     ' }).expect(400);
    expect(empty.body.details.map((d: { field: string }) => d.field)).toContain('comment');
    await http.post(path).set(decider33.auth).send({}).expect(400);
    const unchanged = await ds.query('SELECT returned_at FROM decision WHERE id = $1', [draftId]);
    expect(unchanged).toEqual([{ returned_at: null }]);

    const returned = (await http.post(path).set(decider33.auth).send({ comment }).expect(201)).body;
    expect(returned).toMatchObject({ id: draftId, status: 'utkast', returnComment: comment });
    expect(returned.returnedAt).toEqual(expect.any(String));
    const history = (await http.get(`/api/cases/${caseId}/history`).set(officer.auth).expect(200)).body;
    expect(history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'beslut_tillbakaskickat', reason: comment }),
      ]),
    );
    // The applicant never sees the internal exchange.
    const theirs = (await http.get(`/api/cases/${caseId}/history`).set(applicant.auth).expect(200)).body;
    expect(theirs.map((e: { action: string }) => e.action)).not.toContain('beslut_tillbakaskickat');
    // The handläggare sees the comment on the draft.
    const drafts = (await http.get(`/api/cases/${caseId}/decisions`).set(officer.auth).expect(200)).body;
    expect(drafts).toEqual([expect.objectContaining({ id: draftId, returnComment: comment })]);

    // Returned: no longer signable, not signed, not returned twice.
    const signable = (
      await http
        .get('/api/decisions')
        .query({ status: 'utkast', signableByMe: true })
        .set(decider33.auth)
        .expect(200)
    ).body;
    expect(signable.items).toEqual([]);
    const all = (await http.get('/api/decisions').set(decider33.auth).expect(200)).body.items;
    expect(all).toEqual([
      expect.objectContaining({
        id: draftId,
        signableByMe: false,
        notSignableReason: 'utkastet är tillbakaskickat till handläggaren',
        returnComment: comment,
      }),
    ]);
    await http.post(`/api/decisions/${draftId}/sign`).set(decider33.auth).send({}).expect(409);
    await http.post(path).set(decider33.auth).send({ comment }).expect(409);
    expect((await ds.query('SELECT status FROM decision WHERE id = $1', [draftId]))[0].status).toBe('utkast');

    // The handläggare changes the draft: it is signable again, and the comment stays in the history.
    const changed = (
      await http
        .patch(`/api/decisions/${draftId}`)
        .set(officer.auth)
        .send({ reasons: { text: 'Sökanden har själv begärt ett lägre belopp.' } })
        .expect(200)
    ).body;
    expect(changed).toMatchObject({ returnedAt: null, returnComment: null });
    const again = (
      await http
        .get('/api/decisions')
        .query({ status: 'utkast', signableByMe: true })
        .set(decider33.auth)
        .expect(200)
    ).body;
    expect(again.items).toEqual([expect.objectContaining({ id: draftId, signableByMe: true })]);
    await flow.sign(draftId);
    // A signed decision has no preview; its letter is the stored one.
    await http.get(`/api/decisions/${draftId}/letter/preview`).set(officer.auth).expect(404);
    await http.post(path).set(decider33.auth).send({ comment }).expect(409);
  });
});
