import type { EntityManager } from 'typeorm';

type Results<T extends readonly (() => unknown)[]> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

/**
 * Independent reads for one answer. Through the data source's own manager each read takes a pooled
 * connection of its own, so they are sent side by side; a manager bound to a query runner (a
 * transaction's) has one connection, and pg refuses a query sent while another runs on it, so there they
 * run one after another. The choice is made from `em` alone: the reads must use `em`, or the pool when
 * `em` is the data source's.
 */
export async function readSideBySide<const T extends readonly (() => Promise<unknown>)[]>(
  em: EntityManager,
  reads: T,
): Promise<Results<T>> {
  if (!em.queryRunner) return (await Promise.all(reads.map((read) => read()))) as Results<T>;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as Results<T>;
}
