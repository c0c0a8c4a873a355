/**
 * Decision letters through the whole pipeline (outbox row → relay → BullMQ → worker: read the rows,
 * build, render, store the PDF in PostgreSQL) side by side with a bare loop that only builds and renders
 * the same letters in the same process; then resident memory over many letters through the queue.
 *
 * Runs in a database of its own (created, migrated and dropped here) and under a BullMQ prefix of its
 * own on REDIS_URL, so a running demo is not touched.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig, queuePrefix } from '@anslag/config';
import { dataSourceOptions } from '@anslag/database';
import { buildDecisionLetterModel, LetterDataLoader } from '@anslag/letters';
import { JobProducer, QUEUES, RedisConnections } from '@anslag/queue';
import { renderLetter } from '../libs/letters/src/render';
import type { BenchResult } from './bench-result';

/** The worker's Node flags as the demo, the cluster script and the container start it. */
const WORKER_NODE_FLAGS: string[] = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'apps', 'cli', 'node-flags.json'), 'utf8'),
).worker;
/** Extra Node flags for the worker, to see where its time goes: BENCH_WORKER_FLAGS="--cpu-prof --cpu-prof-dir=…". */
const PROFILE_FLAGS = (process.env.BENCH_WORKER_FLAGS ?? '').split(' ').filter((f) => f !== '');
const LETTERS = Number(process.env.BENCH_LETTERS ?? 1_000);
const SOAK = Number(process.env.BENCH_LETTERS_SOAK ?? 10_000);
const SOAK_SAMPLE = Math.min(1_000, SOAK);

function dataDir(): string {
  const dirs = [
    join(__dirname, '..', 'libs', 'demo', 'data'),
    join(__dirname, '..', '..', 'libs', 'demo', 'data'),
  ];
  const dir = dirs.find((d) => existsSync(join(d, 'project-cases.json')));
  if (!dir) throw new Error('demo data not found next to the benchmark');
  return dir;
}

const json = (file: string) => JSON.parse(readFileSync(join(dataDir(), file), 'utf8'));

async function admin(url: URL, sql: string): Promise<void> {
  const a = new URL(url);
  a.pathname = '/postgres';
  const client = new Client({ connectionString: a.toString() });
  await client.connect();
  await client.query(sql);
  await client.end();
}

