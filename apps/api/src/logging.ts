import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import pino, { type Level, type Logger as Pino } from 'pino';
import type { AppConfig } from '@anslag/config';

/**
 * JSON lines in production, readable lines in development. One pino logger for the process: no
 * Express-style middleware and no child logger per request (together a fifth of the api's CPU time per
 * request). Every line about a request carries its request id as a field.
 */
export function createRootLogger(config: AppConfig): Pino {
  return pino({
    level: config.LOG_LEVEL,
    transport:
      config.NODE_ENV === 'development'
        ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } }
        : undefined,
  });
}

/** One line per answered request at level info (probes left out), from a Fastify hook. */
export function logRequests(fastify: FastifyInstance, log: Pino): void {
  if (!log.isLevelEnabled('info')) return;
  fastify.addHook('onResponse', async (request, reply) => {
    if (request.url === '/health' || request.url.startsWith('/health/')) return;
    log.info(
      {
        requestId: request.id,
        // Query strings carry what people searched for (an organisation's name or number): names only.
        req: { method: request.method, url: redactQuery(request.url) },
        res: { statusCode: reply.statusCode },
        responseTime: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
  });
}

/** Nest's logger interface on the pino logger: `(message | fields, [message], [context])`. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Pino) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    if (!this.root.isLevelEnabled(level)) return;
    const args = [...rest];
    const context = args.length > 1 && typeof args[args.length - 1] === 'string' ? args.pop() : undefined;
    if (message instanceof Error) {
      this.root[level]({ err: message, context }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      const text = typeof args[0] === 'string' ? args[0] : undefined;
      this.root[level]({ ...message, context }, text);
    } else {
      const stack = level === 'error' && typeof args[0] === 'string' ? args[0] : undefined;
      this.root[level](
        { context: context ?? (args.length === 1 ? args[0] : undefined), stack },
        String(message),
      );
    }
  }
}

/** `/api/cases?organisation=x&page=2` → `/api/cases?organisation=…&page=…`: the names stay, values go. */
export function redactQuery(url: string | undefined): string | undefined {
  if (!url) return url;
  const i = url.indexOf('?');
  if (i < 0) return url;
  const names = url
    .slice(i + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0]}=…`);
  return `${url.slice(0, i)}?${names.join('&')}`;
}
