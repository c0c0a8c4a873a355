import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@anslag/auth';
import { createTestApp, createUser, ensureReferenceData, PrivateDatabase, TEST_IDS } from '@anslag/testing';

/**
 * Adopting one inriktningsbeslut while extending the one it replaces: both touch the same row, and once
 * deadlocked (a table lock taken first in one, a row lock first in the other). A database of its own,
 * since adopting ends every earlier decision and the shared one is used by other suites.
 */
describe('security: adopting and extending an inriktningsbeslut at once', () => {
  let db: PrivateDatabase;
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    db = await PrivateDatabase.use();
    app = await createTestApp();
    http = request(app.getHttpServer());
    await ensureReferenceData(app.get(DataSource));
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('queues the two instead of deadlocking: never a 500, and the rows agree with who won', async () => {
    const user = await createUser(app, [Role.admin]);
    const base = (
      await http.get(`/api/policy/inriktningsbeslut/${TEST_IDS.inriktningsbeslut2019}`).set(user.auth)
    ).body.content;
    const draft = async (year: number) =>
      (
        await http
          .post('/api/policy/inriktningsbeslut')
          .set(user.auth)
          .send({ content: { ...base, id: `race-${year}`, validFrom: `${year}-01-01`, validTo: null } })
          .expect(201)
      ).body.id as string;
    for (let year = 2060; year < 2070; year += 2) {
      const current = await draft(year);
      await http
        .post(`/api/policy/inriktningsbeslut/${current}/adopt`)
        .set(user.auth)
        .send({ adoptedOn: `${year - 1}-11-20`, paragraph: '§ 1' })
        .expect(201);
      const next = await draft(year + 1);
      const [adopt, extend] = await Promise.all([
        http
          .post(`/api/policy/inriktningsbeslut/${next}/adopt`)
          .set(user.auth)
          .send({ adoptedOn: `${year}-11-20`, paragraph: '§ 2' }),
        http
          .post(`/api/policy/inriktningsbeslut/${current}/extend`)
          .set(user.auth)
          .send({ decidedOn: `${year}-06-01`, paragraph: '§ 3', validTo: null }),
      ]);
      expect(adopt.status).toBe(201);
      expect([201, 409]).toContain(extend.status);
      const stored = (await http.get(`/api/policy/inriktningsbeslut/${current}`).set(user.auth)).body;
      // Whichever came first, the later decision ends the earlier one the day before it begins.
      expect(stored.validTo).toBe(`${year}-12-31`);
    }
  }, 120_000);
});
