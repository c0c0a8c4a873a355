/**
 * `npm run load`: the mixed daily work through nginx in front of 2 api and 2 worker processes, on a
 * scratch database and a Redis of its own (append-only file on), all on loopback. First finds the peak
 * rate, then runs at 70 % of it (LOAD_SECONDS, default 300) while one worker is killed, Redis is restarted
 * and one api instance is restarted; then checks what was stored and writes bench/load.md.
 * Bounded: every phase has a fixed length and the run stops by itself.
 */
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Account, hashPassword, Role } from '@anslag/auth';
import { dataSourceOptions } from '@anslag/database';
import { createOrganisation, ensureReferenceData } from '@anslag/testing';
import { withScratchDatabase } from './scratch-db';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startCluster, freePort } = require(join(__dirname, '..', '..', 'apps', 'cli', 'cluster.js')) as {
  startCluster: (o: object) => Promise<Cluster>;
  freePort: () => Promise<number>;
};

interface Instance {
  name: string;
  port: number | null;
  stop(signal?: string): Promise<void>;
  start(): Promise<void>;
  restart(signal?: string): Promise<void>;
}
interface Cluster {
  url: string;
  apis: Instance[];
  workers: Instance[];
  stop(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..');
const SECONDS = Number(process.env.LOAD_SECONDS ?? 300);
const PEAK_STEP_SECONDS = Number(process.env.LOAD_PEAK_STEP_SECONDS ?? 10);
const PEAK_CONCURRENCY = [4, 8, 16, 32, 64, 128];
const MAX_IN_FLIGHT = 128;
const ORGANISATIONS = 200;
const PASSWORD = 'last-prov';

/** A Redis of the run's own, with its append-only file, restartable on the same port and directory. */
class OwnRedis {
  private proc: ChildProcess | null = null;
  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}
  static async start(): Promise<OwnRedis> {
    const r = new OwnRedis(await freePort(), mkdtempSync(join(tmpdir(), 'anslag-load-redis-')));
    await r.start();
    return r;
  }
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    this.proc = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--appendonly',
        'yes',
        '--save',
        '',
      ],
      { stdio: 'ignore' },
    );
    const IORedis = (await import('ioredis')).default;
    for (let i = 0; i < 200; i++) {
      const probe = new IORedis(this.url, {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        if ((await probe.ping()) === 'PONG') return;
      } catch {
        // not up yet (or still loading its append-only file)
      } finally {
        probe.disconnect();
      }
      await sleep(50);
    }
    throw new Error('redis-server did not start');
  }
  async stop(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM'); // redis-server writes its append-only file and exits
    await exited;
  }
  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Sample {
  route: string;
  status: number;
  ms: number;
  at: number;
  upstream: string;
}

/** Every request of the run, by route template. */
class Recorder {
  samples: Sample[] = [];
  on = true;
  add(s: Sample) {
    if (this.on) this.samples.push(s);
  }
}

interface Actor {
  token: string;
}

class Client {
  constructor(
    readonly base: string,
    readonly rec: Recorder,
  ) {}

  async call(
    route: string,
    method: string,
    path: string,
    actor: Actor | null,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    const headers: Record<string, string> = {};
    if (actor) headers.authorization = `Bearer ${actor.token}`;
    let payload: FormData | string | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const t0 = performance.now();
    let status = 0;
    let json: unknown = null;
    let upstream = '';
    try {
      const res = await fetch(this.base + path, { method, headers, body: payload });
      upstream = res.headers.get('x-upstream') ?? '';
      const text = await res.text();
      status = res.status;
      if ((res.headers.get('content-type') ?? '').includes('json') && text) json = JSON.parse(text);
    } catch {
      status = 0; // connection error: counted with the 5xx
    }
    this.rec.add({ route, status, ms: performance.now() - t0, at: Date.now(), upstream });
    return { status, json };
  }
}

