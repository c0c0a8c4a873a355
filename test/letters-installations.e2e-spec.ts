import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { queuePrefix } from '@anslag/config';
import { dataSourceOptions } from '@anslag/database';
import { buildDecisionLetterModel, LetterDataLoader } from '@anslag/letters';
import { QUEUES, redisConnection } from '@anslag/queue';
import { ensureReferenceData, PrivateDatabase, PrivateRedis } from '@anslag/testing';
import { renderLetter } from '../libs/letters/src/render';
import { LetterSweeper } from '../apps/worker/src/letters/letter-sweeper';
import {
  allDone,
  DYING_LOCK,
  InProcessWorker,
  letterRows,
  queueState,
  settledStates,
  sha256,
  signedProjectDecision,
  waitFor,
} from './letters-support';

/**
 * Letters are never lost to another installation: two installations (two databases) on one Redis
 * database, a worker handed a job it never ordered, a letter whose job is gone, and a job that BullMQ
 * fails as stalled. A redis-server and two databases of the suite's own.
 */
jest.setTimeout(60_000);

interface Installation {
  db: PrivateDatabase;
  ds: DataSource;
  prefix: string;
}

async function installation(): Promise<Installation> {
  const db = await PrivateDatabase.create();
  const ds = new DataSource(dataSourceOptions(db.url));
  await ds.initialize();
  await ensureReferenceData(ds);
  return { db, ds, prefix: queuePrefix({ DATABASE_URL: db.url, QUEUE_PREFIX: undefined }) };
}

