import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Job, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { PaymentLetterJob, PaymentLetterNotOrderedError } from '@anslag/payments';
import { type JobPayloads, QUEUES, RedisConnections } from '@anslag/queue';

type Data = JobPayloads['render-payment-letter'];

/**
 * The BullMQ worker of the payment-letters queue: the letters of payments, advances and recoveries.
 * A letter this database never ordered is retried (it may belong to a transaction not yet visible);
 * a letter that fails its last attempt stays failed with its error.
 */
@Injectable()
export class PaymentLetterProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PaymentLetterProcessor.name);
  private readonly job: PaymentLetterJob;
  private worker: Worker<Data> | null = null;

  constructor(
    @InjectDataSource() db: DataSource,
    @Inject(RedisConnections) private readonly redis: RedisConnections,
  ) {
    this.job = new PaymentLetterJob(db);
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    await w?.close();
  }

  start(prefix = this.redis.prefix): Worker<Data> {
    if (this.worker) return this.worker;
    const worker = new Worker<Data>(QUEUES.paymentLetters, (job) => this.process(job), {
      connection: this.redis.create(),
      prefix,
      concurrency: 1,
    });
    worker.on('error', () => undefined); // reconnects by itself; the decision-letter worker reports Redis
    worker.on('failed', (job, e) => {
      this.logger.warn(`payment letter ${job?.data.letterId ?? '?'} failed: ${e.message}`);
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1) && !(e instanceof PaymentLetterNotOrderedError))
        void this.job.failed(job.data.letterId, e.message).catch(() => undefined);
    });
    this.worker = worker;
    return worker;
  }

  private async process(job: Job<Data>): Promise<string> {
    return this.job.run(job.data.letterId);
  }
}