interface World {
  client: Client;
  applicants: { actor: Actor; orgId: string }[];
  officer: Actor;
  decider: Actor;
  secretary: Actor;
  submitted: string[];
  drafts: string[];
  /** Successful changes per case, to compare with its history rows. */
  changes: Map<string, number>;
  signed: Set<string>;
}

const ok = (s: number) => s >= 200 && s < 300;
const bump = (w: World, caseId: string) => w.changes.set(caseId, (w.changes.get(caseId) ?? 0) + 1);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Applicant: a mikrobidrag application with its budget, an attachment, submitted. */
async function applicantWork(w: World): Promise<void> {
  const a = w.applicants[Math.floor(Math.random() * w.applicants.length)];
  const c = await w.client.call('POST /api/cases', 'POST', '/api/cases', a.actor, {
    track: 'foretagsstod',
    organisationId: a.orgId,
    title: 'Ny maskin för produktionen',
    aidForm: 'mikrobidrag',
    amountApplied: 30_000,
    costLines: [
      { description: 'Maskin', costType: 'equipment', amount: 50_000 },
      { description: 'Installation', costType: 'equipment', amount: 10_000 },
    ],
    plannedStart: '2030-01-01',
    collectiveAgreement: true,
  });
  if (!ok(c.status)) return;
  const id = (c.json as { id: string }).id;
  bump(w, id);
  const form = new FormData();
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'offert.pdf');
  const att = await w.client.call(
    'POST /api/cases/{id}/attachments',
    'POST',
    `/api/cases/${id}/attachments`,
    a.actor,
    form,
  );
  if (ok(att.status)) bump(w, id);
  const sub = await w.client.call(
    'POST /api/cases/{id}/transitions',
    'POST',
    `/api/cases/${id}/transitions`,
    a.actor,
    {
      transition: 'skicka_in',
    },
  );
  if (ok(sub.status)) {
    bump(w, id);
    w.submitted.push(id);
  }
}

/** Officer: the work queue, then takes up a submitted case, assesses it and drafts a decision. */
async function officerWork(w: World): Promise<void> {
  const filtered = Math.random() < 0.5;
  await w.client.call(
    'GET /api/cases',
    'GET',
    filtered ? '/api/cases?status=inskickad&aidForm=mikrobidrag&sort=-registrationDate' : '/api/cases',
    w.officer,
  );
  const id = w.submitted.shift();
  if (!id) return;
  await w.client.call('GET /api/cases/{id}', 'GET', `/api/cases/${id}`, w.officer);
  const take = await w.client.call(
    'POST /api/cases/{id}/transitions',
    'POST',
    `/api/cases/${id}/transitions`,
    w.officer,
    {
      transition: 'paborja_handlaggning',
    },
  );
  if (!ok(take.status)) return;
  bump(w, id);
  const ev = await w.client.call(
    'POST /api/cases/{id}/evaluation',
    'POST',
    `/api/cases/${id}/evaluation`,
    w.officer,
  );
  if (!ok(ev.status)) return;
  bump(w, id);
  const d = await w.client.call(
    'POST /api/cases/{id}/decisions',
    'POST',
    `/api/cases/${id}/decisions`,
    w.officer,
    {
      outcome: 'bifall',
    },
  );
  if (!ok(d.status)) return;
  bump(w, id);
  w.drafts.push(`${id}/${(d.json as { id: string }).id}`);
}

/** Decision maker: signs a draft. */
async function deciderWork(w: World): Promise<void> {
  const next = w.drafts.shift();
  if (!next) {
    await w.client.call('GET /api/cases', 'GET', '/api/cases?status=under_handlaggning', w.decider);
    return;
  }
  const [caseId, decisionId] = next.split('/');
  const s = await w.client.call(
    'POST /api/decisions/{id}/sign',
    'POST',
    `/api/decisions/${decisionId}/sign`,
    w.decider,
    {},
  );
  if (ok(s.status)) {
    bump(w, caseId);
    w.signed.add(decisionId);
  }
}

