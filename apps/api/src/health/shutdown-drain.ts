import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@anslag/config';

/**
 * The first step of a graceful stop (SIGTERM). For SHUTDOWN_DRAIN_MS the api keeps answering, but
 * /health/ready says 503 and every answer carries `Connection: close`, so the load balancer stops
 * sending and each kept-alive connection closes cleanly after its answer. Then Nest closes the HTTP
 * server: it stops listening (the balancer's next try is refused and goes to another instance, safe
 * even for a POST) and waits for the requests still in flight; PostgreSQL and Redis close last.
 */
@Injectable()
export class ShutdownDrain implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ShutdownDrain.name);
  draining = false;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.draining = true;
    const ms = this.config.SHUTDOWN_DRAIN_MS;
    if (signal) this.logger.log(`${signal}: draining for ${ms} ms, then closing`);
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
  }
}