describe('decision letters with two installations on one Redis', () => {
  let redis: PrivateRedis;
  let a: Installation;
  let b: Installation;
  const workers: InProcessWorker[] = [];
  const sweepers: LetterSweeper[] = [];

  const worker = (
    i: Installation,
    opts: ConstructorParameters<typeof InProcessWorker>[2] = {},
    relay = true,
    processor = true,
  ) => {
    const w = new InProcessWorker(i.ds, redis.url, { prefix: i.prefix, ...opts }, relay, processor);
    workers.push(w);
    return w;
  };
  const expectedSha = async (i: Installation, id: string) =>
    sha256(await renderLetter(buildDecisionLetterModel(await new LetterDataLoader(i.ds).load(id))));

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    [a, b] = await Promise.all([installation(), installation()]);
  });
  afterEach(async () => {
    await Promise.all(sweepers.splice(0).map((s) => s.stop()));
    await Promise.all(workers.splice(0).map((w) => w.stop(true)));
  });
  afterAll(async () => {
    for (const i of [a, b]) {
      await i.ds.destroy();
      await i.db.drop();
    }
    await redis.stop();
  });

  it('derives a queue prefix of each installation from its database', () => {
    expect(a.prefix).not.toBe(b.prefix);
  });

  it('produces every letter of both installations exactly once, each in its own database', async () => {
    const [idsA, idsB] = await Promise.all(
      [a, b].map((i) => Promise.all(Array.from({ length: 5 }, () => signedProjectDecision(i.ds)))),
    );
    worker(a);
    worker(b);
    await waitFor(allDone(a.ds, idsA), 'installation A’s letters');
    await waitFor(allDone(b.ds, idsB), 'installation B’s letters');
    for (const [i, ids] of [
      [a, idsA],
      [b, idsB],
    ] as const) {
      const rows = await letterRows(i.ds, ids);
      expect(rows.map((r) => [r.status, r.attempts, r.last_error])).toEqual(ids.map(() => ['done', 1, null]));
      const sorted = [...ids].sort();
      for (const [n, row] of rows.entries()) expect(row.sha256).toBe(await expectedSha(i, sorted[n]));
      expect(await settledStates(redis.url, ids, i.prefix)).toEqual(ids.map(() => 'completed'));
      expect((await queueState(redis.url, ids, i.prefix)).counts.failed).toBe(0);
    }
    // No installation's jobs are in the other's queue.
    expect((await queueState(redis.url, idsA, b.prefix)).states).toEqual(idsA.map(() => 'missing'));
  });

  it('retries a job it cannot match instead of failing it, and the letter is produced by its own installation', async () => {
    // Both installations on the same prefix (as before the prefix was derived): B's worker takes A's job.
    const shared = 'anslag-shared';
    const id = await signedProjectDecision(a.ds);
    const foreign = worker(b, { prefix: shared }, false);
    worker(a, { prefix: shared }, true, false); // A's relay only: A's worker is not running
    const connection = redisConnection(redis.url);
    const queue = new Queue(QUEUES.decisionLetters, { connection, prefix: shared });
    try {
      await waitFor(
        async () => ((await queue.getJob(id))?.attemptsMade ?? 0) >= 1,
        'B’s worker tried A’s job',
      );
      const job = (await queue.getJob(id))!;
      expect(job.failedReason).toContain('har inget beställt beslutsbrev');
      expect(await job.getState()).toBe('delayed'); // tried again later, not failed for good
      // A's letter is untouched by the foreign worker.
      expect((await letterRows(a.ds, [id]))[0]).toEqual(
        expect.objectContaining({ status: 'queued', attempts: 0, last_error: null }),
      );
      await foreign.stop(true);
      worker(a, { prefix: shared }, false);
      await waitFor(allDone(a.ds, [id]), 'A’s own worker produced it');
      expect((await letterRows(a.ds, [id]))[0]).toEqual(
        expect.objectContaining({ status: 'done', attempts: 1 }),
      );
    } finally {
      await queue.close();
      connection.disconnect();
    }
  });

  it('puts a letter whose job is gone back on the queue after the set time, once', async () => {
    const id = await signedProjectDecision(a.ds);
    // Relayed, then lost: the job is not in Redis and the outbox row is marked as relayed.
    await a.ds.query(`UPDATE outbox SET relayed_at = now() WHERE aggregate_id = $1`, [id]);
    await a.ds.query(
      `UPDATE decision_letter SET updated_at = now() - interval '1 hour' WHERE decision_id = $1`,
      [id],
    );
    const sweeper = new LetterSweeper(a.ds, undefined, { stuckAfterMs: 30 * 60_000, intervalMs: 60_000 });
    sweepers.push(sweeper);
    expect(await sweeper.sweep()).toEqual([id]);
    expect(await sweeper.sweep()).toEqual([]); // touched: not swept again within the period
    const [outbox] = await a.ds.query(`SELECT relayed_at FROM outbox WHERE aggregate_id = $1`, [id]);
    expect(outbox.relayed_at).toBeNull();
    worker(a);
    await waitFor(allDone(a.ds, [id]), 'the swept letter produced');
    expect((await letterRows(a.ds, [id]))[0]).toEqual(
      expect.objectContaining({ status: 'done', attempts: 1 }),
    );
    expect(await settledStates(redis.url, [id], a.prefix)).toEqual(['completed']);
  });

  it('records a job that BullMQ fails as stalled (its worker killed twice mid-render) on the letter', async () => {
    const id = await signedProjectDecision(a.ds);
    for (let kill = 0; kill < 2; kill++) {
      let started!: () => void;
      const rendering = new Promise<void>((r) => (started = r));
      const dying = worker(a, {
        ...DYING_LOCK,
        render: async () => {
          started();
          return new Promise<Buffer>(() => undefined); // never finishes: the process dies here
        },
      });
      await rendering;
      await dying.stop(true);
      workers.splice(workers.indexOf(dying), 1);
    }
    expect((await letterRows(a.ds, [id]))[0]).toEqual(
      expect.objectContaining({ status: 'rendering', attempts: 2 }),
    );
    worker(a);
    await waitFor(
      async () => (await letterRows(a.ds, [id]))[0].status === 'failed',
      'stalled failure recorded',
    );
    const [row] = await letterRows(a.ds, [id]);
    expect(row.last_error).toContain('stalled');
    expect(await settledStates(redis.url, [id], a.prefix)).toEqual(['failed']);
  });
});
