import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import IORedis, { Redis, RedisOptions } from 'ioredis';
import { AppConfig, queuePrefix } from '@anslag/config';

/**
 * Redis connections. BullMQ needs `maxRetriesPerRequest: null` on connections that block; the
 * health probe uses its own connection that fails fast instead of queueing commands while Redis is away.
 */
export function redisConnection(url: string, opts: RedisOptions = {}): Redis {
  return new IORedis(url, { maxRetriesPerRequest: null, lazyConnect: false, ...opts });
}

@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly open: Redis[] = [];
  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  /** The BullMQ key prefix of this installation (see queuePrefix). */
  get prefix(): string {
    return queuePrefix(this.config);
  }

  create(opts: RedisOptions = {}): Redis {
    const conn = redisConnection(this.config.REDIS_URL, opts);
    conn.on('error', () => undefined); // reconnects by itself; /health reports the state
    this.open.push(conn);
    return conn;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.open.map((c) => c.quit().catch(() => c.disconnect())));
  }
}

@Global()
@Module({ providers: [RedisConnections], exports: [RedisConnections] })
export class RedisModule {}
