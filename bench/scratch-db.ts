import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '@anslag/config';
import { dataSourceOptions } from '@anslag/database';

/** A migrated database of the benchmark's own, dropped afterwards. */
export async function withScratchDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const base = new URL(loadConfig().DATABASE_URL);
  const name = `anslag_bench_${randomBytes(4).toString('hex')}`;
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  try {
    const ds = new DataSource(dataSourceOptions(url.toString(), { entities: [] }));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.destroy();
    return await fn(url.toString());
  } finally {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  }
}
