import type { Params } from 'nestjs-pino';
import type { AppConfig } from '@anslag/config';

/** JSON lines in production, readable lines in development; every line carries the request id. */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      // Fastify assigns the id (from X-Request-Id or a new UUID); pino-http reuses req.id.
      transport:
        config.NODE_ENV === 'development'
          ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } }
          : undefined,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      customProps: (req) => ({ requestId: (req as { id?: unknown }).id }),
      // Probes are not logged. Behind middie, req.url may be relative to the middleware's mount point.
      autoLogging: {
        ignore: (req) => {
          const url = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '';
          return url === '/health' || url.startsWith('/health/');
        },
      },
    },
  };
}