/** The region settings and one MIND-shaped case with its budget, as the demo loader writes them. */
async function seed(ds: DataSource): Promise<string> {
  const mind = json('project-cases.json').projectCases.find((c: { key: string }) => c.key === 'mind');
  await ds.query(`INSERT INTO region_setting (key, value) VALUES ('region', $1), ('letterTemplates', $2)`, [
    json('region.json').region,
    json('letter-templates.json'),
  ]);
  await ds.query(
    `INSERT INTO catalogue_entry (kind, code, name, sector, region_grant) VALUES
       ('financier', 'anslag_1_1', 'Region 1:1', 'offentlig', true),
       ('financier', 'rambudget', 'Region rambudgetmedel', 'offentlig', true),
       ('financier', 'ovrig', 'Övrig', 'offentlig', false)`,
  );
  const [org] = await ds.query(
    `INSERT INTO organisation (organisationsnummer, name, street_address, postal_code, city, legal_form)
     VALUES ('559990-0106', 'Alfred Nobel Science Park AB', 'Fakultetsgatan 1', '702 81', 'Örebro', 'Aktiebolag')
     RETURNING id`,
  );
  const [c] = await ds.query(
    `INSERT INTO grant_case (diarienummer, track, status, organisation_id, title, period_start, period_end,
                             rus_areas, effektmal, sections, version)
     VALUES ('19RS9282', 'projekt', 'beslutad', $1, $2, $3, $4, $5, $6, $7, 1) RETURNING id`,
    [
      org.id,
      mind.title,
      mind.period.start,
      mind.period.end,
      mind.rus.areas,
      mind.rus.effektmal,
      Object.fromEntries(mind.sections.map((s: { code: string; text: string }) => [s.code, s.text])),
    ],
  );
  let position = 0;
  const add = async (
    kind: string,
    code: string,
    label: string,
    perYear: { year: number; kronor: number }[],
  ) => {
    for (const y of perYear.filter((p) => p.kronor !== 0))
      await ds.query(
        `INSERT INTO budget_line (case_id, kind, code, label, year, amount, position) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [c.id, kind, code, label, y.year, y.kronor, position++],
      );
  };
  for (const l of mind.budget.costs) await add('cost', l.category, l.label, l.perYear);
  for (const l of mind.budget.financing)
    await add('financing', l.fundingSource ?? 'ovrig', l.label, l.perYear);
  for (const l of mind.budget.inKind) await add('in_kind', l.financier, l.label, l.perYear);
  return c.id;
}

/**
 * `count` signed decisions with their letters requested, each on a case of its own (copies of the seed
 * case): the same letter content, as many letters.
 */
async function signedDecisions(
  ds: DataSource,
  caseId: string,
  count: number,
  batch: string,
): Promise<string[]> {
  const d = json('project-cases.json').projectCases.find((c: { key: string }) => c.key === 'mind').decision;
  const cases: { id: string }[] = await ds.query(
    `INSERT INTO grant_case (diarienummer, track, status, organisation_id, title, period_start, period_end,
                             rus_areas, effektmal, sections, version)
     SELECT $2 || '-' || n, track, status, organisation_id, title, period_start, period_end, rus_areas, effektmal, sections, 1
       FROM grant_case, generate_series(1, $3) AS n WHERE id = $1 RETURNING id`,
    [caseId, batch, count],
  );
  const ids: string[] = [];
  for (const { id } of cases) {
    await ds.query(
      `INSERT INTO budget_line (case_id, kind, code, label, year, amount, position)
       SELECT $2, kind, code, label, year, amount, position FROM budget_line WHERE case_id = $1`,
      [caseId, id],
    );
    const [row] = await ds.query(
      `INSERT INTO decision (case_id, status, outcome, amount, share_bp, earliest_start, latest_end, financing,
                             reasons, decision_date, delegation_point, signed_by_name, signed_by_title, signed_at, version)
       VALUES ($1, 'signerat', 'bifall', $2, $3, $4, $5, $6, $7, $8, '3.2', 'Petter Arneback',
               'Regional utvecklingsdirektör', now(), 1) RETURNING id`,
      [
        id,
        d.capKronor,
        d.shareBasisPoints,
        d.earliestStart,
        d.latestEnd,
        JSON.stringify(
          d.financingFrame.sources.map((s: { fundingSource: string; label: string; kronor: number }) => ({
            source: s.fundingSource,
            label: s.label,
            amount: s.kronor,
          })),
        ),
        {
          rusArea: 'Innovationskraft och specialisering',
          effektmal: null,
          rankQuote: d.rank.quote,
          text: null,
        },
        d.decisionDate,
      ],
    );
    ids.push(row.id);
  }
  return ids;
}

/** Writes the outbox and letter rows of the signing transaction for all the decisions at once. */
async function requestLetters(ds: DataSource, ids: string[]): Promise<void> {
  await ds.query(`INSERT INTO decision_letter (decision_id, status) SELECT unnest($1::uuid[]), 'queued'`, [
    ids,
  ]);
  await ds.query(`INSERT INTO outbox (topic, aggregate_id) SELECT 'decision-letter', unnest($1::uuid[])`, [
    ids,
  ]);
}

/** Letters finished so far (a plain count: the timed wait must not itself load the database much). */
async function finished(ds: DataSource): Promise<number> {
  const [row] = await ds.query(
    `SELECT count(*)::int AS n FROM decision_letter WHERE status IN ('done', 'failed')`,
  );
  return row.n;
}

async function waitUntil(ds: DataSource, n: number, worker: ChildProcess, each = () => {}): Promise<void> {
  while ((await finished(ds)) < n) {
    if (worker.exitCode !== null || worker.signalCode !== null)
      throw new Error(`the worker exited (${worker.exitCode ?? worker.signalCode})`);
    each();
    await new Promise((r) => setTimeout(r, 50));
  }
}

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** A process's resident memory now and its peak so far, from /proc (Linux). */
function residentOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/**
 * The worker as it runs in production: its own process (apps/worker, compiled), NODE_ENV=production, the
 * Node flags the demo, the cluster script and the container give it (WORKER_NODE_FLAGS), on this run's
 * database and so under this run's BullMQ prefix. Resolves when it says it has started.
 */
async function startWorker(databaseUrl: string): Promise<ChildProcess> {
  const dist = join(__dirname, '..');
  const child = spawn(
    process.execPath,
    [
      ...WORKER_NODE_FLAGS,
      ...PROFILE_FLAGS,
      '-r',
      join(dist, '..', 'apps', 'cli', 'paths.js'),
      join(dist, 'apps', 'worker', 'src', 'main.js'),
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        // Production settings want a signing secret; the worker signs nothing.
        JWT_SECRET: randomBytes(48).toString('base64'),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const look = (chunk: Buffer) => {
      seen += chunk.toString();
      if (!seen.includes('worker started')) return;
      child.stdout!.off('data', look);
      resolve();
    };
    child.stdout!.on('data', look);
    child.once('exit', (code) => reject(new Error(`the worker exited before it started (${code})`)));
  });
  child.stdout!.resume();
  return child;
}

async function stopWorker(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

export async function run(): Promise<BenchResult[]> {
  const config = loadConfig();
  const base = new URL(config.DATABASE_URL);
  const name = `anslag_bench_letters_${randomBytes(3).toString('hex')}`;
  await admin(base, `CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const ds = new DataSource(dataSourceOptions(url.toString()));
  let worker: ChildProcess | null = null;
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    const caseId = await seed(ds);
    const warm = await signedDecisions(ds, caseId, 30, 'warm');
    const timed = await signedDecisions(ds, caseId, LETTERS, 'timed');
    const soak = await signedDecisions(ds, caseId, SOAK, 'soak');

    // The ceiling: the same letters built and rendered in a plain loop, their data already in memory.
    const loader = new LetterDataLoader(ds);
    let inputs = await Promise.all(timed.map((id) => loader.load(id)));
    for (const input of inputs.slice(0, 30)) await renderLetter(buildDecisionLetterModel(input));
    let start = process.hrtime.bigint();
    for (const input of inputs) await renderLetter(buildDecisionLetterModel(input));
    const bare = LETTERS / (Number(process.hrtime.bigint() - start) / 1e9);
    inputs = [];

    worker = await startWorker(url.toString());
    const pid = worker.pid!;
    const atStart = residentOf(pid).rss;
    await requestLetters(ds, warm);
    await waitUntil(ds, warm.length, worker);
    start = process.hrtime.bigint();
    await requestLetters(ds, timed);
    await waitUntil(ds, warm.length + LETTERS, worker);
    const queued = LETTERS / (Number(process.hrtime.bigint() - start) / 1e9);

    await requestLetters(ds, soak);
    await waitUntil(ds, warm.length + LETTERS + SOAK_SAMPLE, worker);
    const early = residentOf(pid).rss;
    let samples = 0;
    let sum = 0;
    await waitUntil(ds, warm.length + LETTERS + SOAK, worker, () => {
      samples++;
      sum += residentOf(pid).rss;
    });
    const { rss: after, peak } = residentOf(pid);
    const [{ failed, done }] = await ds.query(
      `SELECT count(*) FILTER (WHERE status = 'failed')::int AS failed,
              count(*) FILTER (WHERE status = 'done')::int AS done FROM decision_letter`,
    );

    return [
      {
        name: `decision letters enqueue → stored PDF (${LETTERS} MIND letters, the worker process as deployed) vs build + renderLetter loop`,
        figure: Math.round(queued),
        unit: 'letters/s',
        ceiling: Math.round(bare),
        ratio: queued / bare,
        note: `worker: apps/worker in a process of its own (${WORKER_NODE_FLAGS.join(' ')}), relay, BullMQ, reads and bytea writes included; the loop renders with the data already read; ${failed} failed; aim ≥ 0.85`,
      },
      {
        name: `worker resident memory, peak over ${SOAK} letters through the queue vs the 300 MiB aim`,
        figure: mib(peak),
        unit: 'MiB',
        ceiling: 300,
        ratio: mib(peak) / 300,
        note: `below 1 meets the aim; ${mib(atStart)} MiB after start, mean ${mib(sum / Math.max(1, samples))} MiB while rendering, ${done} letters stored`,
      },
      {
        name: `worker resident memory after ${SOAK} letters through the queue vs after the first ${SOAK_SAMPLE}`,
        figure: mib(after),
        unit: 'MiB',
        ceiling: mib(early),
        ratio: after / early,
        note: 'a ratio near 1 means memory stays flat',
      },
    ];
  } finally {
    await stopWorker(worker);
    const connections = new RedisConnections(config);
    const producer = new JobProducer(connections.create({ maxRetriesPerRequest: 1 }), {
      prefix: queuePrefix({ ...config, DATABASE_URL: url.toString() }),
    });
    for (const queue of Object.values(QUEUES))
      await producer
        .queue(queue)
        .obliterate({ force: true })
        .catch(() => undefined);
    await producer.close();
    await connections.onApplicationShutdown();
    if (ds.isInitialized) await ds.destroy();
    await admin(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}
