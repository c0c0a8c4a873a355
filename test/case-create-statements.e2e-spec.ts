import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { Role } from '@anslag/auth';
import { BudgetLine, CaseHistory, DeMinimisDeclaration, GrantCase } from '@anslag/cases';
import { insertRows, insertSql } from '@anslag/database';
import {
  createOrganisation,
  createTestApp,
  createUser,
  ensureReferenceData,
  mikrobidragApplication,
  mindLikeProject,
  TestUser,
} from '@anslag/testing';

/**
 * What creating an application sends to PostgreSQL. Every statement the api's connections send is
 * recorded (the statements still run against the real database) while one request is answered.
 */
describe('creating an application: statements and one transaction', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let http: ReturnType<typeof request>;
  let applicant: TestUser;
  let officer: TestUser;
  let orgId: string;
  const sent: string[] = [];
  const query = Client.prototype.query;

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    http = request(app.getHttpServer());
    await ensureReferenceData(ds);
    orgId = (await createOrganisation(ds)).id;
    applicant = await createUser(app, [Role.sokande], [orgId]);
    officer = await createUser(app, [Role.handlaggare]);
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      const q = args[0] as string | { text?: string };
      sent.push(typeof q === 'string' ? q : (q?.text ?? ''));
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
  });
  afterAll(async () => {
    Client.prototype.query = query;
    await app.close();
  });

  /** The statements sent while the request was answered, leaving out the guard's read of the account. */
  const statementsOf = async (user: TestUser, body: object) => {
    // The same request once before: the account's state and the reference data are then in memory.
    await http.post('/api/cases').set(user.auth).send(body).expect(201);
    sent.length = 0;
    const res = await http.post('/api/cases').set(user.auth).send(body).expect(201);
    const statements = sent
      .filter((s) => !/FROM "account"/.test(s))
      .map((s) => s.replace(/\s+/g, ' ').trim());
    return { id: res.body.id as string, statements };
  };

  /** The transaction id that wrote each row of the case (xmin): one value when one transaction wrote all. */
  const writers = async (id: string) => {
    const rows: { t: string; x: string }[] = await ds.query(
      `SELECT 'case' AS t, xmin::text AS x FROM grant_case WHERE id = $1
       UNION ALL SELECT 'line', xmin::text FROM budget_line WHERE case_id = $1
       UNION ALL SELECT 'history', xmin::text FROM case_history WHERE case_id = $1`,
      [id],
    );
    return rows;
  };

  it("an officer's company application: one statement writes every row, checks the reference counter and reads the answer", async () => {
    const { id, statements } = await statementsOf(officer, {
      ...mikrobidragApplication(orgId, 30_000),
      costLines: [
        { description: 'Maskin', costType: 'equipment', amount: 50_000 },
        { description: 'Installation', costType: 'equipment', amount: 10_000 },
      ],
    });
    // The catalogues and rules kept since the first request are not read again, nor is their counter:
    // the statement itself checks that the counter has not moved.
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(
      /^WITH .*INSERT INTO "grant_case".*INSERT INTO "budget_line".*INSERT INTO "case_history".* FROM grant_case c .*reference_version_unchanged\(\$2::bigint\)$/,
    );
    expect(statements.some((s) => /^(BEGIN|START TRANSACTION|COMMIT)/i.test(s))).toBe(false);

    const rows = await writers(id);
    expect(rows.map((r) => r.t).sort()).toEqual(['case', 'history', 'line', 'line']);
    expect(new Set(rows.map((r) => r.x)).size).toBe(1);
    const lines = await ds.query(
      'SELECT label, amount::int AS amount, position FROM budget_line WHERE case_id = $1 ORDER BY position',
      [id],
    );
    expect(lines).toEqual([
      { label: 'Maskin', amount: 50_000, position: 0 },
      { label: 'Installation', amount: 10_000, position: 1 },
    ]);
    const [history] = await ds.query('SELECT action, actor_id, after FROM case_history WHERE case_id = $1', [
      id,
    ]);
    expect(history).toMatchObject({
      action: 'skapad',
      actor_id: officer.account.id,
      after: { amountApplied: 30_000 },
    });
  });

  it("an applicant's project: its organisations are read once, the rest as for an officer", async () => {
    const { id, statements } = await statementsOf(applicant, mindLikeProject(orgId));
    expect(statements).toHaveLength(2);
    expect(statements.filter((s) => /FROM mandate m/.test(s))).toHaveLength(1);
    expect(statements.filter((s) => /INSERT INTO/.test(s))).toHaveLength(1);
    const rows = await writers(id);
    expect(rows.filter((r) => r.t === 'line').length).toBeGreaterThan(1);
    expect(new Set(rows.map((r) => r.x)).size).toBe(1);
  });

  it('the answer is the case as a read of it answers, every field written included', async () => {
    const bodies = [
      mindLikeProject(orgId),
      {
        ...mikrobidragApplication(orgId, 30_000),
        description: 'En maskin för reservdelar',
        costLines: [
          { description: 'Maskin', costType: 'equipment', amount: 50_000, dated: '2029-12-01' },
          { description: 'Installation', costType: 'equipment', amount: 10_000 },
        ],
        deMinimis: [
          { grantor: 'Tillväxtverket', grantedOn: '2029-03-01', amount: 100_000, currency: 'SEK' },
          {
            grantor: 'Kommunen',
            grantedOn: '2028-05-01',
            amount: 5_000,
            currency: 'EUR',
            recipient: 'Dotterbolaget',
          },
        ],
        stateAidFacts: { headcount: 4, listed: false, activities: ['exportverksamhet'] },
        priorityClaims: ['nya_affarsideer'],
        secrecyMarking: 'OSL 30:23',
      },
    ];
    for (const body of bodies) {
      const created = await http.post('/api/cases').set(officer.auth).send(body).expect(201);
      const read = await http.get(`/api/cases/${created.body.id}`).set(officer.auth).expect(200);
      expect(created.body).toEqual(read.body);
      expect(created.body.budgetLines.length).toBeGreaterThan(1);
    }
  });

  it('insertRows writes the INSERT that TypeORM writes for the same rows', () => {
    const caseId = '00000000-0000-4000-8000-000000000001';
    const cases: [EntityTarget<ObjectLiteral>, ObjectLiteral[]][] = [
      [
        GrantCase,
        [
          {
            id: caseId,
            track: 'projekt',
            organisationId: orgId,
            status: 'utkast',
            title: 'T',
            amountApplied: 1_000,
            periodStart: '2030-01-01',
            forstudie: true,
            rusAreas: ['a', 'b'],
            sections: { sammanfattning: 'S' },
            stateAidFacts: null,
            createdBy: null,
          },
        ],
      ],
      [
        BudgetLine,
        [
          { caseId, kind: 'cost', code: 'x', label: null, year: 2030, amount: 5, position: 0 },
          {
            caseId,
            kind: 'financing',
            code: 'y',
            year: 2030,
            amount: 7,
            financingForm: 'kontant',
            position: 1,
          },
        ],
      ],
      [
        DeMinimisDeclaration,
        [
          {
            caseId,
            grantor: 'G',
            grantedOn: '2029-01-01',
            amount: 3,
            currency: 'SEK',
            regulation: undefined,
          },
        ],
      ],
      [
        CaseHistory,
        [
          {
            caseId,
            actorId: null,
            actorName: 'a',
            action: 'skapad',
            before: null,
            after: { a: [1] },
            reason: null,
          },
        ],
      ],
    ];
    for (const [entity, rows] of cases) {
      const ours = insertRows(ds, entity, rows);
      const [sql, params] = ds
        .createQueryBuilder()
        .insert()
        .into(entity)
        .values(rows)
        .updateEntity(false)
        .getQueryAndParameters();
      expect(insertSql(ours)).toBe(sql);
      expect(ours.params).toEqual(params);
    }
  });

  it('a refused foreign key leaves no row behind: the statement is the transaction', async () => {
    // The officer's own history rows: other suites write theirs beside it.
    const history = async () =>
      ds.query('SELECT count(*)::int AS n FROM case_history WHERE actor_id = $1', [officer.account.id]);
    const before = await history();
    const res = await http
      .post('/api/cases')
      .set(officer.auth)
      .send(mikrobidragApplication('00000000-0000-4000-8000-000000000000', 30_000))
      .expect(400);
    expect(res.body.details).toEqual([{ field: 'organisationId', problem: 'finns inte' }]);
    expect(await history()).toEqual(before);
  });
});
