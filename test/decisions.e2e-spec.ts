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
  mindLikeProject,
  TestUser,
  PrivateDatabase,
} from '@anslag/testing';

describe('assessment and decisions', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let http: ReturnType<typeof request>;
  let officer: TestUser;
  let decider33: TestUser;
  let decider32: TestUser;
  let secretary: TestUser;
  let flow: CaseFlow;

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    http = request(app.getHttpServer());
    await ensureReferenceData(ds);
    officer = await createUser(app, [Role.handlaggare]);
    decider33 = await createUser(app, [Role.beslutsfattare], [], ['3.3']);
    decider32 = await createUser(app, [Role.beslutsfattare], [], ['3.2']);
    secretary = await createUser(app, [Role.namndsekreterare]);
    flow = new CaseFlow(app, { officer, decider: decider33 });
  });
  afterAll(() => app.close());

  /** A mikrobidrag application from a small firm outside the tätort, submitted and taken up. */
  const mikrobidragCase = (orgId: string, applicant: TestUser, amount = 30_000): Promise<string> =>
    flow.takenUp(applicant, {
      ...mikrobidragApplication(orgId, amount),
      title: 'Ny kaffemaskin',
      costLines: [{ description: 'Espressomaskin', costType: 'equipment', amount: amount * 2 }],
    });

  const firm = (overrides = {}) => flow.firm(overrides);

  describe('evaluation', () => {
    it('is stored with the case when assessed and shown with its reasons', async () => {
      const { org, applicant } = await firm();
      const id = await mikrobidragCase(org.id, applicant, 30_001);
      await http.get(`/api/cases/${id}/evaluation`).set(officer.auth).expect(404);
      await http.post(`/api/cases/${id}/evaluation`).set(applicant.auth).expect(403);
      const res = await http.post(`/api/cases/${id}/evaluation`).set(officer.auth).expect(201);
      expect(res.body.evaluation.maxGrant.amount).toBe(30_000);
      expect(res.body.evaluation.maxGrant.terms).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            term: 'per_beslut',
            amount: 30_000,
            reason: expect.stringMatching(/30\s000\skr per beslut/),
          }),
        ]),
      );
      const stored = await http.get(`/api/cases/${id}/evaluation`).set(secretary.auth).expect(200);
      expect(stored.body.evaluation).toEqual(res.body.evaluation);
      const rows = await ds.query('SELECT max_grant, outcome FROM case_evaluation WHERE case_id = $1', [id]);
      expect(rows).toEqual([{ max_grant: '30000', outcome: res.body.evaluation.outcome }]);
      const frames = stored.body.frames.lines.find((l: { code: string }) => l.code === 'foretagsstod');
      expect(frames.indicative).toBe(13_333_000);
    });

    it('refuses mikrobidrag in the tätort without an exception', async () => {
      const { org, applicant } = await firm({ inTatort: true, runBy: 'man', bornOutsideNordics: false });
      const id = await mikrobidragCase(org.id, applicant);
      const res = await http.post(`/api/cases/${id}/evaluation`).set(officer.auth).expect(201);
      expect(res.body.evaluation.outcome).toBe('not_eligible');
      expect(res.body.evaluation.maxGrant.amount).toBe(0);
    });
  });

  describe('signing', () => {
    it('signs within the delegation order, makes the decision immutable and records it', async () => {
      const { org, applicant } = await firm();
      const id = await mikrobidragCase(org.id, applicant);
      await http.post(`/api/cases/${id}/decisions`).set(officer.auth).send({ outcome: 'bifall' }).expect(409); // no evaluation yet
      await flow.assess(id);
      const draft = await flow.draft(id);
      expect(draft).toMatchObject({
        status: 'utkast',
        amount: 30_000,
        stateAidRoute: 'de_minimis',
        appealable: true,
      });
      expect(draft.legalBasis.map((b: { code: string }) => b.code)).toEqual(
        expect.arrayContaining(['SFS 2022:1468', '(EU) 2023/2831']),
      );

      const refused = await http
        .post(`/api/decisions/${draft.id}/sign`)
        .set(decider32.auth)
        .send({})
        .expect(403);
      expect(refused.body.code).toBe('DELEGATION_NOT_COVERED');
      await http.post(`/api/decisions/${draft.id}/sign`).set(officer.auth).send({}).expect(403);

      const signed = await flow.sign(draft.id);
      expect(signed).toMatchObject({ status: 'signerat', delegationPoint: '3.3', amount: 30_000 });
      expect(signed.frameWarnings).toEqual([]);
      expect(signed.deMinimisEur).toBeGreaterThan(2_000);
      const caseRow = await ds.query('SELECT status FROM grant_case WHERE id = $1', [id]);
      expect(caseRow[0].status).toBe('beslutad');
      const ledger = await ds.query(
        'SELECT amount_sek, amount_eur FROM de_minimis_ledger WHERE decision_id = $1',
        [draft.id],
      );
      expect(ledger).toEqual([{ amount_sek: '30000', amount_eur: signed.deMinimisEur }]);
      const outbox = await ds.query(`SELECT topic FROM outbox WHERE aggregate_id = $1`, [draft.id]);
      expect(outbox).toEqual([{ topic: 'decision-letter' }]);

      const again = await http
        .patch(`/api/decisions/${draft.id}`)
        .set(officer.auth)
        .send({ amount: 20_000 })
        .expect(409);
      expect(again.body.code).toBe('DECISION_SIGNED');
      await http.post(`/api/decisions/${draft.id}/sign`).set(decider33.auth).send({}).expect(409);
      await expect(ds.query('UPDATE decision SET amount = 1 WHERE id = $1', [draft.id])).rejects.toThrow(
        /immutable/,
      );
      await expect(ds.query('DELETE FROM decision WHERE id = $1', [draft.id])).rejects.toThrow(/immutable/);

      // The applicant reads the signed decision; another applicant cannot.
      await http.get(`/api/decisions/${draft.id}`).set(applicant.auth).expect(200);
      const stranger = (await firm()).applicant;
      await http.get(`/api/decisions/${draft.id}`).set(stranger.auth).expect(404);

      // A correction is a change decision linked to it.
      const amendment = (
        await http
          .post(`/api/decisions/${draft.id}/amendments`)
          .set(officer.auth)
          .send({ amount: 25_000 })
          .expect(201)
      ).body;
      expect(amendment).toMatchObject({
        kind: 'andringsbeslut',
        amendsDecisionId: draft.id,
        status: 'utkast',
        amount: 25_000,
      });
      await flow.sign(amendment.id);
      const original = await ds.query('SELECT amount, status FROM decision WHERE id = $1', [draft.id]);
      expect(original[0]).toEqual({ amount: '30000', status: 'signerat' });
      const corrected = await ds.query(
        'SELECT amount_sek FROM de_minimis_ledger WHERE organisation_id = $1',
        [org.id],
      );
      expect(corrected).toEqual([{ amount_sek: '25000' }]);
      // A case already decided takes no second original decision.
      await http.post(`/api/cases/${id}/decisions`).set(officer.auth).send({ outcome: 'bifall' }).expect(409);
    });

    it('refuses a grant above the evaluated maximum unless the signer records a reason, kept in the history', async () => {
      const { org, applicant } = await firm();
      const id = await flow.takenUp(applicant, mindLikeProject(org.id));
      const ev = (await flow.assess(id)).evaluation;
      expect(ev.maxGrant.amount).toBe(432_000);
      expect(ev.priority.rank).toBe('2b');
      const draft = await flow.draft(id, {
        outcome: 'bifall',
        shareBp: 9000,
        amount: 440_000,
        financing: [
          { source: 'region_1_1', label: 'Regionalt utvecklingsstöd – statligt stöd', amount: 240_000 },
          { source: 'region_rambudget', label: 'Rambudgetmedel', amount: 200_000 },
        ],
        reasons: { text: 'Särskilda skäl' },
        coSigners: [{ name: 'Enhetschef Ett', title: 'Enhetschef' }],
      });
      expect(draft.conditions).toHaveLength(3);
      expect(draft.reasons.rankQuote).toContain('2b');
      expect(draft.reasons.rusArea).toBe('Innovationskraft och specialisering');
      const refused = await http
        .post(`/api/decisions/${draft.id}/sign`)
        .set(decider32.auth)
        .send({})
        .expect(409);
      expect(refused.body).toMatchObject({
        code: 'ABOVE_EVALUATED_MAX',
        details: [{ field: 'overrideReason' }],
      });
      const signed = await flow.sign(draft.id, decider32, {
        overrideReason: 'Nämnden har prioriterat insatsen',
      });
      expect(signed.overrideReason).toBe('Nämnden har prioriterat insatsen');
      expect(signed.coSigners).toEqual([{ name: 'Enhetschef Ett', title: 'Enhetschef' }]);
      const history = (await http.get(`/api/cases/${id}/history`).set(officer.auth).expect(200)).body;
      expect(history.at(-2)).toMatchObject({ action: 'beslut_fattat', reason: null });
      // The signer's reason is the officers' own: an internal entry beside the public one.
      expect(history.at(-1)).toMatchObject({
        action: 'beslut_motiverat',
        reason: 'Över bedömt belopp: Nämnden har prioriterat insatsen',
      });
    });

    it('lets 20 simultaneous mikrobidrag decisions for one firm pass 60 000 kr together never', async () => {
      const { org, applicant } = await firm();
      const drafts: string[] = [];
      for (let i = 0; i < 20; i++) {
        const id = await mikrobidragCase(org.id, applicant);
        await flow.assess(id);
        drafts.push((await flow.draft(id)).id);
      }
      const results = await Promise.all(
        drafts.map((d) => http.post(`/api/decisions/${d}/sign`).set(decider33.auth).send({})),
      );
      const ok = results.filter((r) => r.status === 201);
      expect(ok).toHaveLength(2);
      expect(
        results.filter((r) => r.status === 409).every((r) => r.body.code === 'COMPANY_CAP_EXCEEDED'),
      ).toBe(true);
      const [{ total }] = await ds.query(
        `SELECT COALESCE(SUM(d.amount), 0)::int AS total FROM decision d JOIN grant_case c ON c.id = d.case_id
         WHERE c.organisation_id = $1 AND d.status = 'signerat'`,
        [org.id],
      );
      expect(total).toBe(60_000);
    }, 120_000);

    it('refuses the assessment and signature of someone who declared jäv, and lists it', async () => {
      const { org, applicant } = await firm();
      const id = await mikrobidragCase(org.id, applicant);
      const conflicted = await createUser(app, [Role.handlaggare]);
      await http
        .post(`/api/cases/${id}/jav`)
        .set(conflicted.auth)
        .send({ reason: 'Min bror äger företaget' })
        .expect(201);
      await http
        .post(`/api/cases/${id}/jav`)
        .set(conflicted.auth)
        .send({ reason: 'Min bror äger företaget' })
        .expect(409);
      expect(
        (await http.post(`/api/cases/${id}/evaluation`).set(conflicted.auth).expect(403)).body.code,
      ).toBe('JAV');
      await flow.assess(id);
      const draft = await flow.draft(id);
      const conflictedDecider = await createUser(app, [Role.beslutsfattare], [], ['3.3']);
      await http
        .post(`/api/cases/${id}/jav`)
        .set(conflictedDecider.auth)
        .send({ reason: 'Jag sitter i bolagets styrelse' })
        .expect(201);
      expect(
        (await http.post(`/api/decisions/${draft.id}/sign`).set(conflictedDecider.auth).send({}).expect(403))
          .body.code,
      ).toBe('JAV');
      const list = (await http.get(`/api/cases/${id}/jav`).set(secretary.auth).expect(200)).body;
      expect(list.map((j: { reason: string }) => j.reason)).toEqual([
        'Min bror äger företaget',
        'Jag sitter i bolagets styrelse',
      ]);
      await http.get(`/api/cases/${id}/jav`).set(applicant.auth).expect(403);
    });

    it("records the nämnd's own decision with meeting date and §, by the secretariat only", async () => {
      const { org, applicant } = await firm();
      const id = await flow.assessed(applicant, mindLikeProject(org.id));
      const draft = await flow.draft(id, { outcome: 'bifall', shareBp: 5000, decidedByNamnd: true });
      await http.post(`/api/decisions/${draft.id}/sign`).set(decider32.auth).send({}).expect(409);
      await http
        .post(`/api/decisions/${draft.id}/namnd`)
        .set(decider32.auth)
        .send({ meetingDate: '2026-01-22', paragraph: '§ 4' })
        .expect(403);
      await http
        .post(`/api/decisions/${draft.id}/namnd`)
        .set(secretary.auth)
        .send({ meetingDate: 'igår', paragraph: '§ 4' })
        .expect(400);
      const rec = await http
        .post(`/api/decisions/${draft.id}/namnd`)
        .set(secretary.auth)
        .send({ meetingDate: '2026-01-22', paragraph: '§ 4' })
        .expect(201);
      expect(rec.body).toMatchObject({
        status: 'signerat',
        decidedByNamnd: true,
        namndMeetingDate: '2026-01-22',
        namndParagraph: '§ 4',
        delegationPoint: null,
      });
    });

    it('requires grounds for a rejection and refuses fields that do not fit', async () => {
      const { org, applicant } = await firm();
      const id = await mikrobidragCase(org.id, applicant);
      await flow.assess(id);
      const bad = await http
        .post(`/api/cases/${id}/decisions`)
        .set(officer.auth)
        .send({ outcome: 'avslag' })
        .expect(400);
      expect(bad.body.details).toEqual([expect.objectContaining({ field: 'rejectionGrounds' })]);
      await http
        .post(`/api/cases/${id}/decisions`)
        .set(officer.auth)
        .send({ outcome: 'bifall', amount: 10.5 })
        .expect(400);
      const ok = await flow.draft(id, { outcome: 'avslag', rejectionGrounds: 'Uppfyller ej villkor' });
      expect(ok).toMatchObject({ amount: null, rejectionGrounds: 'Uppfyller ej villkor' });
      const drafts = await ds.query(`SELECT count(*)::int AS n FROM decision WHERE case_id = $1`, [id]);
      expect(drafts[0].n).toBe(1);
    });
  });

  describe('delegation order and catalogues by role', () => {
    it('lets officers read and only admins change the delegation order', async () => {
      const admin = await createUser(app, [Role.admin]);
      const { applicant } = await firm();
      const list = await http.get('/api/delegation-points').set(secretary.auth).expect(200);
      expect(list.body.map((p: { point: string }) => p.point)).toEqual(
        expect.arrayContaining(['3.2', '3.3']),
      );
      await http.get('/api/delegation-points').set(applicant.auth).expect(403);
      const body = {
        point: '9.9',
        title: 'Provpunkt',
        decisionMakerTitle: 'Enhetschef',
        tracks: ['foretagsstod'],
        limitKronor: 100_000,
        validFrom: '2040-01-01',
      };
      await http.post('/api/delegation-points').set(officer.auth).send(body).expect(403);
      await http
        .post('/api/delegation-points')
        .set(admin.auth)
        .send({ ...body, tracks: ['okänd'] })
        .expect(400);
      const created = (await http.post('/api/delegation-points').set(admin.auth).send(body).expect(201)).body;
      await http
        .patch(`/api/delegation-points/${created.id}`)
        .set(decider33.auth)
        .send({ limitKronor: 1 })
        .expect(403);
      const changed = await http
        .patch(`/api/delegation-points/${created.id}`)
        .set(admin.auth)
        .send({ limitKronor: 50_000 })
        .expect(200);
      expect(changed.body.limitKronor).toBe(50_000);
      const stored = await ds.query('SELECT limit_kronor FROM delegation_point WHERE id = $1', [created.id]);
      expect(stored).toEqual([{ limit_kronor: '50000' }]);
    });

    it('shows the RUS catalogue to everyone signed in, and the rules and frames to officers only', async () => {
      const { applicant } = await firm();
      const rus = await http.get('/api/policy/rus').set(applicant.auth).expect(200);
      expect(rus.body[0].areas).toHaveLength(10);
      await http.get('/api/policy/inriktningsbeslut').set(applicant.auth).expect(403);
      await http.get('/api/policy/frames').set(applicant.auth).expect(403);
      const frames = await http
        .get('/api/policy/frames')
        .query({ date: '2019-11-18' })
        .set(decider33.auth)
        .expect(200);
      expect(frames.body.lines.find((l: { code: string }) => l.code === 'projekt').indicative).toBe(
        25_520_000,
      );
      await http.get('/api/policy/frames').query({ date: '18/11' }).set(decider33.auth).expect(400);
    });
  });

  describe('inriktningsbeslut as data', () => {
    // Adopting a rule set ends the one in force (here the 2019 set) the day before it begins: on a database
    // and an app of this block's own, so that no other test sees the shortened 2019 set. The suite's
    // helpers (firm, mikrobidragCase, flow) and officer work on whichever app is current.
    let db: PrivateDatabase;
    let shared: {
      app: NestFastifyApplication;
      ds: DataSource;
      http: typeof http;
      officer: TestUser;
      flow: CaseFlow;
    };
    beforeAll(async () => {
      shared = { app, ds, http, officer, flow };
      db = await PrivateDatabase.use();
      app = await createTestApp();
      ds = app.get(DataSource);
      http = request(app.getHttpServer());
      await ensureReferenceData(ds);
      officer = await createUser(app, [Role.handlaggare]);
      flow = new CaseFlow(app, { officer });
    });
    afterAll(async () => {
      await app.close();
      await db.drop();
      ({ app, ds, http, officer, flow } = shared);
    });

    it('lets an admin draft, validate, adopt, extend, and refuses others', async () => {
      const admin = await createUser(app, [Role.admin]);
      const current = (
        await http.get('/api/policy/inriktningsbeslut').set(officer.auth).expect(200)
      ).body.find(
        (r: { status: string; validFrom: string }) => r.status === 'antaget' && r.validFrom === '2019-01-01',
      );
      const content = {
        ...current.content,
        id: `test-${Date.now()}`,
        validFrom: '2045-01-01',
        validTo: null,
      };
      await http.post('/api/policy/inriktningsbeslut').set(officer.auth).send({ content }).expect(403);
      const tooMuch = structuredClone(content);
      tooMuch.aidForms.mikrobidrag.maxShareBp = 10_001;
      tooMuch.aidForms.konsultcheck.maxPerDecision = -1;
      tooMuch.projectRanking[1].criterion = { kind: 'rus_area', areas: ['finns_inte'] };
      const refused = await http
        .post('/api/policy/inriktningsbeslut')
        .set(admin.auth)
        .send({ content: tooMuch })
        .expect(400);
      const fields = refused.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'content.aidForms.mikrobidrag.maxShareBp',
          'content.aidForms.konsultcheck.maxPerDecision',
        ]),
      );
      expect(fields.some((f: string) => f.startsWith('content.projectRanking[1]'))).toBe(true);

      const draft = (
        await http.post('/api/policy/inriktningsbeslut').set(admin.auth).send({ content }).expect(201)
      ).body;
      expect(draft.status).toBe('utkast');
      const { org, applicant } = await firm();
      const openId = await mikrobidragCase(org.id, applicant);
      const countRows = async () =>
        (
          await ds.query(
            `SELECT (SELECT count(*) FROM inriktningsbeslut)::int AS i,
                    (SELECT count(*) FROM case_evaluation WHERE case_id = $1)::int AS e,
                    (SELECT version FROM grant_case WHERE id = $1) AS v`,
            [openId],
          )
        )[0];
      const before = await countRows();
      const whatIf = await http
        .post('/api/policy/what-if')
        .set(officer.auth)
        .send({
          content: {
            ...content,
            aidForms: {
              ...content.aidForms,
              mikrobidrag: { ...content.aidForms.mikrobidrag, maxPerDecision: 20_000 },
            },
          },
        })
        .expect(201);
      expect(whatIf.body.openCases).toBeGreaterThan(0);
      expect(whatIf.body.frames.draft.status.lines.length).toBeGreaterThan(0);
      expect(whatIf.body.cases[0]).toEqual(
        expect.objectContaining({ current: expect.any(Object), draft: expect.any(Object) }),
      );
      // Only the changed cases in full; the unchanged as a count and a page.
      expect(whatIf.body.cases.every((c: { changed: boolean }) => c.changed)).toBe(true);
      expect(whatIf.body.cases).toHaveLength(whatIf.body.changedCases);
      expect(whatIf.body.unchanged).toMatchObject({ page: 1, pageSize: 50 });
      expect(whatIf.body.unchanged.total + whatIf.body.changedCases).toBe(whatIf.body.openCases);
      const after = await countRows();
      expect(after).toEqual(before);
      const mine = whatIf.body.cases.find((c: { caseId: string }) => c.caseId === openId);
      expect(mine).toMatchObject({
        current: { maxGrant: 30_000 },
        draft: { maxGrant: 20_000 },
        changed: true,
      });
      // Signed in, but an applicant: refused for the role, not for a missing token.
      const signedIn = (await firm()).applicant;
      const forbidden = await http
        .post('/api/policy/what-if')
        .set(signedIn.auth)
        .send({ content })
        .expect(403);
      expect(forbidden.body.code).toBe('FORBIDDEN');
      await http.post('/api/policy/what-if').send({ content }).expect(401);

      const adopted = await http
        .post(`/api/policy/inriktningsbeslut/${draft.id}/adopt`)
        .set(admin.auth)
        .send({ adoptedOn: '2044-11-20', paragraph: '§ 12' })
        .expect(201);
      expect(adopted.body).toMatchObject({ status: 'antaget', adoptedOn: '2044-11-20', paragraph: '§ 12' });
      const old = (
        await http.get(`/api/policy/inriktningsbeslut/${current.id}`).set(officer.auth).expect(200)
      ).body;
      expect(old.validTo).toBe('2044-12-31');
      await http
        .put(`/api/policy/inriktningsbeslut/${draft.id}`)
        .set(admin.auth)
        .send({ content })
        .expect(409);
      const extended = await http
        .post(`/api/policy/inriktningsbeslut/${draft.id}/extend`)
        .set(admin.auth)
        .send({ decidedOn: '2046-01-22', paragraph: '§ 3', validTo: null })
        .expect(201);
      expect(extended.body.content.references.at(-1)).toMatchObject({
        kind: 'forlangning',
        date: '2046-01-22',
      });
      const frames = await http
        .get('/api/policy/frames')
        .query({ date: '2045-06-01' })
        .set(officer.auth)
        .expect(200);
      expect(frames.body.inriktningsbeslut).toBe(content.title);
    });
  });
});
