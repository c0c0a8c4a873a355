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
      // Query strings carry what people searched for (an organisation's name or number): never logged.
      serializers: {
        req: (req: { url?: string; query?: unknown }) => {
          const { query: _query, ...rest } = req;
          return { ...rest, url: redactQuery(req.url) };
        },
      },
      customProps: (req) => ({ requestId: (req as { id?: unknown }).id }),
      autoLogging: { ignore: (req) => req.url === '/health' },
    },
  };
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
