import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { JOBS, type JobName, type JobPayloads, type QueueName } from './jobs';

/**
 * What happened to a job handed to the producer:
 * - `added`: a new job;
 * - `exists`: a job with the same id is waiting or delayed and will do the work: nothing added;
 * - `replaced`: a finished job (completed or failed) with the same id was removed and a fresh one added,
 *   because the work was asked for again (a retry after failure);
 * - `busy`: a job with the same id is running right now; ask again later.
 */
export type EnqueueOutcome = 'added' | 'exists' | 'replaced' | 'busy';

export interface JobProducerOptions {
  /** BullMQ key prefix; in the app the installation's (RedisConnections.prefix). */
  readonly prefix?: string;
  /** How long one enqueue may wait for Redis before it gives up (Redis down or not yet reached). */
  readonly timeoutMs?: number;
}

export class RedisUnavailableError extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new RedisUnavailableError(`${what}: Redis did not answer in ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The one producer: adds catalogued jobs with their deterministic ids and default options. Give it a
 * connection that fails fast (`enableOfflineQueue: false`) so that a caller learns at once that Redis
 * is away instead of waiting on a queue of commands.
 */
export class JobProducer {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly connection: Redis,
    private readonly opts: JobProducerOptions = {},
  ) {}

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.connection, prefix: this.opts.prefix });
      q.on('error', () => undefined); // reported to the caller of enqueue
      this.queues.set(name, q);
    }
    return q;
  }

  enqueue<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<EnqueueOutcome> {
    const def = JOBS[name];
    const jobId = def.jobId(payload);
    return withTimeout(
      this.enqueueOnce(name, payload, jobId),
      this.opts.timeoutMs ?? 5_000,
      `${name} ${jobId}`,
    );
  }

  /**
   * Several jobs of one kind at once, each with the outcome `enqueue` would give it (or its error). Jobs
   * whose id is new to Redis are added together (one pipeline of adds after one pipeline of existence
   * checks: two round trips for a batch, not three per job); the few whose id exists go through the
   * one-by-one path that tells waiting from running from finished.
   */
  enqueueMany<N extends JobName>(
    name: N,
    payloads: readonly JobPayloads[N][],
  ): Promise<PromiseSettledResult<EnqueueOutcome>[]> {
    return withTimeout(
      this.enqueueManyOnce(name, payloads),
      this.opts.timeoutMs ?? 5_000,
      `${payloads.length} × ${name}`,
    );
  }

  private async enqueueManyOnce<N extends JobName>(
    name: N,
    payloads: readonly JobPayloads[N][],
  ): Promise<PromiseSettledResult<EnqueueOutcome>[]> {
    if (payloads.length === 0) return [];
    const def = JOBS[name];
    const queue = this.queue(def.queue);
    const ids = payloads.map((p) => def.jobId(p));
    const checks = this.connection.pipeline();
    for (const id of ids) checks.exists(queue.toKey(id));
    const exists = (await checks.exec()) ?? [];
    const fresh: number[] = [];
    const known: number[] = [];
    ids.forEach((_, i) => {
      const [err, n] = exists[i] ?? [new RedisUnavailableError('no answer'), null];
      if (err) throw err;
      (n === 0 ? fresh : known).push(i);
    });
    const outcomes: PromiseSettledResult<EnqueueOutcome>[] = new Array(ids.length);
    const [added, ...oneByOne] = await Promise.allSettled([
      // With the same jobId BullMQ adds nothing if another producer got there first: still one job.
      fresh.length > 0
        ? queue.addBulk(
            fresh.map((i) => ({ name, data: payloads[i], opts: { ...def.options, jobId: ids[i] } })),
          )
        : Promise.resolve([]),
      ...known.map((i) => this.enqueueOnce(name, payloads[i], ids[i])),
    ]);
    for (const i of fresh)
      outcomes[i] =
        added.status === 'fulfilled'
          ? { status: 'fulfilled', value: 'added' }
          : { status: 'rejected', reason: added.reason };
    known.forEach((i, k) => (outcomes[i] = oneByOne[k] as PromiseSettledResult<EnqueueOutcome>));
    return outcomes;
  }

  private async enqueueOnce<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    jobId: string,
  ): Promise<EnqueueOutcome> {
    const def = JOBS[name];
    const queue = this.queue(def.queue);
    const existing = await queue.getJob(jobId);
    let outcome: EnqueueOutcome = 'added';
    if (existing) {
      const state = await existing.getState();
      if (state === 'active') return 'busy';
      if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return 'exists';
      await existing.remove();
      outcome = 'replaced';
    }
    // With the same jobId BullMQ adds nothing if another producer got there first: still one job.
    await queue.add(name, payload, { ...def.options, jobId });
    return outcome;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    this.queues.clear();
  }
}