/** Secretariat: the delegation report of the year as CSV. */
async function secretaryWork(w: World): Promise<void> {
  const y = new Date().getUTCFullYear();
  await w.client.call(
    'GET /api/reports/delegation-decisions',
    'GET',
    `/api/reports/delegation-decisions?from=${y}-01-01&to=${y}-12-31&format=csv`,
    w.secretary,
  );
}

const MIX: [number, (w: World) => Promise<void>][] = [
  [4, applicantWork],
  [3, officerWork],
  [2, deciderWork],
  [1, secretaryWork],
];
const WEIGHT = MIX.reduce((s, [n]) => s + n, 0);

function pick(): (w: World) => Promise<void> {
  let r = Math.random() * WEIGHT;
  for (const [n, f] of MIX) if ((r -= n) < 0) return f;
  return MIX[0][1];
}

/** Closed loop: `users` at once, each starting its next piece of work when the last ends. */
async function closedLoop(
  w: World,
  users: number,
  seconds: number,
): Promise<{ rps: number; perWork: number }> {
  const before = w.client.rec.samples.length;
  const until = Date.now() + seconds * 1000;
  let works = 0;
  await Promise.all(
    Array.from({ length: users }, async () => {
      while (Date.now() < until) {
        await pick()(w);
        works++;
      }
    }),
  );
  const requests = w.client.rec.samples.length - before;
  return { rps: requests / seconds, perWork: requests / Math.max(1, works) };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const started = new Date();
  await withScratchDatabase(async (dbUrl) => {
    const ds = new DataSource(dataSourceOptions(dbUrl));
    await ds.initialize();
    await ensureReferenceData(ds);
    const hash = await hashPassword(PASSWORD);
    const accounts = ds.getRepository(Account);
    const orgs = [];
    for (let i = 0; i < ORGANISATIONS; i++)
      orgs.push(await createOrganisation(ds, { inTatort: false, kommunCode: '1885' }));
    const make = (
      username: string,
      roles: Role[],
      organisationIds: string[] = [],
      delegationPoints: string[] = [],
    ) =>
      accounts.save({
        username,
        displayName: username,
        roles,
        organisationIds,
        delegationPoints,
        passwordHash: hash,
      });
    await make('last-handlaggare', [Role.handlaggare]);
    await make('last-beslutsfattare', [Role.beslutsfattare], [], ['3.2', '3.3']);
    await make('last-sekreterare', [Role.namndsekreterare]);
    for (const [i, o] of orgs.entries()) await make(`last-sokande-${i}`, [Role.sokande], [o.id]);

    const redis = await OwnRedis.start();
    const cluster = await startCluster({
      root: ROOT,
      apis: 2,
      workers: 2,
      env: {
        DATABASE_URL: dbUrl,
        REDIS_URL: redis.url,
        JWT_SECRET: `load-${Math.random().toString(36).slice(2)}-${Date.now()}-not-a-real-secret`,
        LOG_LEVEL: 'warn',
      },
    });
    const rec = new Recorder();
    const client = new Client(cluster.url, rec);
    const login = async (username: string): Promise<Actor> => {
      const r = await client.call('POST /api/auth/login', 'POST', '/api/auth/login', null, {
        username,
        password: PASSWORD,
      });
      if (r.status !== 200) throw new Error(`login ${username}: ${r.status}`);
      return { token: (r.json as { accessToken: string }).accessToken };
    };
    const w: World = {
      client,
      applicants: [],
      officer: await login('last-handlaggare'),
      decider: await login('last-beslutsfattare'),
      secretary: await login('last-sekreterare'),
      submitted: [],
      drafts: [],
      changes: new Map(),
      signed: new Set(),
    };
    for (const [i, o] of orgs.entries())
      w.applicants.push({ actor: await login(`last-sokande-${i}`), orgId: o.id });

    const events: string[] = [];
    const note = (what: string) => {
      events.push(`${((Date.now() - sustainedStart) / 1000).toFixed(1)} s: ${what}`);
      console.log(what);
    };
    let sustainedStart = Date.now();
    try {
      // 1. The peak: closed loops of growing concurrency; the best throughput is the peak.
      console.log('finding the peak rate…');
      // Recorded (and counted) while finding the peak, then cleared for the sustained run.
      const peakSteps: { users: number; rps: number; perWork: number }[] = [];
      for (const users of PEAK_CONCURRENCY) {
        const step = await closedLoop(w, users, PEAK_STEP_SECONDS);
        peakSteps.push({ users, ...step });
        console.log(`  ${users} users: ${step.rps.toFixed(1)} requests/s`);
        // Past the peak once doubling the users no longer adds 5 %.
        if (peakSteps.length > 1 && step.rps < 1.05 * peakSteps[peakSteps.length - 2].rps) break;
      }
      const best = peakSteps.reduce((a, b) => (b.rps > a.rps ? b : a));
      const peak = best.rps;
      const target = 0.7 * peak;

      // 2. Sustained at 70 %: an open loop that starts work at a fixed rate (requests per piece of work
      //    measured while finding the peak), with faults on a timetable.
      const workPerSecond = target / best.perWork;
      rec.on = true;
      rec.samples = [];
      sustainedStart = Date.now();
      const until = sustainedStart + SECONDS * 1000;
      let inFlight = 0;
      let skipped = 0;
      const running = new Set<Promise<void>>();
      const faults = (async () => {
        const at = (f: number) => sleep(Math.max(0, sustainedStart + f * SECONDS * 1000 - Date.now()));
        await at(0.25);
        note('worker-1 killed (SIGKILL)');
        await cluster.workers[0].stop('SIGKILL');
        await sleep(5_000);
        await cluster.workers[0].start();
        note('worker-1 started again');
        await at(0.5);
        note('Redis stopped');
        await redis.stop();
        await sleep(3_000);
        await redis.start();
        note('Redis started again (from its append-only file)');
        await at(0.75);
        note('api-1 restarting (SIGTERM, then start)');
        await cluster.apis[0].restart('SIGTERM');
        note('api-1 answers again');
      })();
      let next = Date.now();
      while (Date.now() < until) {
        next += 1000 / workPerSecond;
        const wait = next - Date.now();
        if (wait > 0) await sleep(wait);
        if (inFlight >= MAX_IN_FLIGHT) {
          skipped++;
          continue;
        }
        inFlight++;
        const p: Promise<void> = pick()(w).finally(() => {
          inFlight--;
          running.delete(p);
        });
        running.add(p);
      }
      await Promise.all(running);
      await faults;
      const elapsed = (Date.now() - sustainedStart) / 1000;
      rec.on = false;

      // 3. Let the workers finish the letters, then check what was stored.
      console.log('waiting for the letters…');
      const letterDeadline = Date.now() + 180_000;
      let pendingLetters = -1;
      while (Date.now() < letterDeadline) {
        const [row] = await ds.query(
          `SELECT count(*)::int AS n FROM decision d LEFT JOIN decision_letter l ON l.decision_id = d.id
            WHERE d.status = 'signerat' AND (l.decision_id IS NULL OR l.status <> 'done')`,
        );
        pendingLetters = row.n;
        if (pendingLetters === 0) break;
        await sleep(500);
      }
      const checks = await storedChecks(ds, w);
      checks.unshift({
        what: 'every signed decision has its letter done (within 3 min of the end)',
        ok: pendingLetters === 0,
        detail: `${pendingLetters} not done`,
      });
      writeReport({
        started,
        peakSteps,
        peak,
        target,
        elapsed,
        skipped,
        samples: rec.samples,
        events,
        checks,
        cluster,
        w,
      });
    } finally {
      await cluster.stop();
      await redis.dispose();
      await ds.destroy();
    }
  });
}

