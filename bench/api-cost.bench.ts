import autocannon from 'autocannon';
import Fastify from 'fastify';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createApiApp } from '../apps/api/src/bootstrap';
import { Role } from '@anslag/auth';
import { createOrganisation, createUser, ensureReferenceData } from '@anslag/testing';
import type { BenchResult } from './bench-result';
import { withScratchDatabase } from './scratch-db';

/**
 * The per-request cost of the api (production mode, LOG_LEVEL=warn) beside bare Fastify routes doing
 * the same I/O with pg, in the same run: autocannon, 20 connections, 2 s each, alternating five times, the
 * median of each side (on a shared machine one quiet or busy window moves a best-of or a mean far more).
 */
const DURATION_S = 2;
const ROUNDS = 5;

interface Measured {
  rps: number;
  p99: number;
}

async function load(opts: autocannon.Options): Promise<Measured> {
  const r = await autocannon({ connections: 20, duration: DURATION_S, ...opts });
  if (r.non2xx > 0 || r.errors > 0)
    throw new Error(`${r.non2xx} non-2xx, ${r.errors} errors from ${opts.url}`);
  return { rps: r.requests.average, p99: r.latency.p99 };
}

const APPLICATION = (organisationId: string) => ({
  track: 'foretagsstod',
  organisationId,
  title: 'Ny maskin',
  aidForm: 'mikrobidrag',
  amountApplied: 30_000,
  costLines: [
    { description: 'Maskin', costType: 'equipment', amount: 50_000 },
    { description: 'Installation', costType: 'equipment', amount: 10_000 },
  ],
  plannedStart: '2030-01-01',
  collectiveAgreement: true,
});

export async function run(): Promise<BenchResult[]> {
  return withScratchDatabase(async (url) => {
    process.env.DATABASE_URL = url;
    process.env.NODE_ENV = 'production';
    process.env.LOG_LEVEL = 'warn';
    process.env.JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123';
    const app = await createApiApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const ds = app.get(DataSource);
    await ensureReferenceData(ds);
    const org = await createOrganisation(ds, { inTatort: false, kommunCode: '1885' });
    // A real account with a valid mandate for the organisation: the guard reads the account's state.
    const { token } = await createUser(app, [Role.sokande, Role.handlaggare], [org.id]);
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await fetch(`${base}/api/cases`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify(APPLICATION(org.id)),
    });
    const caseId = ((await created.json()) as { id: string }).id;

    // The bare ceilings: Fastify and pg, no Nest, no validation, no mapping.
    const pool = new Pool({ connectionString: url, max: 20 });
    // A connection still opening when the scratch database is dropped must not end the process.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    const bare = Fastify();
    bare.get('/live', async () => ({ status: 'ok' }));
    bare.get('/me', async () => ({ userId: 'x', username: 'bench', roles: [], organisationIds: [] }));
    bare.get<{ Params: { id: string } }>('/cases/:id', async (req) => {
      const [c, lines] = await Promise.all([
        pool.query(
          'SELECT c.*, o.name AS org_name FROM grant_case c JOIN organisation o ON o.id = c.organisation_id WHERE c.id = $1',
          [req.params.id],
        ),
        pool.query('SELECT * FROM budget_line WHERE case_id = $1 ORDER BY position', [req.params.id]),
      ]);
      return { ...c.rows[0], lines: lines.rows };
    });
    bare.post<{ Body: ReturnType<typeof APPLICATION> }>('/cases', async (req) => {
      const b = req.body;
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const {
          rows: [c],
        } = await client.query(
          `INSERT INTO grant_case (track, organisation_id, status, title, aid_form, amount_applied, planned_start, collective_agreement, version)
           VALUES ($1, $2, 'utkast', $3, $4, $5, $6, $7, 1) RETURNING *`,
          [
            b.track,
            b.organisationId,
            b.title,
            b.aidForm,
            b.amountApplied,
            b.plannedStart,
            b.collectiveAgreement,
          ],
        );
        for (const [i, l] of b.costLines.entries())
          await client.query(
            `INSERT INTO budget_line (case_id, kind, code, label, amount, cost_type, position) VALUES ($1, 'cost', $2, $3, $4, $5, $6)`,
            [c.id, l.costType, l.description, l.amount, l.costType, i],
          );
        await client.query(
          `INSERT INTO case_history (case_id, actor_name, action, after) VALUES ($1, 'bench', 'skapad', $2)`,
          [c.id, JSON.stringify(b)],
        );
        await client.query('COMMIT');
        return c;
      } finally {
        client.release();
      }
    });
    await bare.listen({ port: 0, host: '127.0.0.1' });
    const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;
    // Side by side, alternating (api, bare, api, bare) so that the load of a shared machine falls on both.
    const pair = async (
      api: autocannon.Options,
      ceiling: autocannon.Options,
    ): Promise<[Measured, Measured]> => {
      const runs: [Measured[], Measured[]] = [[], []];
      for (let i = 0; i < ROUNDS; i++) {
        runs[0].push(await load(api));
        runs[1].push(await load(ceiling));
      }
      const median = (ms: Measured[]) => [...ms].sort((a, b) => a.rps - b.rps)[Math.floor(ms.length / 2)];
      return [median(runs[0]), median(runs[1])];
    };
    const [live, bareLive] = await pair({ url: `${base}/health/live` }, { url: `${bareUrl}/live` });
    const [me, bareMe] = await pair({ url: `${base}/api/auth/me`, headers: auth }, { url: `${bareUrl}/me` });
    const [read, bareRead] = await pair(
      { url: `${base}/api/cases/${caseId}`, headers: auth },
      { url: `${bareUrl}/cases/${caseId}` },
    );
    const [create, bareCreate] = await pair(
      { url: `${base}/api/cases`, method: 'POST', headers: auth, body: JSON.stringify(APPLICATION(org.id)) },
      {
        url: `${bareUrl}/cases`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(APPLICATION(org.id)),
      },
    );
    await app.close();
    await bare.close();
    await pool.end();

    const row = (name: string, a: Measured, b: Measured, note: string): BenchResult => ({
      name,
      figure: Math.round(a.rps),
      unit: 'req/s',
      ceiling: Math.round(b.rps),
      ratio: a.rps / b.rps,
      note,
    });
    return [
      row('GET /health/live vs bare Fastify route', live, bareLive, 'aim ≥ 0.75; no I/O on either side'),
      row(
        'GET /api/auth/me with its token vs bare Fastify route',
        me,
        bareMe,
        'the api verifies the HS256 token and the role and reads the delegation points held (one query); the bare route does none of it',
      ),
      row(
        'GET /api/cases/{id} with its token vs bare Fastify + pg reading the same rows',
        read,
        bareRead,
        'aim ≥ 0.5; the api also checks the token, the organisation and the catalogue, and maps the response',
      ),
      row(
        'POST /api/cases (application with its budget: validation, insert, history, one transaction) vs bare Fastify + pg inserting the same rows',
        create,
        bareCreate,
        `aim ≥ 0.5 and p99 ≤ 2× the bare p99: p99 ${create.p99} ms vs ${bareCreate.p99} ms (${(create.p99 / Math.max(1, bareCreate.p99)).toFixed(2)}×)`,
      ),
    ];
  });
}
