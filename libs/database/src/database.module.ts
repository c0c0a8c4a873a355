import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, appDatabaseUrl } from '@anslag/config';
import { dataSourceOptions } from './data-source-options';
import { QueryLogger } from './query-logger';
import { ReferenceCache, SignedDecisionCache } from './reference-cache';

/**
 * The database connection of the api and the worker, as the role that owns nothing (appDatabaseUrl).
 * `forApi()` adds the request-time bounds: no request waits on a row lock longer than 5 s or runs a
 * statement longer than 2 min (503 in the error shape, the connection freed), so a queue of signers for
 * one firm cannot hold the whole pool. The worker's jobs retry on their own and keep no such bound.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forApi(): DynamicModule {
    return DatabaseModule.build({ lock_timeout: 5_000, statement_timeout: 120_000 });
  }

  static forWorker(): DynamicModule {
    return DatabaseModule.build({});
  }

  private static build(timeouts: Record<string, number>): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [ReferenceCache, SignedDecisionCache],
      exports: [ReferenceCache, SignedDecisionCache],
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(appDatabaseUrl(config), {
              extra: { max: 20, application_name: 'anslag', ...timeouts },
              // The app's role may not create extensions; migrations did.
              installExtensions: false,
            }),
            // Tests provoke database refusals on purpose (immutability triggers); asserted, not logged.
            logging: config.NODE_ENV === 'test' ? false : ['error', 'warn'],
            logger: new QueryLogger(config.NODE_ENV !== 'test'),
            // A failed connection at start-up is reported by /health, not retried forever.
            retryAttempts: 2,
            retryDelay: 500,
          }),
        }),
      ],
    };
  }
}
