import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DECISION_LETTER_TOPIC } from '@anslag/letters';
import { PAYMENT_LETTER_TOPIC } from '@anslag/payments';
import {
  type EnqueueOutcome,
  JobProducer,
  type JobName,
  type JobPayloads,
  QueueProducer,
} from '@anslag/queue';
import { connectionOf, OutboxListener } from './outbox-listener';

export interface OutboxRelayOptions {
  /** Wait between polls when there is nothing to move (a notification of a pending row ends it early). */
  readonly pollMs?: number;
  /** Listen for PostgreSQL's notification of pending rows (OutboxListener); off, the poll alone finds them. */
  readonly listen?: boolean;
  /** Rows moved per transaction. */
  readonly batchSize?: number;
  /** Longest wait between tries while Redis is away. */
  readonly maxBackoffMs?: number;
}

export const OUTBOX_RELAY_OPTIONS = Symbol('OUTBOX_RELAY_OPTIONS');

interface OutboxRow {
  id: string;
  topic: string;
  aggregate_id: string;
}

interface Route<N extends JobName> {
  readonly job: N;
  readonly payload: (row: OutboxRow) => JobPayloads[N];
}

/** Which job each outbox topic becomes. */
const ROUTES: Readonly<Record<string, Route<JobName>>> = {
  [DECISION_LETTER_TOPIC]: {
    job: 'render-decision-letter',
    payload: (row) => ({ decisionId: row.aggregate_id }),
  },
  [PAYMENT_LETTER_TOPIC]: {
    job: 'render-payment-letter',
    payload: (row) => ({ letterId: row.aggregate_id }),
  },
};

/**
 * Moves outbox rows to BullMQ. The rows are written in the same transaction as the change that causes
 * them (a signed decision); this relay, in the worker, is the only thing that talks to Redis about them.
 * Rows are taken FOR UPDATE SKIP LOCKED, so several relays share the work; a row is marked relayed only
 * after its job is in Redis, and the job id comes from the row, so relaying a row twice is still one job.
 * While Redis is away the rows stay pending and the relay tries again with a growing pause.
 *
 * A committed row wakes the relay at once through PostgreSQL's notification (OutboxListener), so a burst
 * of signed decisions is in the queue within a round trip or two, not at the next poll.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private failures = 0;
  /** A row became pending since the last batch began. */
  private pending = false;
  private listener: OutboxListener | null = null;
  /** Batches that failed since start (Redis away): what a test waits for instead of sleeping. */
  failedBatches = 0;

  /** Waiting for the next poll or notification (no batch in hand). */
  get idle(): boolean {
    return this.wake !== null;
  }

  /** Notified of pending rows as they are committed. */
  get listening(): boolean {
    return this.listener?.listening ?? false;
  }

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(QueueProducer) private readonly producer: JobProducer,
    @Optional() @Inject(OUTBOX_RELAY_OPTIONS) private readonly opts: OutboxRelayOptions = {},
  ) {}

  onApplicationBootstrap(): void {
    this.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    if (this.opts.listen ?? true) {
      let reported = false;
      this.listener = new OutboxListener(
        connectionOf(this.db, 'anslag-outbox-relay'),
        () => {
          reported = false;
          this.rowPending();
        },
        (e) => {
          if (!reported) this.logger.warn(`outbox relay: not listening, polling meanwhile (${String(e)})`);
          reported = true;
        },
        this.opts.maxBackoffMs ?? 10_000,
      );
      this.listener.start();
    }
    this.loop = this.run();
  }

  /** Stops polling; resolves when the batch in hand is finished. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.listener?.stop();
    this.listener = null;
    await this.loop;
    this.loop = null;
  }

  /** A notification: the next batch starts now, unless Redis is away (then the backoff holds). */
  private rowPending(): void {
    this.pending = true;
    if (this.failures === 0) this.wake?.();
  }

  private get batchSize(): number {
    return this.opts.batchSize ?? 100;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let moved = 0;
      this.pending = false;
      try {
        moved = await this.relayBatch();
        if (this.failures > 0) this.logger.log('outbox relay: Redis answers again');
        this.failures = 0;
      } catch (e) {
        if (this.failures === 0)
          this.logger.warn(`outbox relay: rows kept until Redis answers (${String(e)})`);
        this.failures++;
        this.failedBatches++;
      }
      if (!this.running) break;
      if (moved >= this.batchSize && this.failures === 0) continue;
      await this.pause();
    }
  }

  private pause(): Promise<void> {
    if (this.pending && this.failures === 0) return Promise.resolve();
    const poll = this.opts.pollMs ?? 500;
    const ms =
      this.failures === 0 ? poll : Math.min(poll * 2 ** this.failures, this.opts.maxBackoffMs ?? 10_000);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  /**
   * One batch in one transaction. Rows whose job is in Redis are marked; rows whose add failed (Redis
   * away) stay pending, the marks made are committed, and the first error is passed on.
   */
  async relayBatch(): Promise<number> {
    let failure: unknown = null;
    const moved = await this.db.transaction(async (em) => {
      const rows = (await em.query(
        `SELECT id, topic, aggregate_id FROM outbox
          WHERE relayed_at IS NULL AND topic = ANY($1::text[])
          ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [Object.keys(ROUTES), this.batchSize],
      )) as OutboxRow[];
      // The batch's jobs of each kind are added together (JobProducer.enqueueMany: a few round trips per
      // batch rather than a few per row, each of which waited behind the letters on the event loop).
      const outcomes: PromiseSettledResult<EnqueueOutcome>[] = new Array(rows.length);
      const byJob = new Map<JobName, number[]>();
      rows.forEach((row, i) => {
        const job = ROUTES[row.topic].job;
        const at = byJob.get(job) ?? [];
        at.push(i);
        byJob.set(job, at);
      });
      await Promise.all(
        [...byJob].map(async ([job, at]) => {
          const settled = await this.producer
            .enqueueMany(
              job,
              at.map((i) => ROUTES[rows[i].topic].payload(rows[i])),
            )
            .catch((reason: unknown) =>
              at.map((): PromiseSettledResult<EnqueueOutcome> => ({ status: 'rejected', reason })),
            );
          at.forEach((i, k) => (outcomes[i] = settled[k]));
        }),
      );
      const relayed: string[] = [];
      outcomes.forEach((o, i) => {
        if (o.status === 'rejected') failure ??= o.reason;
        // A job with this id is running: leave the row, so that a retry asked for meanwhile is not lost.
        else if (o.value !== 'busy') relayed.push(rows[i].id);
      });
      if (relayed.length > 0) {
        await em.query(`UPDATE outbox SET relayed_at = now() WHERE id = ANY($1::bigint[])`, [relayed]);
      }
      return relayed.length;
    });
    if (failure) throw failure;
    return moved;
  }
}
