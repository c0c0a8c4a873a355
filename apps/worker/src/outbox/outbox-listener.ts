import { Client, type ClientConfig } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

/** The channel PostgreSQL notifies when an outbox row becomes pending (migration OutboxNotify). */
export const OUTBOX_CHANNEL = 'outbox';

/** The database of a DataSource, for a connection of its own outside the pool. */
export function connectionOf(db: DataSource, applicationName: string): ClientConfig {
  const o = db.options as PostgresConnectionOptions;
  return {
    connectionString: o.url,
    host: o.host,
    port: o.port,
    user: o.username,
    password: typeof o.password === 'string' ? o.password : undefined,
    database: o.database,
    ssl: o.ssl as ClientConfig['ssl'],
    application_name: applicationName,
  };
}

/**
 * LISTENs on the outbox channel on a connection of its own (a listening session cannot go back to the
 * pool) and calls `onPending` for each notification, and once each time it starts listening (rows may
 * have been written while it was not). A lost connection is opened again after `retryMs`; meanwhile the
 * relay's poll finds the rows.
 */
export class OutboxListener {
  private client: Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly onPending: () => void,
    private readonly onLost: (e: unknown) => void,
    private readonly retryMs: number,
  ) {}

  get listening(): boolean {
    return this.client !== null;
  }

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client(this.config);
    let lost = false;
    const lose = (e: unknown) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.onLost(e);
      this.retry ??= setTimeout(() => {
        this.retry = null;
        if (!this.stopped) void this.connect();
      }, this.retryMs);
    };
    client.on('notification', () => this.onPending());
    client.on('error', lose);
    client.on('end', () => lose(new Error('the listening connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (e) {
      lose(e);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.onPending();
  }
}
