import { Client } from 'pg';
import { DataSource } from 'typeorm';

/** Row counts of the given tables, to show that a refused request changed nothing. */
export async function tableCounts(ds: DataSource, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
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
