import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { ensureReferenceData } from './factories';
import { PrivateDatabase } from './private-database';
import { createTestApp } from './test-app';

/**
 * Two api instances on one database of their own, with the factories' reference data: for what each
 * instance keeps in memory while the other changes it. `close` ends both and drops the database.
 */
export async function twoInstances(): Promise<{
  a: NestFastifyApplication;
  b: NestFastifyApplication;
  close: () => Promise<void>;
}> {
  const db = await PrivateDatabase.use();
  const apps: NestFastifyApplication[] = [];
  const close = async () => {
    for (const app of apps) await app.close();
    await db.drop();
  };
  try {
    apps.push(await createTestApp(), await createTestApp());
    await ensureReferenceData(apps[0].get(DataSource));
  } catch (err) {
    await close();
    throw err;
  }
  return { a: apps[0], b: apps[1], close };
}
