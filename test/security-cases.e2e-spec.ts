import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@anslag/auth';
import { HISTORY_VISIBILITY } from '@anslag/cases';
import {
  CaseFlow,
  createTestApp,
  createUser,
  ensureReferenceData,
  mikrobidragApplication,
  TestUser,
} from '@anslag/testing';

/** What an applicant may see, races around signing, personal data and attachments. */
describe('security: cases, decisions and attachments', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let http: ReturnType<typeof request>;
  let officer: TestUser;
  let decider: TestUser;
  let flow: CaseFlow;

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    http = request(app.getHttpServer());
    await ensureReferenceData(ds);
    officer = await createUser(app, [Role.handlaggare]);
    decider = await createUser(app, [Role.beslutsfattare], [], ['3.3']);
    flow = new CaseFlow(app, { officer, decider });
  });
  afterAll(() => app.close());

  const firm = (overrides = {}) => flow.firm(overrides);

  /** A mikrobidrag application of 30 000 kr. */
  const coffeeMachine = (orgId: string) => ({
    ...mikrobidragApplication(orgId, 30_000),
    title: 'Ny kaffemaskin',
    costLines: [{ description: 'Espressomaskin', costType: 'equipment', amount: 60_000 }],
  });
  /** The application created, not submitted. */
  const draftCase = (orgId: string, applicant: TestUser) => flow.created(applicant, coffeeMachine(orgId));

  const move = (id: string, who: TestUser, transition: string, reason?: string) =>
    http.post(`/api/cases/${id}/transitions`).set(who.auth).send({ transition, reason });

  /** Submitted, taken up, assessed and drafted: ready to sign. */
  async function readyToSign(): Promise<{ caseId: string; draftId: string; applicant: TestUser }> {
    const { org, applicant } = await firm();
    const caseId = await flow.assessed(applicant, coffeeMachine(org.id));
    return { caseId, draftId: (await flow.draft(caseId)).id, applicant };
  }

  describe('history: the applicant sees only what is public', () => {
    it('walks every history action and checks what each role sees', async () => {
      const { org, applicant } = await firm();
      const id = await draftCase(org.id, applicant);
      await http
        .patch(`/api/cases/${id}`)
        .set(applicant.auth)
        .send({ title: 'Ny espressomaskin' })
        .expect(200);
      await http
        .post(`/api/cases/${id}/attachments`)
        .set(applicant.auth)
        .attach('file', Buffer.from('offert'), { filename: 'offert.txt', contentType: 'text/plain' })
        .expect(201);
      await move(id, applicant, 'skicka_in').expect(201);
      await move(id, officer, 'paborja_handlaggning').expect(201);
      await move(id, officer, 'begar_komplettering', 'Bifoga offerten i PDF').expect(201);
      await move(id, applicant, 'lamna_komplettering').expect(201);
      await move(id, officer, 'ateruppta_handlaggning').expect(201);
      const conflicted = await createUser(app, [Role.handlaggare]);
      await http
        .post(`/api/cases/${id}/jav`)
        .set(conflicted.auth)
        .send({ reason: 'Min make är styrelseledamot i bolaget' })
        .expect(201);
      await flow.assess(id);
      const draft = await flow.draft(id);
      await http.patch(`/api/decisions/${draft.id}`).set(officer.auth).send({ amount: 26_000 }).expect(200);
      await flow.sign(draft.id, decider, { overrideReason: 'Hemligt internt skäl' });
      const change = (
        await http
          .post(`/api/decisions/${draft.id}/amendments`)
          .set(officer.auth)
          .send({ amount: 24_000 })
          .expect(201)
      ).body;
      await flow.sign(change.id);
      const other = await draftCase(org.id, applicant);
      await move(other, applicant, 'aterkalla', 'Vi drar tillbaka ansökan').expect(201);

      const all = [
        ...(await http.get(`/api/cases/${id}/history`).set(officer.auth).expect(200)).body,
        ...(await http.get(`/api/cases/${other}/history`).set(officer.auth).expect(200)).body,
      ];
      const seen = [
        ...(await http.get(`/api/cases/${id}/history`).set(applicant.auth).expect(200)).body,
        ...(await http.get(`/api/cases/${other}/history`).set(applicant.auth).expect(200)).body,
      ];
      // Every action of an application and its decisions was walked, and each is classified.
      const walked = new Set(all.map((h: { action: string }) => h.action));
      expect(walked).toEqual(
        new Set([
          'skapad',
          'ändrad',
          'bilaga_tillagd',
          'skicka_in',
          'paborja_handlaggning',
          'begar_komplettering',
          'lamna_komplettering',
          'ateruppta_handlaggning',
          'aterkalla',
          'jäv_anmält',
          'bedömd',
          'beslut_utformat',
          'beslut_ändrat_utkast',
          'beslut_fattat',
          'beslut_motiverat',
          'ändringsbeslut_utformat',
          'ändringsbeslut_fattat',
        ]),
      );
      for (const action of walked) expect(HISTORY_VISIBILITY).toHaveProperty([action]);
      const publicActions = [...walked].filter((a) => HISTORY_VISIBILITY[a] === 'public');
      expect(new Set(seen.map((h: { action: string }) => h.action))).toEqual(new Set(publicActions));
      expect(seen).toHaveLength(
        all.filter((h: { action: string }) => publicActions.includes(h.action)).length,
      );
      const text = JSON.stringify(seen);
      expect(text).not.toContain('Min make');
      expect(text).not.toContain('Hemligt internt skäl');
      expect(text).not.toContain('evaluatedMax');
      // Officers see the internal entries, reasons included.
      expect(JSON.stringify(all)).toContain('Min make är styrelseledamot');
      const stored = await ds.query(
        `SELECT action, visibility FROM case_history WHERE case_id = $1 AND action = 'jäv_anmält'`,
        [id],
      );
      expect(stored).toEqual([{ action: 'jäv_anmält', visibility: 'internal' }]);
    }, 60_000);
  });

  describe('races', () => {
    it('a withdrawal and a signature at the same moment never both succeed', async () => {
      for (let trial = 0; trial < 10; trial++) {
        const { caseId, draftId, applicant } = await readyToSign();
        const [withdraw, sign] = await Promise.all([
          move(caseId, applicant, 'aterkalla', 'Vi drar tillbaka'),
          http.post(`/api/decisions/${draftId}/sign`).set(decider.auth).send({}),
        ]);
        expect([withdraw.status, sign.status].sort()).toEqual([201, 409]);
        const [c] = await ds.query('SELECT status FROM grant_case WHERE id = $1', [caseId]);
        const [d] = await ds.query('SELECT status FROM decision WHERE id = $1', [draftId]);
        const actions = (await ds.query('SELECT action FROM case_history WHERE case_id = $1', [caseId])).map(
          (r: { action: string }) => r.action,
        );
        if (sign.status === 201) {
          expect(c.status).toBe('beslutad');
          expect(actions).not.toContain('aterkalla');
        } else {
          expect(c.status).toBe('aterkallad');
          expect(d.status).toBe('utkast');
          expect(actions).not.toContain('beslut_fattat');
        }
      }
    }, 120_000);

    it('allows only one open change decision per decision', async () => {
      const { draftId } = await readyToSign();
      await flow.sign(draftId);
      const results = await Promise.all(
        [21_000, 22_000, 23_000, 24_000, 25_000].map((amount) =>
          http.post(`/api/decisions/${draftId}/amendments`).set(officer.auth).send({ amount }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      for (const r of results.filter((x) => x.status !== 201)) expect(r.body.code).toBe('CONFLICT');
      const open = await ds.query(
        `SELECT count(*)::int AS n FROM decision WHERE amends_decision_id = $1 AND status = 'utkast'`,
        [draftId],
      );
      expect(open[0].n).toBe(1);
      // Once it is signed, the next correction may be drafted.
      const first = results.find((r) => r.status === 201)!.body;
      await flow.sign(first.id);
      await http
        .post(`/api/decisions/${draftId}/amendments`)
        .set(officer.auth)
        .send({ amount: 20_000 })
        .expect(201);
    });

    it('re-drafting while signing never deadlocks into a 500', async () => {
      for (let trial = 0; trial < 5; trial++) {
        const { caseId, draftId } = await readyToSign();
        const [redraft, sign] = await Promise.all([
          http.post(`/api/cases/${caseId}/decisions`).set(officer.auth).send({ outcome: 'bifall' }),
          http.post(`/api/decisions/${draftId}/sign`).set(decider.auth).send({}),
        ]);
        for (const r of [redraft, sign]) expect([201, 404, 409]).toContain(r.status);
        expect(redraft.status === 201 || sign.status === 201).toBe(true);
      }
    }, 60_000);

    it('refuses null financing in a draft decision with 400', async () => {
      const { draftId } = await readyToSign();
      const res = await http.patch(`/api/decisions/${draftId}`).set(officer.auth).send({ financing: null });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('financing');
    });
  });

  describe('personal data', () => {
    it('logs the what-if and the shown evaluation as uses of the born-outside-the-Nordics fact', async () => {
      const { org, applicant } = await firm({ inTatort: true, runBy: 'man', bornOutsideNordics: true });
      const id = await flow.assessed(applicant, coffeeMachine(org.id));
      const log = () =>
        ds.query('SELECT purpose FROM personal_data_access WHERE organisation_id = $1 ORDER BY id', [org.id]);
      expect((await log()).map((r: { purpose: string }) => r.purpose)).toEqual(['bedömning']);
      await http.get(`/api/cases/${id}/evaluation`).set(officer.auth).expect(200);
      expect((await log()).map((r: { purpose: string }) => r.purpose)).toEqual(['bedömning', 'visning']);
      const [rules] = await ds.query(
        `SELECT content FROM inriktningsbeslut WHERE status = 'antaget' LIMIT 1`,
      );
      await http.post('/api/policy/what-if').set(officer.auth).send({ content: rules.content }).expect(201);
      expect((await log()).map((r: { purpose: string }) => r.purpose)).toEqual([
        'bedömning',
        'visning',
        'konsekvensanalys',
      ]);
      // Signing evaluates once more under the lock: that use is logged too.
      await flow.sign((await flow.draft(id)).id);
      expect((await log()).map((r: { purpose: string }) => r.purpose)).toEqual([
        'bedömning',
        'visning',
        'konsekvensanalys',
        'beslut',
      ]);
    }, 60_000);
  });

  describe('attachments', () => {
    async function openCase(): Promise<{ id: string; applicant: TestUser }> {
      const { org, applicant } = await firm();
      return { id: await draftCase(org.id, applicant), applicant };
    }

    it('reads the whole of a text file: a character across byte 4 096 is fine, broken UTF-8 later is not', async () => {
      const { id, applicant } = await openCase();
      const straddling = Buffer.concat([
        Buffer.from('a'.repeat(4095)),
        Buffer.from('ö'),
        Buffer.from('slut'),
      ]);
      await http
        .post(`/api/cases/${id}/attachments`)
        .set(applicant.auth)
        .attach('file', straddling, { filename: 'lang.txt', contentType: 'text/plain' })
        .expect(201);
      const broken = Buffer.concat([Buffer.from('a'.repeat(10_000)), Buffer.from([0xc3, 0x28])]);
      const res = await http
        .post(`/api/cases/${id}/attachments`)
        .set(applicant.auth)
        .attach('file', broken, { filename: 'trasig.txt', contentType: 'text/plain' })
        .expect(415);
      expect(res.body.details[0].field).toBe('file');
    });

    it('refuses a two-file upload and stores neither', async () => {
      const { id, applicant } = await openCase();
      const res = await http
        .post(`/api/cases/${id}/attachments`)
        .set(applicant.auth)
        .attach('file', Buffer.from('ett'), { filename: 'ett.txt', contentType: 'text/plain' })
        .attach('file', Buffer.from('två'), { filename: 'tva.txt', contentType: 'text/plain' });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('file');
      const [n] = await ds.query('SELECT count(*)::int AS n FROM attachment WHERE case_id = $1', [id]);
      expect(n.n).toBe(0);
    });

    it('serves attachments as attachments with every needed character of the name escaped', async () => {
      const { id, applicant } = await openCase();
      const name = 'offert "slut"; filename=evil.html\r\nX-Injected: 1 åäö (1).txt';
      const up = await http
        .post(`/api/cases/${id}/attachments`)
        .set(applicant.auth)
        .attach('file', Buffer.from('hej'), { filename: name, contentType: 'text/plain' })
        .expect(201);
      const res = await http
        .get(`/api/cases/${id}/attachments/${up.body.id}`)
        .set(applicant.auth)
        .expect(200);
      const cd = res.headers['content-disposition'];
      expect(cd).toMatch(/^attachment; filename="[A-Za-z0-9 ._-]+"; filename\*=UTF-8''[A-Za-z0-9%._~-]+$/);
      expect(res.headers['x-injected']).toBeUndefined();
      expect(decodeURIComponent(cd.split("''")[1])).toBe(up.body.filename);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });

    it('bounds the attachments of one case', async () => {
      const { id, applicant } = await openCase();
      await ds.query(
        `INSERT INTO attachment (case_id, filename, content_type, size, sha256, content, uploaded_by)
         SELECT $1, 'f' || g || '.txt', 'text/plain', 1, 'x', 'a'::bytea, $2 FROM generate_series(1, 100) g`,
        [id, applicant.account.id],
      );
      const res = await http
        .post(`/api/cases/${id}/attachments`)
        .set(applicant.auth)
        .attach('file', Buffer.from('en till'), { filename: 'till.txt', contentType: 'text/plain' })
        .expect(409);
      expect(res.body.details[0]).toMatchObject({ field: 'file' });
    });
  });
});
