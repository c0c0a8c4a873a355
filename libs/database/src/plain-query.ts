import { createHash } from 'node:crypto';
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
  opts: { prepared?: boolean } = {},
): Promise<T[]> {
  const pool = (db.driver as unknown as { master: Pool }).master;
  try {
    const name = opts.prepared ? statementName(text) : undefined;
    return (await pool.query({ name, text, values: params })).rows as T[];
  } catch (err) {
    throw new QueryFailedError(text, undefined, err as Error);
  }
}

/**
 * The name of a prepared statement (`prepared`): each connection parses and plans its text once and keeps
 * it for the connection's life, so it is only for a statement whose text is one of a few, and whose plan
 * suits every value of its parameters (PostgreSQL keeps a generic plan once it costs no more than the
 * plans made for the values; at once when there are none). A statement that fails takes its connection
 * with it (pg-pool drops a connection whose query failed), so a plan that a schema change broke is
 * prepared afresh on a new connection.
 */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `p_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

const statementNames = new Map<string, string>();

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
