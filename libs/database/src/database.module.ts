import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, appDatabaseUrl } from '@anslag/config';
import { dataSourceOptions } from './data-source-options';
import { QueryLogger } from './query-logger';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(appDatabaseUrl(config), {
          extra: {
            max: 20,
            application_name: 'anslag',
            // No request waits on a row lock or runs a statement without end: a lock not granted within
            // 5 s, or a statement past 2 min, fails (503 in the error shape) and frees its connection.
            lock_timeout: 5_000,
            statement_timeout: 120_000,
          },
          // The app's role may not create extensions; migrations did.
          installExtensions: false,
        }),
        // Tests provoke database refusals on purpose (immutability triggers); they are asserted, not logged.
        logging: config.NODE_ENV === 'test' ? false : ['error', 'warn'],
        logger: new QueryLogger(config.NODE_ENV !== 'test'),
        // A failed connection at start-up is reported by /health, not retried forever.
        retryAttempts: 2,
        retryDelay: 500,
      }),
    }),
  ],
})
export class DatabaseModule {}
