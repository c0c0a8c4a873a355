import type { Pool } from 'pg';
import {
  DataSource,
  type EntityManager,
  type InsertQueryBuilder,
  type ObjectLiteral,
  QueryFailedError,
} from 'typeorm';

/**
 * A read through the pg pool that TypeORM holds, without TypeORM's query runner: for the statements of
 * plain SQL on the hottest routes (the runner's bookkeeping around each query was about a fifth of a light
 * request's CPU). The same connections, settings and row parsing; a failure is a QueryFailedError with the
 * driver's error, as from TypeORM (the error filter maps it), without the parameters. Transactions stay
 * in TypeORM.
 */
export async function plainQuery<T>(
  db: DataSource,
  text: string,
  params: unknown[] = [],
  /**
   * A statement sent often whose planning costs more than its execution: prepared under this name once
   * per connection (PostgreSQL plans it once, after a few runs, instead of on every run).
   */
  name?: string,
): Promise<T[]> {
  const pool = (db.driver as unknown as { master: Pool }).master;
  try {
    return (await pool.query({ text, values: params, name })).rows as T[];
  } catch (err) {
    throw new QueryFailedError(text, undefined, err as Error);
  }
}

/**
 * Several INSERTs, built by TypeORM from the entities, sent as one statement (data-modifying WITH): one
 * round trip, and atomic as every statement is, so no BEGIN and COMMIT around them. Rows of later inserts
 * may reference earlier ones (foreign keys are checked at the end of the statement), so their keys must
 * be known beforehand (an id made by the caller). Nothing is returned.
 */
export async function insertTogether(
  em: EntityManager,
  inserts: InsertQueryBuilder<ObjectLiteral>[],
): Promise<void> {
  const params: unknown[] = [];
  const statements = inserts.map((qb) => {
    const [sql, own] = qb.updateEntity(false).getQueryAndParameters();
    // The builder's SQL holds quoted names, DEFAULT and $n placeholders only; renumber the placeholders.
    if (sql.includes("'") || / RETURNING /i.test(sql)) throw new Error(`Unexpected INSERT: ${sql}`);
    const offset = params.length;
    params.push(...own);
    return sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
  });
  const last = statements.pop()!;
  const text = statements.length
    ? `WITH ${statements.map((s, i) => `i${i} AS (${s})`).join(', ')} ${last}`
    : last;
  await em.query(text, params);
}
