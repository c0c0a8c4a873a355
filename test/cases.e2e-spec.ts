import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Account, hashPassword, Role } from '@anslag/auth';
import { DiarienummerService } from '@anslag/cases';
import {
  asOwner,
  createOrganisation,
  createTestApp,
  createUser,
  ensureReferenceData,
  mindLikeProject,
  randomOrganisationsnummer,
  TestUser,
} from '@anslag/testing';

describe('cases', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let http: ReturnType<typeof request>;
  let applicant: TestUser;
  let otherApplicant: TestUser;
  let officer: TestUser;
  let secretary: TestUser;
  let orgId: string;

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    http = request(app.getHttpServer());
    await ensureReferenceData(ds);
    const org = await createOrganisation(ds, { name: 'Sökande Industri AB' });
    const other = await createOrganisation(ds);
    orgId = org.id;
    applicant = await createUser(app, [Role.sokande], [org.id]);
    otherApplicant = await createUser(app, [Role.sokande], [other.id]);
    officer = await createUser(app, [Role.handlaggare]);
    secretary = await createUser(app, [Role.namndsekreterare]);
  });
  afterAll(() => app.close());

  const createDraft = async (user: TestUser = applicant, body: object = mindLikeProject(orgId)) =>
    (await http.post('/api/cases').set(user.auth).send(body).expect(201)).body;

  describe('login and tokens', () => {
    it('answers a token for the right password and 401 for a wrong one', async () => {
      await ds.getRepository(Account).save({
        username: 'login-test',
        displayName: 'Login Test',
        roles: [Role.handlaggare],
        passwordHash: await hashPassword('rätt-lösen-för-test-Kx7!'),
      });
      const ok = await http
        .post('/api/auth/login')
        .send({ username: 'login-test', password: 'rätt-lösen-för-test-Kx7!' })
        .expect(200);
      const me = await http
        .get('/api/auth/me')
        .set({ Authorization: `Bearer ${ok.body.accessToken}` })
        .expect(200);
      expect(me.body).toMatchObject({ username: 'login-test', roles: ['handlaggare'] });
      const bad = await http
        .post('/api/auth/login')
        .send({ username: 'login-test', password: 'fel' })
        .expect(401);
      expect(bad.body.code).toBe('UNAUTHENTICATED');
      await http.post('/api/auth/login').send({ username: 'finns-inte', password: 'x' }).expect(401);
    });

    it('refuses a route without a token, and with a forged one', async () => {
      expect((await http.get('/api/cases').expect(401)).body.code).toBe('UNAUTHENTICATED');
      await http.get('/api/cases').set({ Authorization: 'Bearer abc.def.ghi' }).expect(401);
    });
  });

  describe('bad input', () => {
    it('answers malformed JSON with 400 in the error shape', async () => {
      const res = await http
        .post('/api/auth/login')
        .set('content-type', 'application/json')
        .send('{"username": "x",')
        .expect(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        code: 'MALFORMED_REQUEST',
        details: [{ field: 'body' }],
      });
      expect(typeof res.body.requestId).toBe('string');
    });

    it('answers an unknown field and a wrong type with 400 naming the field', async () => {
      const unknown = await http
        .post('/api/auth/login')
        .send({ username: 'a', password: 'b', admin: true })
        .expect(400);
      expect(unknown.body.code).toBe('VALIDATION_FAILED');
      expect(unknown.body.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'admin' })]),
      );
      const wrongType = await http.post('/api/auth/login').send({ username: 42, password: 'b' }).expect(400);
      expect(wrongType.body.details[0].field).toBe('username');
    });

    it('refuses an organisationsnummer with a bad check digit and stores nothing', async () => {
      const body = {
        organisationsnummer: '556016-0681',
        name: 'Felsiffran AB',
        streetAddress: 'Gatan 1',
        postalCode: '70211',
        city: 'Örebro',
        legalForm: 'Aktiebolag',
      };
      const res = await http.post('/api/organisations').set(applicant.auth).send(body).expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'organisationsnummer' })]);
      expect(await ds.query(`SELECT 1 FROM organisation WHERE name = 'Felsiffran AB'`)).toHaveLength(0);
    });

    it('refuses fractional, negative and out-of-period budget amounts with the field named', async () => {
      const draft = mindLikeProject(orgId);
      const fractional = {
        ...draft,
        budget: { ...draft.budget, costs: [{ category: 'egen_personal', year: 2020, amount: 10.5 }] },
      };
      const r1 = await http.post('/api/cases').set(applicant.auth).send(fractional).expect(400);
      expect(r1.body.details[0].field).toBe('budget.costs[0].amount');
      const negative = {
        ...draft,
        budget: { ...draft.budget, financing: [{ financier: 'kommuner', year: 2020, amount: -1 }] },
      };
      const r2 = await http.post('/api/cases').set(applicant.auth).send(negative).expect(400);
      expect(r2.body.details[0].field).toBe('budget.financing[0].amount');
      const outside = {
        ...draft,
        budget: { ...draft.budget, costs: [{ category: 'egen_personal', year: 2023, amount: 5 }] },
      };
      const r3 = await http.post('/api/cases').set(applicant.auth).send(outside).expect(400);
      expect(r3.body.details).toEqual([
        { field: 'budget.costs[0].year', problem: expect.stringContaining('utanför projektperioden') },
      ]);
      const unknownCategory = {
        ...draft,
        budget: { ...draft.budget, costs: [{ category: 'fest', year: 2020, amount: 5 }] },
      };
      const r4 = await http.post('/api/cases').set(applicant.auth).send(unknownCategory).expect(400);
      expect(r4.body.details[0].field).toBe('budget.costs[0].category');
      const [{ n }] = await ds.query(
        `SELECT count(*)::int AS n FROM grant_case WHERE organisation_id = $1 AND status = 'utkast' AND title = $2 AND created_at > now() - interval '1 minute'`,
        [orgId, 'never'],
      );
      expect(n).toBe(0);
    });

    it('refuses a malformed case id with 400 naming it', async () => {
      const res = await http.get('/api/cases/not-a-uuid').set(officer.auth).expect(400);
      expect(res.body.details).toEqual([{ field: 'id', problem: 'ska vara ett UUID' }]);
    });
  });

  describe('access by role', () => {
    it('lets the applicant see its own case and answers 404 for another organisation’s case', async () => {
      const c = await createDraft();
      expect(c.amountApplied).toBe(432_000); // derived: 1:1 232 000 + rambudget 200 000
      expect(c.budgetSummary).toMatchObject({
        costsTotal: 484_000,
        financingTotal: 484_000,
        inKindTotal: 60_000,
        balanced: true,
        askedShareBp: 8926,
      });
      await http.get(`/api/cases/${c.id}`).set(applicant.auth).expect(200);
      const hidden = await http.get(`/api/cases/${c.id}`).set(otherApplicant.auth).expect(404);
      expect(hidden.body.code).toBe('NOT_FOUND');
      await http.get(`/api/cases/${c.id}/history`).set(otherApplicant.auth).expect(404);
      await http.patch(`/api/cases/${c.id}`).set(otherApplicant.auth).send({ title: 'Kapad' }).expect(404);
      await http.get(`/api/cases/00000000-0000-4000-8000-000000000000`).set(applicant.auth).expect(404);
      const list = await http.get('/api/cases').set(otherApplicant.auth).expect(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
    });

    it('refuses an applicant creating a case for an organisation it does not act for', async () => {
      const res = await http
        .post('/api/cases')
        .set(otherApplicant.auth)
        .send(mindLikeProject(orgId))
        .expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
    });

    it('refuses roles that may not create or change cases', async () => {
      expect(
        (await http.post('/api/cases').set(secretary.auth).send(mindLikeProject(orgId)).expect(403)).body
          .code,
      ).toBe('FORBIDDEN');
      const c = await createDraft();
      await http.patch(`/api/cases/${c.id}`).set(secretary.auth).send({ title: 'x' }).expect(403);
      await http.get(`/api/organisations/mine`).set(officer.auth).expect(403);
      const decider = await createUser(app, [Role.beslutsfattare]);
      const admin = await createUser(app, [Role.admin]);
      await http.post('/api/cases').set(decider.auth).send(mindLikeProject(orgId)).expect(403);
      await http.patch(`/api/cases/${c.id}`).set(admin.auth).send({ title: 'x' }).expect(403);
      await http
        .post(`/api/cases/${c.id}/transitions`)
        .set(decider.auth)
        .send({ transition: 'skicka_in' })
        .expect(403);
      await http.post(`/api/cases/${c.id}/attachments`).set(secretary.auth).expect(403);
      await http.post('/api/organisations').set(secretary.auth).send({}).expect(403);
      // Allowed: every officer role reads the case and its history; an admin alone does not (least privilege).
      for (const u of [decider, secretary])
        await http.get(`/api/cases/${c.id}/history`).set(u.auth).expect(200);
      await http.get(`/api/cases/${c.id}/history`).set(admin.auth).expect(404);
      const stored = await ds.query('SELECT title, status FROM grant_case WHERE id = $1', [c.id]);
      expect(stored[0]).toEqual({ title: c.title, status: 'utkast' });
    });

    it('lets officers see every case and search them', async () => {
      const c = await createDraft();
      await http.get(`/api/cases/${c.id}`).set(secretary.auth).expect(200);
      const found = await http
        .get('/api/cases')
        .query({ organisationId: orgId, status: 'utkast', pageSize: 200 })
        .set(officer.auth)
        .expect(200);
      expect(found.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
      expect(found.body.items.every((i: { status: string }) => i.status === 'utkast')).toBe(true);
      const badQuery = await http.get('/api/cases').query({ pageSize: 1000 }).set(officer.auth).expect(400);
      expect(badQuery.body.details[0].field).toBe('pageSize');
    });
  });

  describe('life cycle', () => {
    it('refuses an unbalanced budget at submission, naming the budget, and registers a balanced one', async () => {
      const draft = mindLikeProject(orgId);
      const c = await createDraft(applicant, {
        ...draft,
        budget: { ...draft.budget, financing: draft.budget.financing.slice(0, 2) },
      });
      const refused = await http
        .post(`/api/cases/${c.id}/transitions`)
        .set(applicant.auth)
        .send({ transition: 'skicka_in' })
        .expect(409);
      expect(refused.body.code).toBe('CASE_NOT_SUBMITTABLE');
      expect(refused.body.details).toEqual([
        { field: 'budget', problem: expect.stringContaining('inte fullt finansierad') },
      ]);
      const unchanged = await ds.query('SELECT status, diarienummer FROM grant_case WHERE id = $1', [c.id]);
      expect(unchanged[0]).toEqual({ status: 'utkast', diarienummer: null });

      await http.patch(`/api/cases/${c.id}`).set(applicant.auth).send({ budget: draft.budget }).expect(200);
      const ok = await http
        .post(`/api/cases/${c.id}/transitions`)
        .set(applicant.auth)
        .send({ transition: 'skicka_in' })
        .expect(201);
      expect(ok.body.status).toBe('inskickad');
      expect(ok.body.diarienummer).toMatch(/^\d{2}RS\d+$/);
    });

    it('refuses each illegal transition with 409 and each forbidden one with 403', async () => {
      const c = await createDraft();
      const t = (user: TestUser, transition: string, reason?: string) =>
        http
          .post(`/api/cases/${c.id}/transitions`)
          .set(user.auth)
          .send({ transition, ...(reason ? { reason } : {}) });
      expect((await t(applicant, 'lamna_komplettering').expect(409)).body.code).toBe('INVALID_TRANSITION');
      await t(officer, 'paborja_handlaggning').expect(409);
      await t(applicant, 'skicka_in').expect(201);
      await t(applicant, 'skicka_in').expect(409);
      await t(applicant, 'paborja_handlaggning').expect(403);
      await t(officer, 'paborja_handlaggning').expect(201);
      expect((await t(officer, 'begar_komplettering').expect(400)).body.details[0].field).toBe('reason');
      await t(officer, 'begar_komplettering', 'Bifoga styrgruppens sammansättning').expect(201);
      // The applicant may change the application while completion is asked for.
      await http
        .patch(`/api/cases/${c.id}`)
        .set(applicant.auth)
        .send({ description: 'Styrgruppen bifogas' })
        .expect(200);
      await t(applicant, 'lamna_komplettering').expect(201);
      await http
        .patch(`/api/cases/${c.id}`)
        .set(applicant.auth)
        .send({ description: 'för sent' })
        .expect(409);
      await t(officer, 'ateruppta_handlaggning').expect(201);
      await t(officer, 'aterkalla').expect(403);
      await t(applicant, 'aterkalla').expect(201);
      await t(applicant, 'aterkalla').expect(409);
      await t(secretary, 'skicka_in').expect(403);

      const history = (await http.get(`/api/cases/${c.id}/history`).set(applicant.auth).expect(200)).body;
      expect(history.map((h: { action: string }) => h.action)).toEqual([
        'skapad',
        'skicka_in',
        'paborja_handlaggning',
        'begar_komplettering',
        'ändrad',
        'lamna_komplettering',
        'ateruppta_handlaggning',
        'aterkalla',
      ]);
      expect(history[3]).toMatchObject({
        reason: 'Bifoga styrgruppens sammansättning',
        before: { status: 'under_handlaggning' },
      });
      expect(history[4]).toMatchObject({
        before: { description: null },
        after: { description: 'Styrgruppen bifogas' },
      });
    });

    it('keeps the history append-only in the database itself', async () => {
      const c = await createDraft();
      // The api's role may not change it at all; even the owner is stopped by the trigger.
      await expect(
        ds.query('UPDATE case_history SET action = $1 WHERE case_id = $2', ['x', c.id]),
      ).rejects.toThrow(/permission denied/);
      await expect(ds.query('DELETE FROM case_history WHERE case_id = $1', [c.id])).rejects.toThrow(
        /permission denied/,
      );
      await asOwner(async (owner) => {
        await expect(
          owner.query('UPDATE case_history SET action = $1 WHERE case_id = $2', ['x', c.id]),
        ).rejects.toThrow(/append-only/);
        await expect(owner.query('DELETE FROM case_history WHERE case_id = $1', [c.id])).rejects.toThrow(
          /append-only/,
        );
      });
    });

    it('skips a number an imported case holds, and writes the number given into the history', async () => {
      // A series of this test's own (its letters and year), so that no other registration draws from it.
      const series = Array.from({ length: 8 }, () =>
        String.fromCharCode(65 + Math.floor(Math.random() * 26)),
      );
      const prefix = `99${series.join('')}`;
      const imported = await createDraft();
      await ds.query('UPDATE grant_case SET diarienummer = $1 WHERE id = $2', [`${prefix}1`, imported.id]);
      const c = await createDraft();
      const given = await ds.transaction((em) =>
        app.get(DiarienummerService).assign(em, c.id, '2099-03-01', series.join(''), {
          caseId: c.id,
          actor: null,
          action: 'skicka_in',
          before: { status: 'utkast' },
          after: { status: 'inskickad', diarienummer: null },
        }),
      );
      expect(given).toBe(`${prefix}2`);
      const [stored] = await ds.query('SELECT diarienummer FROM grant_case WHERE id = $1', [c.id]);
      expect(stored.diarienummer).toBe(given);
      const history = await ds.query(
        `SELECT actor_name, before, after, visibility FROM case_history WHERE case_id = $1 AND action = 'skicka_in'`,
        [c.id],
      );
      expect(history).toEqual([
        {
          actor_name: 'system',
          before: { status: 'utkast' },
          after: { status: 'inskickad', diarienummer: given },
          visibility: 'public',
        },
      ]);
    });

    it('gives 100 concurrent submissions 100 distinct diarienummer', async () => {
      const drafts = await Promise.all(Array.from({ length: 100 }, () => createDraft()));
      const ids: string[] = drafts.map((c) => c.id);
      const results = await Promise.all(
        ids.map((id) =>
          http.post(`/api/cases/${id}/transitions`).set(applicant.auth).send({ transition: 'skicka_in' }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(100).fill(201));
      const numbers = new Set(results.map((r) => r.body.diarienummer));
      expect(numbers.size).toBe(100);
      const stored = await ds.query(
        'SELECT count(DISTINCT diarienummer)::int AS n FROM grant_case WHERE id = ANY($1)',
        [ids],
      );
      expect(stored[0].n).toBe(100);
    }, 60_000);
  });

  describe('organisations', () => {
    it('binds a newly registered organisation to the applicant', async () => {
      const fresh = await createUser(app, [Role.sokande]);
      const orgnr = randomOrganisationsnummer().replace('-', '');
      const res = await http
        .post('/api/organisations')
        .set(fresh.auth)
        .send({
          organisationsnummer: orgnr,
          name: 'Nya Kafferosteriet',
          streetAddress: 'Torget 2',
          postalCode: '695 30',
          city: 'Laxå',
          legalForm: 'Enskild firma',
          kommunCode: '1880',
          runBy: 'kvinnor',
        })
        .expect(201);
      expect(res.body.organisationsnummer).toBe(`${orgnr.slice(0, 6)}-${orgnr.slice(6)}`);
      expect(res.body.kommun).toBe('Örebro');
      const mine = await http.get('/api/organisations/mine').set(fresh.auth).expect(200);
      expect(mine.body.map((o: { id: string }) => o.id)).toEqual([res.body.id]);
      await http.get(`/api/organisations/${res.body.id}`).set(otherApplicant.auth).expect(404);
      const clash = await http
        .post('/api/organisations')
        .set(fresh.auth)
        .send({
          ...res.body,
          id: undefined,
          kommun: undefined,
          inTatort: undefined,
          inTatortBasis: undefined,
          tatort: undefined,
        })
        .expect(409);
      expect(clash.body).toMatchObject({
        code: 'CONFLICT',
        details: [{ field: 'organisationsnummer', problem: 'redan registrerad; begär behörighet i stället' }],
      });
    });

    it('logs who read the "born outside the Nordic countries" fact, shown to admins only', async () => {
      const admin = await createUser(app, [Role.admin]);
      const org = await createOrganisation(ds, { bornOutsideNordics: true });
      const plain = await createOrganisation(ds);
      await http.get(`/api/organisations/${org.id}`).set(officer.auth).expect(200);
      await http.get(`/api/organisations/${plain.id}`).set(officer.auth).expect(200);
      await http.get(`/api/organisations/${org.id}/personal-data-access`).set(officer.auth).expect(403);
      const log = await http
        .get(`/api/organisations/${org.id}/personal-data-access`)
        .set(admin.auth)
        .expect(200);
      expect(log.body).toEqual([
        expect.objectContaining({
          reader: officer.account.username,
          field: 'bornOutsideNordics',
          purpose: 'visning',
        }),
      ]);
      const none = await http
        .get(`/api/organisations/${plain.id}/personal-data-access`)
        .set(admin.auth)
        .expect(200);
      expect(none.body).toEqual([]);
      await expect(
        ds.query('DELETE FROM personal_data_access WHERE organisation_id = $1', [org.id]),
      ).rejects.toThrow(/permission denied/);
      await asOwner(async (owner) => {
        await expect(
          owner.query('DELETE FROM personal_data_access WHERE organisation_id = $1', [org.id]),
        ).rejects.toThrow(/append-only/);
      });
    });

    it('refuses an unknown kommun', async () => {
      const res = await http
        .post('/api/organisations')
        .set(officer.auth)
        .send({
          organisationsnummer: randomOrganisationsnummer(),
          name: 'X',
          streetAddress: 'Y',
          postalCode: '12345',
          city: 'Z',
          legalForm: 'AB',
          kommunCode: '0180',
        })
        .expect(400);
      expect(res.body.details[0].field).toBe('kommunCode');
    });
  });
});
