import { randomInt } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppConfig } from '@anslag/config';
import { Account, AccountStatusService, hashPassword, passwordProblem, Role } from '@anslag/auth';
import { asOwner, createOrganisation, createTestApp, createUser, ensureReferenceData } from '@anslag/testing';

/** Tokens, revocation, login limits and the database role the api connects as. */
describe('security: tokens and accounts', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let http: ReturnType<typeof request>;
  const strong = 'Vinterns-Björkborn-7-ekar!';

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    http = request(app.getHttpServer());
    await ensureReferenceData(ds);
  });
  afterAll(() => app.close());

  /** A client address of its own per test (TEST-NET-3), so counts per address do not meet. */
  const address = () => `203.0.113.${randomInt(1, 254)}`;

  async function passwordAccount(roles: Role[] = [Role.handlaggare]): Promise<Account> {
    return ds.getRepository(Account).save({
      username: `konto-${randomInt(1e9)}`,
      displayName: 'Konto Testsson',
      roles,
      passwordHash: await hashPassword(strong),
    });
  }

  describe('tokens', () => {
    it('refuses a token without exp even when its signature is good', async () => {
      const user = await createUser(app, [Role.admin]);
      // Signed with the api's own secret, only without an expiry.
      const forever = new JwtService({ secret: app.get(AppConfig).JWT_SECRET }).sign({
        sub: user.account.id,
        username: user.account.username,
        roles: ['admin'],
        orgs: [],
      });
      expect(JSON.parse(Buffer.from(forever.split('.')[1], 'base64url').toString())).not.toHaveProperty(
        'exp',
      );
      const res = await http.get('/api/cases').set('Authorization', `Bearer ${forever}`).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
      await http.get('/api/cases').set(user.auth).expect(200);
    });

    it('refuses a token signed with the development secret once published in the source', async () => {
      const user = await createUser(app, [Role.admin]);
      const forged = new JwtService({ secret: 'development-only-secret-not-for-production-use' }).sign(
        { sub: user.account.id, username: 'x', roles: ['admin', 'handlaggare', 'beslutsfattare'], orgs: [] },
        { expiresIn: 600 },
      );
      await http.get('/api/cases').set('Authorization', `Bearer ${forged}`).expect(401);
    });
  });

  describe('revocation takes effect at once', () => {
    it('refuses a deactivated account on its next request, whatever its token says', async () => {
      const user = await createUser(app, [Role.handlaggare]);
      await http.get('/api/cases').set(user.auth).expect(200);
      await ds.getRepository(Account).update(user.account.id, { active: false });
      await app.get(AccountStatusService).invalidate(user.account.id);
      const res = await http.get('/api/cases').set(user.auth).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it('uses the roles the account has now: a demoted admin loses admin routes', async () => {
      const user = await createUser(app, [Role.admin, Role.handlaggare]);
      await http.get('/api/delegation-points').set(user.auth).expect(200);
      const point = {
        point: '8.1',
        title: 'T',
        decisionMakerTitle: 'C',
        tracks: ['projekt'],
        validFrom: '2020-01-01',
      };
      await ds.getRepository(Account).update(user.account.id, { roles: [Role.handlaggare] });
      await app.get(AccountStatusService).invalidate(user.account.id);
      const res = await http.post('/api/delegation-points').set(user.auth).send(point).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
      expect((await http.get('/api/auth/me').set(user.auth).expect(200)).body.roles).toEqual(['handlaggare']);
    });

    it('refuses a deleted account with 401, not 500', async () => {
      const user = await createUser(app, [Role.beslutsfattare], [], ['3.3']);
      await http.get('/api/auth/me').set(user.auth).expect(200);
      await ds.getRepository(Account).delete(user.account.id);
      await app.get(AccountStatusService).invalidate(user.account.id);
      await http.get('/api/auth/me').set(user.auth).expect(401);
    });

    /** The reads of the account table `fn` sends (the statements still run). */
    async function accountReads(fn: () => Promise<unknown>): Promise<number> {
      const query = Client.prototype.query;
      let n = 0;
      Client.prototype.query = function (this: Client, ...args: unknown[]) {
        const q = args[0] as string | { text?: string };
        if (/FROM "account"/.test(typeof q === 'string' ? q : (q?.text ?? ''))) n++;
        return (query as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof query;
      try {
        await fn();
      } finally {
        Client.prototype.query = query;
      }
      return n;
    }

    it('requests of one account that come together while its state is read wait for one read', async () => {
      const user = await createUser(app, [Role.handlaggare]);
      const status = app.get(AccountStatusService);
      await status.invalidate(user.account.id);
      let states: unknown[] = [];
      const reads = await accountReads(async () => {
        states = await Promise.all(Array.from({ length: 10 }, () => status.current(user.account.id)));
      });
      expect(reads).toBe(1);
      expect(new Set(states.map((s) => JSON.stringify(s)))).toEqual(
        new Set([
          JSON.stringify({
            id: user.account.id,
            username: user.account.username,
            roles: ['handlaggare'],
            organisationIds: [],
          }),
        ]),
      );
    });

    it('a read under way when the account is invalidated is not kept', async () => {
      const user = await createUser(app, [Role.handlaggare]);
      const status = app.get(AccountStatusService);
      await status.invalidate(user.account.id);
      const reads = await accountReads(async () => {
        const during = status.current(user.account.id);
        await status.invalidate(user.account.id);
        await during;
        // Read again: what the read under the invalidation found is not the account's state now.
        await status.current(user.account.id);
      });
      expect(reads).toBe(2);
    });

    it("an applicant's organisations (mandates) are read per request too", async () => {
      const org = await createOrganisation(ds);
      const user = await createUser(app, [Role.sokande], [org.id]);
      await http.get(`/api/organisations/${org.id}`).set(user.auth).expect(200);
      await ds.query(`UPDATE mandate SET status = 'aterkallad' WHERE account_id = $1`, [user.account.id]);
      await http.get(`/api/organisations/${org.id}`).set(user.auth).expect(404);
    });
  });

  describe('login limits', () => {
    it('locks an account after 10 failed passwords, the right one included, with 429 and Retry-After', async () => {
      const account = await passwordAccount();
      const from = address();
      for (let i = 0; i < 10; i++)
        await http
          .post('/api/auth/login')
          .set('X-Forwarded-For', from)
          .send({ username: account.username, password: `fel-${i}` })
          .expect(401);
      // Another address does not help: the account itself is locked.
      const locked = await http
        .post('/api/auth/login')
        .set('X-Forwarded-For', address())
        .send({ username: account.username, password: strong })
        .expect(429);
      expect(locked.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS', details: [] });
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('a success clears the count of the account', async () => {
      const account = await passwordAccount();
      const from = address();
      const attempt = (password: string) =>
        http
          .post('/api/auth/login')
          .set('X-Forwarded-For', from)
          .send({ username: account.username, password });
      for (let i = 0; i < 9; i++) await attempt('fel').expect(401);
      await attempt(strong).expect(200);
      for (let i = 0; i < 9; i++) await attempt('fel').expect(401);
      await attempt(strong).expect(200);
    });

    it('limits failed logins per address across accounts', async () => {
      const from = address();
      for (let i = 0; i < 50; i++)
        await http
          .post('/api/auth/login')
          .set('X-Forwarded-For', from)
          .send({ username: `finns-inte-${i % 10}-${from}`, password: 'x' })
          .expect(401);
      const account = await passwordAccount();
      const res = await http
        .post('/api/auth/login')
        .set('X-Forwarded-For', from)
        .send({ username: account.username, password: strong })
        .expect(429);
      expect(res.headers['retry-after']).toBeDefined();
      await http
        .post('/api/auth/login')
        .set('X-Forwarded-For', address())
        .send({ username: account.username, password: strong })
        .expect(200);
    }, 120_000);
  });

  describe('password policy', () => {
    it('refuses short, breached and name-like passwords for real accounts', async () => {
      expect(passwordProblem('demo')).toMatch(/minst 12/);
      expect(passwordProblem('password1234')).toMatch(/gissa/);
      expect(passwordProblem('qwertyuiopasdf')).toMatch(/gissa/);
      expect(passwordProblem('annaandersson1', ['annaandersson'])).toMatch(/gissa/);
      expect(passwordProblem(strong)).toBeNull();
      await expect(hashPassword('demo')).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'password', problem: expect.any(String) }],
      });
    });
  });

  describe('the database role of the api', () => {
    it('connects as a role that owns nothing and cannot change the schema or the triggers', async () => {
      const [who] = await ds.query('SELECT current_user AS name');
      expect(who.name).toBe('anslag_app');
      const [owns] = await ds.query(
        `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = current_user`,
      );
      expect(owns.n).toBe(0);
      for (const sql of [
        'CREATE TABLE intruder (id int)',
        'ALTER TABLE case_history DISABLE TRIGGER case_history_no_change',
        'DROP TRIGGER decision_immutable ON decision',
        'ALTER TABLE grant_case ADD COLUMN x int',
        'TRUNCATE personal_data_access',
        'TRUNCATE case_history',
        'DELETE FROM migrations',
      ])
        await expect(ds.query(sql)).rejects.toThrow(/permission denied|must be owner/);
      const [timeouts] = await ds.query(
        `SELECT current_setting('lock_timeout') AS lock, current_setting('statement_timeout') AS statement`,
      );
      expect(timeouts).toEqual({ lock: '5s', statement: '2min' });
    });

    it('personal_data_access refuses TRUNCATE even for the owner', async () => {
      await asOwner(async (owner) => {
        await expect(owner.query('TRUNCATE personal_data_access')).rejects.toThrow(/append-only/);
      });
    });
  });
});
