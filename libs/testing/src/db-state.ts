import { Client } from 'pg';
import { DataSource } from 'typeorm';

/**
 * Row counts of the given tables (or of every table), to show that a refused request changed nothing.
 * Whole tables are only this suite's in a database of its own (PrivateDatabase): in the run's shared
 * database other suites write beside it, so there a test counts the rows of its own keys instead, and
 * this refuses to count.
 */
export async function tableCounts(ds: DataSource, tables?: string[]): Promise<Record<string, number>> {
  const [{ db }] = await ds.query('SELECT current_database() AS db');
  if (db === process.env.ANSLAG_TEST_DB)
    throw new Error(
      `tableCounts: ${db} is shared with the other suites; count the rows of this test's own keys, or use a PrivateDatabase`,
    );
  const names =
    tables ??
    (
      (await ds.query(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
      )) as { table_name: string }[]
    ).map((t) => t.table_name);
  const out: Record<string, number> = {};
  for (const t of names) {
    const [row] = await ds.query(`SELECT count(*)::int AS n FROM "${t}"`);
    out[t] = row.n;
  }
  return out;
}

/**
 * Runs statements as the database's owner (DATABASE_URL), as migrations do; the app itself connects as a
 * role that owns nothing. For tests that show what even the owner cannot do past a trigger.
 */
export async function asOwner<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
