import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import {
  DataSource,
  type EntityMetadata,
  type EntityTarget,
  type ObjectLiteral,
  QueryFailedError,
} from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

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
 * An INSERT of rows of one table, not yet sent: its values, one cell per column and row, either SQL
 * (DEFAULT, 1) or PARAM for the next of `params`; the placeholders are numbered when it is written out.
 */
export interface RowsInsert {
  table: string;
  head: string;
  width: number;
  cells: string[];
  params: unknown[];
}

/** A cell of RowsInsert that stands for a parameter. */
const PARAM = '';

/** The INSERT's text, its placeholders numbered from `offset` + 1. */
export function insertSql(insert: RowsInsert, offset = 0): string {
  const { head, width, cells } = insert;
  let n = offset;
  let sql = head;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] === PARAM ? `$${++n}` : cells[i];
    sql += i % width === 0 ? (i === 0 ? `(${cell}` : `), (${cell}`) : `, ${cell}`;
  }
  return `${sql})`;
}

interface InsertShape {
  table: string;
  head: string;
  columns: ColumnMetadata[];
  /** Per column, the property to read straight from a row when getEntityValue would do just that. */
  plain: (string | null)[];
}
const shapes = new WeakMap<EntityMetadata, InsertShape>();

function shapeOf(metadata: EntityMetadata): InsertShape {
  let shape = shapes.get(metadata);
  if (!shape) {
    // The columns TypeORM's InsertQueryBuilder names for PostgreSQL: the insertable ones but serials.
    const columns = metadata.columns.filter(
      (c) => c.isInsert && !(c.isGenerated && c.generationStrategy === 'increment'),
    );
    const table = metadata.tablePath
      .split('.')
      .map((n) => `"${n}"`)
      .join('.');
    const head = `INSERT INTO ${table}(${columns.map((c) => `"${c.databaseName}"`).join(', ')}) VALUES `;
    const plain = columns.map((c) => (c.embeddedMetadata || c.referencedColumn ? null : c.propertyName));
    shape = { table: metadata.tableName, head, columns, plain };
    shapes.set(metadata, shape);
  }
  return shape;
}

/**
 * The INSERT that TypeORM's InsertQueryBuilder writes for these rows on PostgreSQL (every insertable
 * column named; a value left out is DEFAULT, a new version 1; each value through the driver's
 * preparePersistentValue, transformers included), without the builder: its text is written from the
 * entity's columns, worked out once, instead of being built and then rewritten by the builder's passes
 * over the whole text for names and parameters (a third of creating an application's CPU). SQL
 * expressions as values (functions) are not taken.
 */
export function insertRows<T extends ObjectLiteral>(
  db: DataSource,
  target: EntityTarget<T>,
  rows: Partial<T>[],
): RowsInsert {
  if (!rows.length) throw new Error('insertRows: no rows');
  const metadata = db.getMetadata(target);
  const { table, head, columns, plain } = shapeOf(metadata);
  const driver = db.driver;
  const params: unknown[] = [];
  const cells: string[] = [];
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i];
      const property = plain[i];
      const given: unknown = property === null ? column.getEntityValue(row) : row[property];
      if (typeof given === 'function')
        throw new Error(`insertRows: an SQL expression for ${column.propertyPath}`);
      // A value left out stays undefined through preparePersistentValue unless a transformer maps it.
      const value: unknown =
        given === undefined && !column.transformer ? undefined : driver.preparePersistentValue(given, column);
      if (column.isVersion && value === undefined) cells.push('1');
      else if (value === undefined && !column.isDiscriminator) cells.push('DEFAULT');
      else {
        cells.push(PARAM);
        params.push(column.isDiscriminator ? metadata.discriminatorValue : value);
      }
    }
  }
  return { table, head, width: columns.length, cells, params };
}

/**
 * Several INSERTs (insertRows) sent as one statement (data-modifying WITH): one round trip, and atomic as
 * every statement is, so no BEGIN and COMMIT around them. Rows of later inserts may reference earlier ones
 * (foreign keys are checked at the end of the statement), so their keys must be known beforehand (an id
 * made by the caller).
 *
 * With `read`, a SELECT of the rows written ends the statement and its rows are answered: each INSERT is
 * then the WITH item named after its table, returning its rows, so that in `read` the name of a table
 * written stands for the rows this statement wrote to it (a statement does not see its own writes in the
 * tables themselves); the tables not written are read as they are. Its placeholders come first ($1…).
 */
export async function insertTogether<R = never>(
  db: DataSource,
  inserts: RowsInsert[],
  read?: { sql: string; params: unknown[] },
): Promise<R[]> {
  const params: unknown[] = [...(read?.params ?? [])];
  const statements = inserts.map((insert) => {
    const sql = insertSql(insert, params.length);
    params.push(...insert.params);
    return sql;
  });
  let text: string;
  if (read) {
    const tables = inserts.map((i) => i.table);
    if (new Set(tables).size !== tables.length) throw new Error('insertTogether: a table written twice');
    const items = statements.map((s, i) => `"${tables[i]}" AS (${s} RETURNING *)`);
    text = `WITH ${items.join(', ')} ${read.sql}`;
  } else {
    const last = statements.pop()!;
    text = statements.length
      ? `WITH ${statements.map((s, i) => `i${i} AS (${s})`).join(', ')} ${last}`
      : last;
  }
  return plainQuery<R>(db, text, params);
}
