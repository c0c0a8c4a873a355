import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const name = process.env.ANSLAG_TEST_DB;
  if (!name || !process.env.ANSLAG_ADMIN_URL) return;
  const client = new Client({ connectionString: process.env.ANSLAG_ADMIN_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
}
