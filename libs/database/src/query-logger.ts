import { Logger as NestLogger } from '@nestjs/common';
import type { Logger, QueryRunner } from 'typeorm';

/**
 * TypeORM's logging without the query parameters: a failed query is logged with its SQL text and the
 * error's message only. Parameters carry personal data (an organisation number that is a sole trader's
 * personnummer) and file bytes; the driver's detail line quotes key values, so it is left out too.
 */
export class QueryLogger implements Logger {
  private readonly logger = new NestLogger('Database');

  constructor(private readonly enabled: boolean) {}

  logQuery(): void {}

  logQueryError(error: string | Error, query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    if (!this.enabled) return;
    const message = typeof error === 'string' ? error : error.message;
    const code = typeof error === 'string' ? undefined : (error as { code?: string }).code;
    this.logger.error({ code, query: query.replace(/\s+/g, ' ').slice(0, 2000) }, `query failed: ${message}`);
  }

  logQuerySlow(time: number, query: string): void {
    if (this.enabled)
      this.logger.warn({ time, query: query.replace(/\s+/g, ' ').slice(0, 2000) }, 'slow query');
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    if (this.enabled) this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (this.enabled && level === 'warn') this.logger.warn(String(message));
  }
}
