import { Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DomainError } from '@anslag/common';
import { AppConfig } from '@anslag/config';
import { RedisConnections } from '@anslag/queue';

/**
 * Limits failed password logins per account and per client address. The counters live in Redis, so every
 * api instance shares them; while Redis is away each instance counts in memory instead (never unlimited).
 * A locked account or address is refused before its password is even checked, with 429 and Retry-After.
 */
@Injectable()
export class LoginThrottle {
  private readonly perAccount: RateLimiterAbstract;
  private readonly perAddress: RateLimiterAbstract;

  constructor(config: AppConfig, redis: RedisConnections) {
    const client = redis.create({ maxRetriesPerRequest: 1, enableOfflineQueue: false });
    const limiter = (name: string, points: number) => {
      const opts = {
        points,
        duration: config.LOGIN_WINDOW_SECONDS,
        blockDuration: config.LOGIN_WINDOW_SECONDS,
      };
      return new RateLimiterRedis({
        ...opts,
        storeClient: client,
        keyPrefix: `${redis.prefix}:login:${name}`,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(opts),
      });
    };
    this.perAccount = limiter('account', config.LOGIN_FAILURES_PER_ACCOUNT);
    this.perAddress = limiter('address', config.LOGIN_FAILURES_PER_ADDRESS);
  }

  private static accountKey(username: string): string {
    return username.trim().toLowerCase();
  }

  /** Refuses (429) when the account or the address has used up its failed attempts. */
  async assertAllowed(username: string, address: string): Promise<void> {
    const checks: [RateLimiterAbstract, string][] = [
      [this.perAccount, LoginThrottle.accountKey(username)],
      [this.perAddress, address],
    ];
    for (const [limiter, key] of checks) {
      const res = await limiter.get(key);
      if (res && res.consumedPoints >= limiter.points)
        throw DomainError.tooManyRequests(
          'För många misslyckade inloggningsförsök; försök igen senare',
          res.msBeforeNext / 1000,
        );
    }
  }

  async failed(username: string, address: string): Promise<void> {
    await Promise.all([
      this.perAccount.consume(LoginThrottle.accountKey(username)).catch(() => undefined),
      this.perAddress.consume(address).catch(() => undefined),
    ]);
  }

  /** A successful login clears the account's count (the address keeps its own). */
  async succeeded(username: string): Promise<void> {
    await this.perAccount.delete(LoginThrottle.accountKey(username)).catch(() => undefined);
  }
}
