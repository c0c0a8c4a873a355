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
