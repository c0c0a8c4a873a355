import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { plainQuery } from './plain-query';

interface Entry {
  version: string;
  value: Promise<unknown>;
}

/**
 * Values kept in memory per process while a counter row stays where it was. The counter is raised by
 * triggers in the same transaction as any change to what the values are read from (through the api or
 * not), so a change committed through one api instance is seen by every other from its next use on, with
 * no message that could be lost or arrive late. The counter is one row read by its primary key, in place
 * of the tables' rows and their hydration.
 *
 * Inside a transaction the counter is read through it; a value loaded there is used but not kept, so a
 * transaction's own uncommitted (and maybe rolled back) changes never reach other requests. The counter
 * is read before the value is loaded: a value is at least as new as the counter it is kept under.
 *
 * Outside a transaction, uses asked for in the same turn (a request that needs the catalogues and the
 * rules at once) share one read of the counter. The read is sent after all of them asked, so it sees every
 * change committed before any of them; a use that comes once it is sent reads again.
 */
export abstract class CounterCache {
  private readonly entries = new Map<string, Entry>();
  private unsent?: Promise<string>;
  private readonly versionSql: string;

  protected constructor(
    private readonly db: DataSource,
    /** A table of one row (id = 1) with a bigint `version`, raised by triggers (see the migrations). */
    counter: string,
  ) {
    this.versionSql = `SELECT version::text AS v FROM ${counter} WHERE id = 1`;
  }

  async get<T>(key: string, load: (em: EntityManager) => Promise<T>, em?: EntityManager): Promise<T> {
    const inTransaction = !!em?.queryRunner?.isTransactionActive;
    const manager = inTransaction ? em! : this.db.manager;
    const version = await (inTransaction ? this.version(manager) : this.sharedVersion());
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit.value as Promise<T>;
    const value = load(manager);
    if (inTransaction) return value;
    const entry = { version, value };
    this.entries.set(key, entry);
    // A failed load is not kept: the next use tries again.
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  /**
   * The value kept under `key` with the counter's value it was loaded at, or undefined: without reading
   * the counter, so it may be out of date. For a write whose own statement checks that the counter has
   * not moved (ReferenceCache.unchangedSql), which saves the read of the counter.
   */
  kept<T>(key: string): { version: string; value: Promise<T> } | undefined {
    return this.entries.get(key) as { version: string; value: Promise<T> } | undefined;
  }

  private sharedVersion(): Promise<string> {
    if (!this.unsent)
      this.unsent = Promise.resolve().then(async () => {
        this.unsent = undefined;
        const [row] = await plainQuery<{ v: string }>(this.db, this.versionSql);
        return row?.v ?? '0';
      });
    return this.unsent;
  }

  private async version(em: EntityManager): Promise<string> {
    const [row] = (await em.query(this.versionSql)) as {
      v: string;
    }[];
    return row?.v ?? '0';
  }
}

/**
 * Reference data that rarely changes (catalogues, the adopted rule sets, RUS catalogues, exchange rates),
 * under `reference_version` (migration ReferenceVersion).
 */
@Injectable()
export class ReferenceCache extends CounterCache {
  constructor(@InjectDataSource() db: DataSource) {
    super(db, 'reference_version');
  }

  /**
   * SQL true while the counter is at the value of `placeholder` (a kept value's version), and otherwise
   * failing the statement it is in (migration ReferenceVersionCheck): nothing the statement wrote is
   * kept. It must be evaluated: in the condition of a row the statement always reads.
   */
  static unchangedSql(placeholder: string): string {
    return `reference_version_unchanged(${placeholder}::bigint)`;
  }

  /** Whether a statement failed because of unchangedSql (the reference data changed). */
  static changed(err: unknown): boolean {
    const driver = (err as { driverError?: { code?: string; message?: string } } | null)?.driverError;
    return driver?.code === '40001' && driver.message === 'reference data changed';
  }
}

/**
 * What signed decisions add up to (the frames' usage), under `signed_decision_version`, raised when a
 * decision is signed, when a signed one changes (an amendment signed, an annulment) and when a grant is
 * closed (migration SignedDecisionVersion), as the transaction commits (SignedDecisionVersionAtCommit:
 * concurrent signatures do not queue on the counter's row). Drafts do not move it.
 */
@Injectable()
export class SignedDecisionCache extends CounterCache {
  constructor(@InjectDataSource() db: DataSource) {
    super(db, 'signed_decision_version');
  }
}
