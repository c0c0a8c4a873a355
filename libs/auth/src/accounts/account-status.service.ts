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
 */
@Injectable()
export class AccountStatusService implements OnModuleInit, OnApplicationShutdown {
  static readonly TTL_MS = 5_000;
  private readonly cache = new Map<string, Cached>();
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
    this.subscriber.on('message', (_channel: string, id: string) => this.cache.delete(id));
    // Not awaited: with Redis away the api still starts; entries then expire after TTL_MS.
    this.subscriber.subscribe(this.channel).catch(() => undefined);
  }

  onApplicationShutdown(): void {
    this.cache.clear();
  }

  /** The account's current state, or null when it is deleted or inactive. */
  async current(id: string): Promise<AccountState | null> {
    const hit = this.cache.get(id);
    if (hit && hit.until > Date.now()) return hit.state;
    const row = await this.db
      .getRepository(Account)
      .findOne({ where: { id }, select: ['id', 'username', 'roles', 'groupRoles', 'active'] });
    // Organisations are reached through mandates, checked where they are used (libs/identity).
    const state =
      row && row.active
        ? { id: row.id, username: row.username, roles: effectiveRoles(row), organisationIds: [] }
        : null;
    if (this.cache.size > 10_000) this.cache.clear(); // bounded: a flood of distinct ids cannot grow it
    this.cache.set(id, { until: Date.now() + AccountStatusService.TTL_MS, state });
    return state;
  }

  /** Call after changing an account: the change takes effect on the next request, in every instance. */
  async invalidate(id: string): Promise<void> {
    this.cache.delete(id);
    await this.publisher?.publish(this.channel, id).catch(() => undefined);
  }
}
