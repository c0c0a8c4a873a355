import type { PoolClient } from 'pg';
import Cursor from 'pg-cursor';
import type { DataSource, ReplicationMode } from 'typeorm';

/**
 * The rows of one statement from a cursor, a batch at a time, on a connection of its own: one snapshot
 * however long the reader takes, and never more than two batches in memory. The next batch is asked for
 * as soon as one is handed over, so the database works on it while the reader works on this one. Closes
 * the cursor and returns the connection however the reading ends (to the end, stopped early, failed).
 */
export async function* cursorBatches<T>(
  db: DataSource,
  text: string,
  values: unknown[],
  batchSize: number,
  opts: { rowMode?: 'array'; mode?: ReplicationMode } = {},
): AsyncGenerator<T[]> {
  const runner = db.createQueryRunner(opts.mode ?? 'master');
  try {
    const client = (await runner.connect()) as PoolClient;
    const cursor = client.query(new Cursor<T>(text, values, { rowMode: opts.rowMode }));
    let next: Promise<T[]> | null = cursor.read(batchSize);
    try {
      for (;;) {
        const rows: T[] = await next;
        next = null;
        if (rows.length === 0) break;
        next = cursor.read(batchSize);
        yield rows;
      }
    } finally {
      // Stopped early (the reader went away): let the batch asked for arrive, then close the portal.
      if (next) await next.catch(() => undefined);
      await cursor.close();
    }
  } finally {
    await runner.release();
  }
}
