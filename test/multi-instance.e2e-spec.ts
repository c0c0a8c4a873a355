/**
 * The production topology as processes: 2 api and 2 worker processes on one PostgreSQL and one Redis,
 * behind nginx (apps/cli/cluster.js). Runs the compiled code in dist/, which the test runner's type
 * check writes.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Account, hashPassword, Role } from '@anslag/auth';
import {
  CaseFlow,
  createTestApp,
  createUser,
  ensureReferenceData,
  mikrobidragApplication,
  PrivateDatabase,
} from '@anslag/testing';
import { letterRows, waitFor } from './letters-support';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startCluster } = require('../apps/cli/cluster.js') as {
  startCluster: (o: object) => Promise<Cluster>;
};

interface Instance {
  name: string;
  port: number;
  logPath: string;
}
interface Cluster {
  url: string;
  apis: Instance[];
  workers: Instance[];
  stop(): Promise<void>;
}

const ROOT = join(__dirname, '..');

describe('two api and two worker processes behind nginx', () => {
  let db: PrivateDatabase;
  let cluster: Cluster;
  let app: NestFastifyApplication;
  let ds: DataSource;
  const savedSecret = process.env.JWT_SECRET;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js'))) {
      throw new Error('dist/ is missing: run the suite with npm test, which compiles before jest');
    }
    // A database of its own: the workers' outbox relays take every pending row they find.
    db = await PrivateDatabase.use();
    process.env.JWT_SECRET = randomBytes(32).toString('hex');
    app = await createTestApp();
    ds = app.get(DataSource);
    await ensureReferenceData(ds);
    cluster = await startCluster({
      root: ROOT,
      apis: 2,
      workers: 2,
      env: {
        DATABASE_URL: db.url,
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        JWT_SECRET: process.env.JWT_SECRET,
        LOG_LEVEL: 'info',
        LOGIN_FAILURES_PER_ACCOUNT: '3',
        LOGIN_FAILURES_PER_ADDRESS: '1000',
      },
    });
  }, 420_000);

  afterAll(async () => {
    await cluster?.stop();
    await app?.close();
    await db?.drop();
    process.env.JWT_SECRET = savedSecret;
  }, 120_000);

  const direct = (i: number) => request(`http://127.0.0.1:${cluster.apis[i].port}`);

  it('spreads requests through the proxy over both api instances', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const res = await request(cluster.url).get('/health/ready').expect(200);
      seen.add(res.headers['x-upstream']);
    }
    expect([...seen].sort()).toEqual(cluster.apis.map((a) => `127.0.0.1:${a.port}`).sort());
  });

  it('accepts a token issued by one instance at the other', async () => {
    const username = `handlaggare-${randomBytes(4).toString('hex')}`;
    await ds.getRepository(Account).save({
      username,
      displayName: 'Test Testsson',
      roles: [Role.handlaggare],
      organisationIds: [],
      delegationPoints: [],
      passwordHash: await hashPassword('rätt lösenord'),
    });
    const login = await direct(0)
      .post('/api/auth/login')
      .send({ username, password: 'rätt lösenord' })
      .expect(200);
    const me = await direct(1)
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .expect(200);
    expect(me.body.username).toBe(username);
    await direct(1).get('/api/auth/me').set('Authorization', 'Bearer not.a.token').expect(401);
  });

  it('shares the login rate limit: failures at either instance count together', async () => {
    const username = `handlaggare-${randomBytes(4).toString('hex')}`;
    await ds.getRepository(Account).save({
      username,
      displayName: 'Test Testsson',
      roles: [Role.handlaggare],
      organisationIds: [],
      delegationPoints: [],
      passwordHash: await hashPassword('rätt lösenord'),
    });
    for (const i of [0, 1, 0]) {
      await direct(i).post('/api/auth/login').send({ username, password: 'fel lösenord' }).expect(401);
    }
    // The third failure was at api-1; api-2 refuses even the right password now.
    const locked = await direct(1)
      .post('/api/auth/login')
      .send({ username, password: 'rätt lösenord' })
      .expect(429);
    expect(locked.body.code).toBe('TOO_MANY_REQUESTS');
  });

  it('produces the letter of every decision signed through either instance exactly once', async () => {
    const officer = await createUser(app, [Role.handlaggare]);
    const decider = await createUser(app, [Role.beslutsfattare], [], ['3.3']);
    const decisions: string[] = [];
    for (let i = 0; i < 4; i++) {
      const [here, there] = [i % 2, (i + 1) % 2].map(
        (n) => new CaseFlow(app, { officer, decider }, direct(n)),
      );
      const { org, applicant } = await here.firm();
      const id = await here.assessed(applicant, {
        ...mikrobidragApplication(org.id, 30_000),
        title: `Ny maskin ${i}`,
      });
      const draft = await here.draft(id);
      // Signed at the other instance than the one that drafted it.
      await there.sign(draft.id);
      decisions.push(draft.id);
    }
    await waitFor(
      async () =>
        (await letterRows(ds, decisions)).filter((r) => r.status === 'done').length === decisions.length,
      'the letters of all four decisions',
      180_000,
    );
    const letters = await ds.query(
      `SELECT decision_id, count(*)::int AS n, min(attempts) AS attempts FROM decision_letter
        WHERE decision_id = ANY($1::uuid[]) GROUP BY decision_id`,
      [decisions],
    );
    expect(letters).toHaveLength(4);
    expect(letters.every((l: { n: number; attempts: number }) => l.n === 1 && l.attempts === 1)).toBe(true);
    for (const r of await letterRows(ds, decisions)) expect(r.pdf_sha256).toBe(r.sha256);
    const outbox = await ds.query(
      `SELECT count(*)::int AS n FROM outbox WHERE aggregate_id = ANY($1::uuid[]) AND relayed_at IS NULL`,
      [decisions],
    );
    expect(outbox[0].n).toBe(0);
  }, 300_000);
});
