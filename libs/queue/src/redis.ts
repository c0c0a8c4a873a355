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

  /**
   * Closes every connection and waits until its socket is closed. quit() resolves on Redis's answer, before
   * the socket closes, and a connection met while reconnecting leaves a 2 s timer of ioredis that destroys
   * its socket: without the wait both outlived a closed application (a test worker that could not exit).
   */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.open.map((c) => closeConnection(c)));
  }
}

/** ioredis destroys a socket that has not closed this long after it was ended. */
const DISCONNECT_TIMEOUT_MS = 2_000;

async function closeConnection(c: Redis): Promise<void> {
  if (c.status === 'end') return;
  // Waiting between attempts there is no socket: disconnect() ends it without an 'end' event.
  const waitForEnd = c.status !== 'reconnecting';
  const ended = new Promise<void>((resolve) => c.once('end', () => resolve()));
  const quit = c.quit().then(
    () => undefined,
    () => c.disconnect(),
  );
  // A bound, should ioredis not say so (a QUIT queued behind commands while Redis is away): the shutdown
  // never hangs on one connection.
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), DISCONNECT_TIMEOUT_MS + 500).unref();
  });
  const outcome = await Promise.race([waitForEnd ? Promise.all([quit, ended]) : quit, bound]);
  clearTimeout(timer);
  if (outcome === 'timeout') c.disconnect();
}

@Global()
@Module({ providers: [RedisConnections], exports: [RedisConnections] })
export class RedisModule {}
