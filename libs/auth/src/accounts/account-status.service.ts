import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { RedisConnections } from '@anslag/queue';
import type { Role } from '../roles';
import { effectiveRoles } from '../principal';
import { Account } from './account.entity';

/** What a request may act as, read from the account as it is now (not as it was when the token was issued). */
export interface AccountState {
  id: string;
  username: string;
  roles: Role[];
  organisationIds: string[];
}

interface Cached {
  until: number;
  state: AccountState | null;
}

/**
 * The current state of accounts, for the guard on every request: a deactivated, demoted or deleted account
 * loses its rights at once, whatever its token says. Answers are cached for a few seconds per process;
 * whatever changes an account (deactivation, roles, organisations, deletion) calls `invalidate`, which
 * drops the entry here and, through Redis, in every other api instance.
 *
 * When an entry expires, the requests of the account that come while it is read again wait for that one
 * read (at 20 requests in flight, every one of them read the account at once every few seconds, a burst
 * seen at the slow end of the latencies). A read under way when the account is invalidated is neither
 * kept nor joined by later requests: they read afresh.
 */
@Injectable()
export class AccountStatusService implements OnModuleInit, OnApplicationShutdown {
  static readonly TTL_MS = 5_000;
  private readonly cache = new Map<string, Cached>();
  private readonly reading = new Map<string, Promise<AccountState | null>>();
  private subscriber?: Redis;
  private publisher?: Redis;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly redis: RedisConnections,
  ) {}

  private get channel(): string {
    return `${this.redis.prefix}:account-changed`;
  }

  onModuleInit(): void {
    this.publisher = this.redis.create({ maxRetriesPerRequest: 1 });
    this.subscriber = this.redis.create();
    this.subscriber.on('message', (_channel: string, id: string) => this.forget(id));
    // Not awaited: with Redis away the api still starts; entries then expire after TTL_MS.
    this.subscriber.subscribe(this.channel).catch(() => undefined);
  }

  onApplicationShutdown(): void {
    this.cache.clear();
  }

  /** The account's current state, or null when it is deleted or inactive. */
  current(id: string): Promise<AccountState | null> {
    const hit = this.cache.get(id);
    if (hit && hit.until > Date.now()) return Promise.resolve(hit.state);
    const under = this.reading.get(id);
    if (under) return under;
    const read: Promise<AccountState | null> = this.read(id).then(
      (state) => {
        // Kept only while it is still the account's read (an invalidation during it drops it).
        if (this.reading.get(id) === read) {
          this.reading.delete(id);
          if (this.cache.size > 10_000) this.cache.clear(); // bounded: a flood of distinct ids cannot grow it
          this.cache.set(id, { until: Date.now() + AccountStatusService.TTL_MS, state });
        }
        return state;
      },
      (err: unknown) => {
        if (this.reading.get(id) === read) this.reading.delete(id);
        throw err;
      },
    );
    this.reading.set(id, read);
    return read;
  }

  private async read(id: string): Promise<AccountState | null> {
    const row = await this.db
      .getRepository(Account)
      .findOne({ where: { id }, select: ['id', 'username', 'roles', 'groupRoles', 'active'] });
    // Organisations are reached through mandates, checked where they are used (libs/identity).
    return row && row.active
      ? { id: row.id, username: row.username, roles: effectiveRoles(row), organisationIds: [] }
      : null;
  }

  /** Drops what this process holds of the account: its entry and any read under way. */
  private forget(id: string): void {
    this.cache.delete(id);
    this.reading.delete(id);
  }

  /** Call after changing an account: the change takes effect on the next request, in every instance. */
  async invalidate(id: string): Promise<void> {
    this.forget(id);
    await this.publisher?.publish(this.channel, id).catch(() => undefined);
  }
}
