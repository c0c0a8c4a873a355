import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  DecisionLetterJob,
  DecisionLetterStore,
  errorText,
  isPermanentLetterError,
  type LetterJobResult,
  type LetterRenderer,
} from '@anslag/letters';
import { JOBS, type JobPayloads, QUEUES, RedisConnections } from '@anslag/queue';

export interface LetterWorkerOptions {
  /** Letters rendered at once by this process (rendering is CPU work; reading and storing is I/O). */
  readonly concurrency?: number;
  /** How long a job's lock lasts without renewal; a worker that dies loses its job after this. */
  readonly lockDuration?: number;
  /** How often stalled jobs (their worker gone) are put back in the queue. */
  readonly stalledInterval?: number;
  /** BullMQ key prefix; by default the installation's (RedisConnections.prefix). */
  readonly prefix?: string;
  /** The renderer (tests hold a render still to stop a worker in the middle of it). */
  readonly render?: LetterRenderer;
}

export const LETTER_WORKER_OPTIONS = Symbol('LETTER_WORKER_OPTIONS');

type LetterJobData = JobPayloads['render-decision-letter'];

/**
 * The BullMQ worker of the decision-letters queue. Each job renders one decision's letter; the job's
 * last attempt, or an error no retry can cure, leaves the letter failed with its error for an officer
 * to see and retry. Idempotent: a done letter is not rendered again, and of two runs side by side only
 * one stores (see DecisionLetterStore).
 */
@Injectable()
export class DecisionLetterProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DecisionLetterProcessor.name);
  private readonly job: DecisionLetterJob;
  private readonly store: DecisionLetterStore;
  private worker: Worker<LetterJobData, LetterJobResult> | null = null;
  private redisDown = false;
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    @InjectDataSource() db: DataSource,
    @Inject(RedisConnections) private readonly redis: RedisConnections,
    @Optional() @Inject(LETTER_WORKER_OPTIONS) private readonly opts: LetterWorkerOptions = {},
  ) {
    this.job = new DecisionLetterJob(db, opts.render);
    this.store = new DecisionLetterStore(db);
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.close();
    this.logger.log('decision letters: worker stopped');
  }

  start(): Worker<LetterJobData, LetterJobResult> {
    if (this.worker) return this.worker;
    const worker = new Worker<LetterJobData, LetterJobResult>(
      QUEUES.decisionLetters,
      (job) => this.process(job),
      {
        connection: this.redis.create(),
        prefix: this.opts.prefix ?? this.redis.prefix,
        concurrency: this.opts.concurrency ?? 2,
        lockDuration: this.opts.lockDuration ?? 30_000,
        stalledInterval: this.opts.stalledInterval ?? 30_000,
      },
    );
    worker.on('error', (e) => {
      if (!this.redisDown) this.logger.warn(`decision letters: worker waits for Redis (${errorText(e)})`);
      this.redisDown = true;
    });
    worker.on('ready', () => (this.redisDown = false));
    worker.on('failed', (job, e) => {
      this.logger.warn(`decision letter ${job?.data.decisionId ?? '?'} failed: ${errorText(e)}`);
      if (job) void this.recordFinalFailure(job, e);
    });
    this.worker = worker;
    return worker;
  }

  /** Waits for the letters in hand (a graceful stop); `force` drops them for another worker to take. */
  async close(force = false): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.close(force);
  }

  /**
   * A job that BullMQ fails without the processor's own handling (stalled past its limit: a worker killed
   * twice mid-render) would leave the letter `rendering` for ever: its final failure is recorded here.
   * A letter the processor already failed, or that another run finished, is left as it is.
   */
  private async recordFinalFailure(job: Job<LetterJobData, LetterJobResult>, e: Error): Promise<void> {
    const attempts = job.opts.attempts ?? 1;
    const final =
      e instanceof UnrecoverableError || e.name === 'UnrecoverableError' || job.attemptsMade >= attempts;
    if (!final || !job.data?.decisionId) return;
    try {
      await this.store.recordJobFailure(job.data.decisionId, errorText(e));
    } catch (err) {
      this.logger.warn(`decision letter ${job.data.decisionId}: failure not recorded (${errorText(err)})`);
    }
  }

  /**
   * Resolves when no letter of this process is being made, even one whose job a forced close gave up:
   * its late end still stores nothing twice (the store's guard), and a test can wait for that end.
   */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private process(job: Job<LetterJobData, LetterJobResult>): Promise<LetterJobResult> {
    const run = this.runJob(job);
    this.running.add(run);
    void run.finally(() => this.running.delete(run)).catch(() => undefined);
    return run;
  }

  private async runJob(job: Job<LetterJobData, LetterJobResult>): Promise<LetterJobResult> {
    if (job.name !== 'render-decision-letter') throw new UnrecoverableError(`unknown job ${job.name}`);
    const attempts = job.opts.attempts ?? JOBS['render-decision-letter'].options.attempts ?? 1;
    const finalAttempt = job.attemptsMade + 1 >= attempts;
    try {
      return await this.job.run(job.data.decisionId, finalAttempt);
    } catch (e) {
      if (isPermanentLetterError(e)) throw new UnrecoverableError(errorText(e));
      throw e;
    }
  }
}