interface Check {
  what: string;
  ok: boolean;
  detail: string;
}

async function storedChecks(ds: DataSource, w: World): Promise<Check[]> {
  const checks: Check[] = [];
  const letters = await ds.query(
    `SELECT d.id, count(l.decision_id)::int AS n FROM decision d LEFT JOIN decision_letter l ON l.decision_id = d.id
      WHERE d.status = 'signerat' GROUP BY d.id HAVING count(l.decision_id) <> 1`,
  );
  const [{ n: signed }] = await ds.query(`SELECT count(*)::int AS n FROM decision WHERE status = 'signerat'`);
  checks.push({
    what: 'every signed decision has exactly one stored letter',
    ok: letters.length === 0 && signed === w.signed.size,
    detail: `${signed} signed (${w.signed.size} signings answered 2xx); ${letters.length} with other than one letter`,
  });
  const [{ n: lettersWithSha }] = await ds.query(
    `SELECT count(*)::int AS n FROM decision_letter WHERE status = 'done' AND sha256 = encode(sha256(pdf), 'hex')`,
  );
  checks.push({
    what: 'every done letter matches its SHA-256',
    ok: lettersWithSha === signed,
    detail: `${lettersWithSha} of ${signed}`,
  });
  const dupes = await ds.query(
    `SELECT diarienummer FROM grant_case WHERE diarienummer IS NOT NULL GROUP BY 1 HAVING count(*) > 1`,
  );
  const [{ n: numbered }] = await ds.query(
    `SELECT count(*)::int AS n FROM grant_case WHERE diarienummer IS NOT NULL`,
  );
  checks.push({
    what: 'no diarienummer twice',
    ok: dupes.length === 0,
    detail: `${numbered} numbered, ${dupes.length} repeated`,
  });
  const caps = await ds.query(
    `SELECT c.organisation_id, sum(d.amount)::bigint AS total FROM decision d JOIN grant_case c ON c.id = d.case_id
      WHERE d.status = 'signerat' AND d.outcome = 'bifall' AND c.aid_form = 'mikrobidrag' GROUP BY 1`,
  );
  const cap = mikrobidragCap();
  const over = caps.filter((r: { total: string }) => Number(r.total) > cap);
  const deMinimis = await ds.query(
    `SELECT organisation_id FROM de_minimis_ledger GROUP BY 1 HAVING sum(amount_eur) > 300000`,
  );
  checks.push({
    what: `every per-company cap held (mikrobidrag ${cap} kr per company; de minimis 300 000 EUR)`,
    ok: over.length === 0 && deMinimis.length === 0,
    detail: `${caps.length} companies granted; highest ${Math.max(0, ...caps.map((r: { total: string }) => Number(r.total)))} kr; ${over.length + deMinimis.length} over`,
  });
  const history = await ds.query(`SELECT case_id, count(*)::int AS n FROM case_history GROUP BY case_id`);
  const rows = new Map<string, number>(history.map((h: { case_id: string; n: number }) => [h.case_id, h.n]));
  const differ = [...w.changes].filter(([id, n]) => rows.get(id) !== n);
  const extra = [...rows.keys()].filter((id) => !w.changes.has(id));
  checks.push({
    what: 'the history holds one row per change',
    ok: differ.length === 0 && extra.length === 0,
    detail: `${w.changes.size} cases, ${[...w.changes.values()].reduce((a, b) => a + b, 0)} changes answered 2xx; ${differ.length} cases differ, ${extra.length} with unasked rows`,
  });
  return checks;
}

