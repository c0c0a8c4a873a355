import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@anslag/auth';
import { buildDecisionLetterModel, DecisionLetterJob, LetterDataLoader } from '@anslag/letters';
import { LetterModelError, renderLetter } from '../libs/letters/src/render';
import {
  createTestApp,
  createUser,
  ensureReferenceData,
  PrivateDatabase,
  PrivateRedis,
  type TestUser,
} from '@anslag/testing';
import {
  allDone,
  DYING_LOCK,
  InProcessWorker,
  letterRows,
  pendingOutbox,
  queueState,
  settledStates,
  sha256,
  signedProjectDecision,
  waitFor,
} from './letters-support';

/**
 * Faults that must lose nothing: Redis away while decisions are signed, a worker that dies in the middle
 * of a letter, several workers at once. A redis-server of this suite's own, so other suites are not
 * disturbed, and a database of its own, so its relays take no other suite's letters; the relay and the
 * processor run in this process against them.
 */
jest.setTimeout(60_000);

describe('decision letters through the queue, with faults', () => {
  let redis: PrivateRedis;
  let db: PrivateDatabase;
  let app: NestFastifyApplication;
  let ds: DataSource;
  let officer: TestUser;
  const workers: InProcessWorker[] = [];
  const savedRedis = process.env.REDIS_URL;

  const worker = (
    ...args: ConstructorParameters<typeof InProcessWorker> extends [unknown, unknown, ...infer R] ? R : never
  ) => {
    const w = new InProcessWorker(ds, redis.url, ...args);
    workers.push(w);
    return w;
  };

  /** The bytes the letter must have: the same model always renders to the same PDF. */
  const expectedSha = async (id: string) =>
    sha256(await renderLetter(buildDecisionLetterModel(await new LetterDataLoader(ds).load(id))));

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    db = await PrivateDatabase.use();
    process.env.REDIS_URL = redis.url;
    app = await createTestApp();
    ds = app.get(DataSource);
    await ensureReferenceData(ds);
    officer = await createUser(app, [Role.handlaggare]);
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop(true)));
  });
  afterAll(async () => {
    await app.close();
    await redis.stop();
    await db.drop();
    process.env.REDIS_URL = savedRedis;
  });

  it('keeps signed decisions’ letters in the outbox while Redis is down, and produces each exactly once when it returns', async () => {
    await redis.stop();
    const ids = await Promise.all([1, 2, 3, 4, 5].map(() => signedProjectDecision(ds)));
    const w = worker();
    // The relay has tried and failed (twice, so a retry after a backoff too); nothing is lost or half-done.
    await waitFor(async () => w.relay.failedBatches >= 2, 'the relay tried while Redis was down');
    expect(await pendingOutbox(ds, ids)).toBe(5);
    expect((await letterRows(ds, ids)).map((r) => [r.status, r.attempts])).toEqual(
      ids.map(() => ['queued', 0]),
    );

    await redis.start();
    await waitFor(allDone(ds, ids), 'every letter done after Redis returned');
    await waitFor(async () => (await pendingOutbox(ds, ids)) === 0, 'outbox relayed');

    const rows = await letterRows(ds, ids);
    expect(rows).toHaveLength(5);
    for (const [i, row] of rows.entries()) {
      expect(row).toEqual(expect.objectContaining({ status: 'done', attempts: 1, last_error: null }));
      expect(row.sha256).toBe(row.pdf_sha256);
      expect(row.sha256).toBe(await expectedSha([...ids].sort()[i]));
    }
    expect(await settledStates(redis.url, ids)).toEqual(ids.map(() => 'completed'));
    expect((await queueState(redis.url, ids)).counts.failed).toBe(0);

    const pdf = await request(app.getHttpServer())
      .get(`/api/decisions/${ids[0]}/letter`)
      .set(officer.auth)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(sha256(pdf.body as Buffer)).toBe(await expectedSha(ids[0]));
  });

  it('moves a letter to the queue when PostgreSQL notifies its commit, with no poll due; without listening, at the poll', async () => {
    const w = worker({}, { pollMs: 3_600_000 });
    // Listening, and asleep until the next poll an hour away: only the notification can wake it.
    await waitFor(async () => w.relay.listening && w.relay.idle, 'the relay listening and idle');
    const ids = await Promise.all([1, 2, 3].map(() => signedProjectDecision(ds)));
    await waitFor(allDone(ds, ids), 'letters done after the notifications');
    expect(await pendingOutbox(ds, ids)).toBe(0);
    await w.stop();
    workers.splice(workers.indexOf(w), 1);

    const polling = worker({}, { listen: false });
    expect(polling.relay.listening).toBe(false);
    const id = await signedProjectDecision(ds);
    await waitFor(allDone(ds, [id]), 'letter done at the poll');
    expect((await letterRows(ds, [id]))[0]).toEqual(expect.objectContaining({ status: 'done', attempts: 1 }));
  });

  it('retries a letter whose worker was killed mid-render, and ends with one letter', async () => {
    const id = await signedProjectDecision(ds);
    let started!: () => void;
    const rendering = new Promise<void>((r) => (started = r));
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const dying = worker({
      ...DYING_LOCK,
      render: async (model) => {
        started();
        await held; // the process "dies" here
        return renderLetter(model);
      },
    });
    await rendering;
    expect((await letterRows(ds, [id]))[0]).toEqual(
      expect.objectContaining({ status: 'rendering', attempts: 1 }),
    );
    await dying.processor.close(true); // no graceful finish, no lock renewal: the job stalls

    worker({}, false);
    await waitFor(allDone(ds, [id]), 'the stalled job retried by the other worker');
    const [row] = await letterRows(ds, [id]);
    expect(row).toEqual(expect.objectContaining({ status: 'done', attempts: 2 }));
    expect(row.sha256).toBe(await expectedSha(id));

    // The dead worker's render finishing late stores nothing more.
    release();
    await dying.processor.idle(); // the late render has ended, and tried to store
    const [after] = await letterRows(ds, [id]);
    expect(after).toEqual(row);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM decision_letter WHERE decision_id = $1`, [
      id,
    ]);
    expect(n).toBe(1);
    expect(await settledStates(redis.url, [id])).toEqual(['completed']);
  });

  it('lets several relays and workers run at once without a letter twice, even when rows are relayed again', async () => {
    const ids = await Promise.all(Array.from({ length: 10 }, () => signedProjectDecision(ds)));
    worker({ concurrency: 2 });
    worker({ concurrency: 2 });
    worker({ concurrency: 2 }, false);
    await waitFor(allDone(ds, ids), 'every letter done');
    const first = await letterRows(ds, ids);
    expect(first.map((r) => [r.status, r.attempts])).toEqual(ids.map(() => ['done', 1]));

    // A relay that crashed before marking its rows would hand them over again: still one letter each.
    await ds.query(`UPDATE outbox SET relayed_at = NULL WHERE aggregate_id = ANY($1::uuid[])`, [ids]);
    await waitFor(async () => (await pendingOutbox(ds, ids)) === 0, 'rows relayed again');
    await waitFor(
      async () => (await queueState(redis.url, ids)).states.every((s) => s === 'completed'),
      'jobs settled',
    );
    expect(await letterRows(ds, ids)).toEqual(first);

    // Two runs of the same letter side by side (as if BullMQ handed one job out twice): one store.
    const id = await signedProjectDecision(ds);
    const job = new DecisionLetterJob(ds);
    const results = await Promise.all([1, 2, 3, 4].map(() => job.run(id, false)));
    expect(results.filter((r) => r.outcome === 'stored')).toHaveLength(1);
    const [row] = await letterRows(ds, [id]);
    expect(row.status).toBe('done');
    expect(row.sha256).toBe(await expectedSha(id));
  });

  it('keeps a letter that fails every attempt visible, and an officer’s retry produces it with a fresh job', async () => {
    const id = await signedProjectDecision(ds);
    const broken = worker({
      render: async () => {
        throw new LetterModelError('Typsnittet saknas');
      },
    });
    await waitFor(async () => (await letterRows(ds, [id]))[0].status === 'failed', 'letter failed');
    expect(await settledStates(redis.url, [id])).toEqual(['failed']);
    const status = await request(app.getHttpServer())
      .get(`/api/decisions/${id}/letter/status`)
      .set(officer.auth)
      .expect(200);
    expect(status.body).toEqual({
      status: 'failed',
      attempts: 1,
      lastError: 'Typsnittet saknas',
      sha256: null,
    });
    await request(app.getHttpServer()).get(`/api/decisions/${id}/letter`).set(officer.auth).expect(404);
    await broken.stop();
    workers.splice(workers.indexOf(broken), 1);

    await request(app.getHttpServer())
      .post(`/api/decisions/${id}/letter/retry`)
      .set(officer.auth)
      .expect(202);
    worker();
    await waitFor(allDone(ds, [id]), 'letter done after the retry');
    const [row] = await letterRows(ds, [id]);
    expect(row).toEqual(expect.objectContaining({ status: 'done', attempts: 2, last_error: null }));
    expect(await settledStates(redis.url, [id])).toEqual(['completed']);
  });

  it('retries a passing error with backoff and records it meanwhile', async () => {
    const id = await signedProjectDecision(ds);
    let calls = 0;
    worker({
      render: async (model) => {
        calls++;
        if (calls === 1) throw new Error('Databasen svarade inte');
        return renderLetter(model);
      },
    });
    await waitFor(async () => (await letterRows(ds, [id]))[0].last_error !== null, 'first attempt failed');
    expect((await letterRows(ds, [id]))[0]).toEqual(
      expect.objectContaining({ status: 'queued', attempts: 1, last_error: 'Databasen svarade inte' }),
    );
    await waitFor(allDone(ds, [id]), 'second attempt stored the letter');
    expect((await letterRows(ds, [id]))[0]).toEqual(
      expect.objectContaining({ status: 'done', attempts: 2, last_error: null }),
    );
  });
});
