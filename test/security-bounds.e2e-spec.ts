import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@anslag/auth';
import {
  createOrganisation,
  createTestApp,
  createUser,
  ensureReferenceData,
  mindLikeProject,
  PrivateDatabase,
  tableCounts,
  TestUser,
} from '@anslag/testing';

/**
 * The requests that once stopped the api or answered 500; each now gets a 4xx in the one error shape.
 * A database of its own, so that the row counts showing a refused request wrote nothing are this
 * suite's alone (other suites write cases and history beside it in the shared one).
 */
describe('security: request bounds and the one error shape', () => {
  let db: PrivateDatabase;
  let app: NestFastifyApplication;
  let ds: DataSource;
  let http: ReturnType<typeof request>;
  let officer: TestUser;
  let applicant: TestUser;
  let orgId: string;
  const tables = ['grant_case', 'organisation', 'case_history', 'decision', 'conflict_of_interest'];

  beforeAll(async () => {
    db = await PrivateDatabase.use();
    app = await createTestApp();
    ds = app.get(DataSource);
    http = request(app.getHttpServer());
    await ensureReferenceData(ds);
    officer = await createUser(app, [Role.handlaggare]);
    const org = await createOrganisation(ds);
    orgId = org.id;
    applicant = await createUser(app, [Role.sokande], [org.id]);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  }, 30_000);

  /** The error shape, with the field named where there is one. */
  function expectShape(res: request.Response, status: number, field?: string): void {
    expect(res.status).toBe(status);
    expect(res.body).toEqual(
      expect.objectContaining({
        statusCode: status,
        code: expect.any(String),
        message: expect.any(String),
        details: expect.any(Array),
        requestId: res.headers['x-request-id'],
      }),
    );
    if (field) expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  }

  async function healthAnswers(): Promise<void> {
    await http.get('/health').timeout(1000).expect(200);
  }

  const raw = (method: 'post' | 'patch', url: string, body: string, auth?: Record<string, string>) => {
    const r = http[method](url).set('content-type', 'application/json');
    if (auth) r.set(auth);
    return r.send(body);
  };

  describe('body size, depth and members, before validation', () => {
    it('refuses a 10 MB login body with 413 and keeps serving', async () => {
      const pad = '1,'.repeat(5 * 1024 * 1024);
      const body = `{"username":"admin","password":"x","pad":[${pad}1]}`;
      const res = await raw('post', '/api/auth/login', body);
      expectShape(res, 413);
      expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
      await healthAnswers();
    });

    it('refuses 150 000 keys on login (1.7 MB) with 413 and keeps serving', async () => {
      const keys = Array.from({ length: 150_000 }, (_, i) => `"k${i}":1`).join(',');
      const res = await raw('post', '/api/auth/login', `{"username":"admin","password":"x",${keys}}`);
      expectShape(res, 413);
      await healthAnswers();
    });

    it('refuses 20 000 keys within the size limit of a document route, before validation', async () => {
      const keys = Array.from({ length: 20_000 }, (_, i) => `"k${i}":1`).join(',');
      const body = `{"track":"projekt","organisationId":"${orgId}","title":"x",${keys}}`;
      expect(body.length).toBeLessThan(1024 * 1024);
      const before = await tableCounts(ds, tables);
      const res = await raw('post', '/api/cases', body, applicant.auth);
      expectShape(res, 413, 'body');
      expect(await tableCounts(ds, tables)).toEqual(before);
      await healthAnswers();
    });

    it('refuses JSON nested 10 000 deep, on login without a token and on a route with one', async () => {
      const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
      expectShape(await raw('post', '/api/auth/login', `{"username":${deep}}`), 413);
      const res = await raw('post', '/api/cases', `{"title":${deep}}`, applicant.auth);
      expectShape(res, 413, 'body');
      // Deep enough to pass the size limit of login, still refused for its depth.
      const nested = `{"username":${'{"a":'.repeat(1000)}1${'}'.repeat(1000)}}`;
      expect(nested.length).toBeLessThan(8 * 1024);
      expectShape(await raw('post', '/api/auth/login', nested), 413, 'body');
      await healthAnswers();
    });

    it('keeps the documented limit where a route needs more: a case of 300 KB is accepted', async () => {
      const res = await http
        .post('/api/cases')
        .set(applicant.auth)
        .send({ ...mindLikeProject(orgId), description: 'x'.repeat(19_000), title: 'Stort projekt' })
        .expect(201);
      expect(res.body.title).toBe('Stort projekt');
      // The same size on login (8 KiB) is too large.
      expectShape(
        await http.post('/api/auth/login').send({ username: 'x'.repeat(10_000), password: 'y' }),
        413,
      );
    });
  });

  describe('text the database cannot store', () => {
    it('refuses a NUL byte in any text field or query, naming it', async () => {
      const before = await tableCounts(ds, tables);
      expectShape(
        await http.post('/api/auth/login').send({ username: 'ad\u0000min', password: 'x' }),
        400,
        'username',
      );
      expectShape(
        await http
          .post('/api/cases')
          .set(applicant.auth)
          .send({ ...mindLikeProject(orgId), title: 'A\u0000B' }),
        400,
        'title',
      );
      const org = (await http.get(`/api/organisations/${orgId}`).set(officer.auth).expect(200)).body;
      expectShape(
        await http.patch(`/api/organisations/${org.id}`).set(officer.auth).send({ name: 'Bolag\u0000 AB' }),
        400,
        'name',
      );
      const c = await http.post('/api/cases').set(applicant.auth).send(mindLikeProject(orgId)).expect(201);
      const jav = await http
        .post(`/api/cases/${c.body.id}/jav`)
        .set(officer.auth)
        .send({ reason: 'Min make\u0000 är styrelseledamot' });
      expectShape(jav, 400, 'reason');
      expectShape(await http.get('/api/cases?organisation=%00').set(officer.auth), 400, 'organisation');
      const after = await tableCounts(ds, tables);
      expect(after).toEqual({
        ...before,
        grant_case: before.grant_case + 1,
        case_history: before.case_history + 1,
      });
    });

    it('refuses a lone surrogate in a title', async () => {
      const body = JSON.stringify({ ...mindLikeProject(orgId), title: 'x' }).replace(
        '"title":"x"',
        '"title":"\\ud800"',
      );
      expectShape(await raw('post', '/api/cases', body, applicant.auth), 400, 'title');
    });
  });

  describe('numbers and ids', () => {
    it('refuses ?page=1e20 with 400 naming page', async () => {
      expectShape(await http.get('/api/cases?page=1e20').set(officer.auth), 400, 'page');
    });

    it('refuses a case for an organisation that does not exist with 400 naming it', async () => {
      const before = await tableCounts(ds, tables);
      const res = await http
        .post('/api/cases')
        .set(officer.auth)
        .send(mindLikeProject('5c0f1e7a-0000-4000-8000-000000000000'));
      expectShape(res, 400, 'organisationId');
      expect(await tableCounts(ds, tables)).toEqual(before);
    });

    it('refuses a delegation limit of 1e20 or 2^53+1', async () => {
      const admin = await createUser(app, [Role.admin]);
      const point = {
        point: '9.9',
        title: 'Test',
        decisionMakerTitle: 'Chef',
        tracks: ['foretagsstod'],
        validFrom: '2020-01-01',
      };
      for (const limit of ['1e20', '9007199254740993']) {
        const body = JSON.stringify({ ...point, limitKronor: 0 }).replace(
          '"limitKronor":0',
          `"limitKronor":${limit}`,
        );
        expectShape(await raw('post', '/api/delegation-points', body, admin.auth), 400, 'limitKronor');
      }
    });

    it('answers a 5 000-character path id in the error shape', async () => {
      const res = await http.get(`/api/cases/${'a'.repeat(5000)}`).set(officer.auth);
      expect([400, 404, 414]).toContain(res.status);
      expectShape(res, res.status);
    });

    it('answers multipart without a boundary in the error shape', async () => {
      const c = await http.post('/api/cases').set(applicant.auth).send(mindLikeProject(orgId)).expect(201);
      const res = await http
        .post(`/api/cases/${c.body.id}/attachments`)
        .set(applicant.auth)
        .set('content-type', 'multipart/form-data')
        .send('--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhej\r\n--x--\r\n');
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectShape(res, res.status);
    });
  });

  describe('null for an optional field', () => {
    it('refuses null where the stored value cannot be empty, and changes nothing', async () => {
      const c = await http.post('/api/cases').set(applicant.auth).send(mindLikeProject(orgId)).expect(201);
      for (const field of ['title', 'rusAreas', 'sections']) {
        expectShape(
          await http
            .patch(`/api/cases/${c.body.id}`)
            .set(applicant.auth)
            .send({ [field]: null }),
          400,
          field,
        );
      }
      expectShape(
        await http.patch(`/api/organisations/${orgId}`).set(officer.auth).send({ name: null }),
        400,
        'name',
      );
      const stored = await ds.query('SELECT title FROM grant_case WHERE id = $1', [c.body.id]);
      expect(stored[0].title).toBe(c.body.title);
    });
  });

  describe('sections and text sizes', () => {
    it('takes section codes from the catalogue and bounds their texts', async () => {
      const c = await http.post('/api/cases').set(applicant.auth).send(mindLikeProject(orgId)).expect(201);
      expectShape(
        await http
          .patch(`/api/cases/${c.body.id}`)
          .set(applicant.auth)
          .send({ sections: { sammanfattning: 'x'.repeat(20_001) } }),
        400,
        'sections',
      );
      expectShape(
        await http
          .patch(`/api/cases/${c.body.id}`)
          .set(applicant.auth)
          .send({ sections: { sammanfattning: { nested: 'object' } } }),
        400,
        'sections',
      );
      await ds.query(
        `INSERT INTO catalogue_entry (kind, code, name) VALUES ('application_section', 'sammanfattning', 'Sammanfattning')
         ON CONFLICT DO NOTHING`,
      );
      expectShape(
        await http
          .patch(`/api/cases/${c.body.id}`)
          .set(applicant.auth)
          .send({ sections: { hemligt_avsnitt: 'text' } }),
        400,
        'sections.hemligt_avsnitt',
      );
      await http
        .patch(`/api/cases/${c.body.id}`)
        .set(applicant.auth)
        .send({ sections: { sammanfattning: 'Kort text' } })
        .expect(200);
    });
  });

  describe('headers', () => {
    it('sends nosniff, a strict CSP, a referrer policy and no-store on authenticated answers', async () => {
      const res = await http.get('/api/auth/me').set(officer.auth).expect(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('keeps a well-formed X-Request-Id and replaces any other', async () => {
      const ok = await http.get('/health').set('X-Request-Id', 'lb-7f3a9c21').expect(200);
      expect(ok.headers['x-request-id']).toBe('lb-7f3a9c21');
      for (const bad of ['../../etc/passwd', '<script>', 'a'.repeat(200), 'x y', '.hidden']) {
        const res = await http.get('/health').set('X-Request-Id', bad).expect(200);
        expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      }
    });
  });
});