function mikrobidragCap(): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const rules = require('../../libs/demo/data/inriktningsbeslut-2019.json') as {
    aidForms: Record<string, { code: string; maxPerCompany: number | null }>;
  };
  const form = Object.values(rules.aidForms).find((f) => f.code === 'mikrobidrag');
  return form?.maxPerCompany ?? Number.MAX_SAFE_INTEGER;
}

function writeReport(r: {
  started: Date;
  peakSteps: { users: number; rps: number; perWork: number }[];
  peak: number;
  target: number;
  elapsed: number;
  skipped: number;
  samples: Sample[];
  events: string[];
  checks: Check[];
  cluster: Cluster;
  w: World;
}): void {
  const byRoute = new Map<string, Sample[]>();
  for (const s of r.samples) byRoute.set(s.route, [...(byRoute.get(s.route) ?? []), s]);
  const fmt = (n: number) => n.toFixed(1);
  const rows = [...byRoute].sort().map(([route, ss]) => {
    const ms = ss.map((s) => s.ms).sort((a, b) => a - b);
    const c4 = ss.filter((s) => s.status >= 400 && s.status < 500).length;
    const c5 = ss.filter((s) => s.status >= 500 || s.status === 0).length;
    return `| ${route} | ${ss.length} | ${fmt(ss.length / r.elapsed)} | ${fmt(percentile(ms, 50))} | ${fmt(percentile(ms, 95))} | ${fmt(percentile(ms, 99))} | ${c4} | ${c5} |`;
  });
  const errors = r.samples.filter((s) => s.status >= 500 || s.status === 0);
  const restarted = r.cluster.apis[0];
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average at the end ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} (1 / 5 / 15 min)`;
  const total = r.samples.length;
  const md = [
    '# Load test',
    '',
    `Written by \`npm run load\` on ${r.started.toISOString().slice(0, 10)}. Machine: ${machine}; the load generator, nginx, PostgreSQL, Redis and the four Node processes share it.`,
    '',
    'nginx (Debian) in front of 2 api processes, 2 worker processes, one PostgreSQL, one Redis with its append-only file; all on loopback.',
    'The mix, per piece of work: applicant (4 in 10: create a mikrobidrag application with its budget, attach a PDF, submit), officer (3: work queue unfiltered or filtered, read a case, take it up, assess, draft a decision), decision maker (2: sign a draft), secretariat (1: the delegation report as CSV).',
    '',
    '## Peak',
    '',
    '| users (closed loop) | requests/s |',
    '|---|---|',
    ...r.peakSteps.map((s) => `| ${s.users} | ${fmt(s.rps)} |`),
    '',
    `Peak ${fmt(r.peak)} requests/s; the sustained run aims at 70 %: ${fmt(r.target)} requests/s.`,
    '',
    `## Sustained run: ${fmt(r.elapsed)} s, ${total} requests, ${fmt(total / r.elapsed)} requests/s`,
    '',
    r.skipped > 0
      ? `Pieces of work not started because ${MAX_IN_FLIGHT} were in flight: ${r.skipped}.\n`
      : '',
    '| route | requests | per s | p50 ms | p95 ms | p99 ms | 4xx | 5xx or no answer |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    '4xx are the business rules answering (a case already taken, a cap reached, a draft already signed), not faults.',
    '',
    '## Faults during the run',
    '',
    ...r.events.map((e) => `- ${e}`),
    '',
    `5xx or unanswered requests: ${errors.length}.`,
    ...errors.map(
      (e) =>
        `- ${new Date(e.at).toISOString()} ${e.route} → ${e.status || 'no answer'} via ${e.upstream || '?'}${
          e.upstream.endsWith(`:${restarted.port}`) ? ' (the restarted instance)' : ''
        }`,
    ),
    '',
    '## What was stored',
    '',
    '| check | holds | detail |',
    '|---|---|---|',
    ...r.checks.map((c) => `| ${c.what} | ${c.ok ? 'yes' : '**no**'} | ${c.detail} |`),
    '',
  ].join('\n');
  writeFileSync(join(ROOT, 'bench', 'load.md'), md);
  console.log(md);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
