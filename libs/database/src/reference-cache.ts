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
