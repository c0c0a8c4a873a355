import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { plainQuery } from './plain-query';

const VERSION_SQL = `SELECT version::text AS v FROM reference_version WHERE id = 1`;

interface Entry {
  version: string;
  value: Promise<unknown>;
}

/**
 * Reference data that rarely changes (catalogues, the adopted rule sets, RUS catalogues, exchange rates),
 * kept in memory per process. Each use reads one counter (`reference_version`, raised by triggers in the
 * same transaction as any change to those tables, through the api or not) and reloads when it moved: a
 * change committed through one api instance is seen by every other from its next request on, with no
 * message that could be lost or arrive late. The counter is one row read by its primary key, in place of
 * the tables' rows and their hydration.
 *
 * Inside a transaction the counter is read through it; a value loaded there is used but not kept, so a
 * transaction's own uncommitted (and maybe rolled back) changes never reach other requests.
 *
 * Outside a transaction, uses asked for in the same turn (a request that needs the catalogues and the
 * rules at once) share one read of the counter. The read is sent after all of them asked, so it sees every
 * change committed before any of them; a use that comes once it is sent reads again.
 */
@Injectable()
export class ReferenceCache {
  private readonly entries = new Map<string, Entry>();
  private unsent?: Promise<string>;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
        const [row] = await plainQuery<{ v: string }>(this.db, VERSION_SQL);
        return row?.v ?? '0';
      });
    return this.unsent;
  }

  private async version(em: EntityManager): Promise<string> {
    const [row] = (await em.query(VERSION_SQL)) as {
      v: string;
    }[];
    return row?.v ?? '0';
  }
}
