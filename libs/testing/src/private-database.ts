import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@anslag/database';

/**
 * A migrated database of a suite's own, for suites whose data must not meet other suites' in the run's
 * shared database: the demo's catalogues, rule sets adopted (which end the earlier ones), outbox relays
 * that take every pending row they find.
 */
export class PrivateDatabase {
  /** DATABASE_URL as it was before `use`, to be named again by `drop`. */
  private restore?: { url: string | undefined };

  private constructor(
    readonly url: string,
    private readonly name: string,
    private readonly admin: string,
  ) {}

  /** A new database, migrated; DATABASE_URL is left as it is (pass `url` to what should use it). */
  static async create(): Promise<PrivateDatabase> {
    const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/anslag');
    const admin = new URL(base);
    admin.pathname = '/postgres';
    const name = `${base.pathname.slice(1)}_p${randomBytes(3).toString('hex')}`;
    await run(admin.toString(), `CREATE DATABASE "${name}"`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    const ds = new DataSource(dataSourceOptions(url.toString(), { entities: [] }));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.destroy();
    return new PrivateDatabase(url.toString(), name, admin.toString());
  }

  /**
   * A new database named by DATABASE_URL for the rest of the suite (jest gives each test file its own
   * process.env), so that the apps the suite builds use it; `drop` names the earlier one again.
   */
  static async use(): Promise<PrivateDatabase> {
    const db = await PrivateDatabase.create();
    db.restore = { url: process.env.DATABASE_URL };
    process.env.DATABASE_URL = db.url;
    return db;
  }

  async drop(): Promise<void> {
    if (this.restore) {
      if (this.restore.url === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = this.restore.url;
    }
    await run(this.admin, `DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`);
  }
}

async function run(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
