import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../libs/database/src/data-source-options';

/** A fresh, uniquely named database per run, migrated once; global-teardown drops it. */
export default async function globalSetup(): Promise<void> {
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/anslag');
  const name = `anslag_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();

  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  process.env.ANSLAG_TEST_DB = name;
  process.env.ANSLAG_ADMIN_URL = admin.toString();

  // Migrations only: they import nothing of the code base, so no entity needs loading here.
  const ds = new DataSource(dataSourceOptions(url.toString(), { entities: [] }));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
}
