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
import { AppConfig } from '@anslag/config';
import { DecisionLetterStore, errorText } from '@anslag/letters';

export interface LetterSweeperOptions {
  /** A letter queued or rendering for longer than this is put back on the queue. */
  readonly stuckAfterMs?: number;
  /** How often to look. */
  readonly intervalMs?: number;
}

export const LETTER_SWEEPER_OPTIONS = Symbol('LETTER_SWEEPER_OPTIONS');

/**
 * Puts letters that stay `queued` or `rendering` past a set time back on the queue, through the outbox.
 * Whatever lost them (a job taken by a worker of another installation, a job removed from Redis, a worker
 * gone without BullMQ noticing), the letter is asked for again; the relay adds the job under the
 * decision's id, so a letter whose job is still waiting or running is not produced twice.
 */
@Injectable()
export class LetterSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(LetterSweeper.name);
  private readonly store: DecisionLetterStore;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @InjectDataSource() db: DataSource,
    @Optional() @Inject(AppConfig) private readonly config?: AppConfig,
    @Optional() @Inject(LETTER_SWEEPER_OPTIONS) private readonly opts: LetterSweeperOptions = {},
  ) {
    this.store = new DecisionLetterStore(db);
  }

  get stuckAfterMs(): number {
    return this.opts.stuckAfterMs ?? (this.config?.LETTER_STUCK_AFTER_SECONDS ?? 600) * 1000;
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.timer) return;
    const interval = this.opts.intervalMs ?? Math.max(1_000, Math.min(60_000, this.stuckAfterMs / 2));
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.sweep().finally(() => (this.running = null));
    }, interval);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One sweep; the decisions whose letters were put back. */
  async sweep(): Promise<string[]> {
    try {
      const ids = await this.store.sweep(this.stuckAfterMs);
      if (ids.length > 0)
        this.logger.log(`decision letters: ${ids.length} stuck letters put back on the queue`);
      return ids;
    } catch (e) {
      this.logger.warn(`decision letters: sweep failed (${errorText(e)})`);
      return [];
    }
  }
}
