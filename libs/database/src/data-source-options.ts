import { join } from 'node:path';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import type { DataSourceOptions } from 'typeorm';

/**
 * The one description of the database: used by the api, the worker, the migration CLI and the tests.
 * Entities and migrations are found by file name, so a feature library adds an `*.entity.ts` and
 * nothing here changes. `synchronize` is off for good: the schema comes only from migrations/.
 */
export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  const root = join(__dirname, '..', '..', '..'); // the repository root (or dist/ when compiled)
  return {
    type: 'postgres',
    url,
    entities: [join(root, 'libs', '*', 'src', '**', '*.entity.{ts,js}')],
    migrations: [join(root, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto', // gen_random_uuid(), built into PostgreSQL 13+
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    extra: { max: 20, application_name: 'anslag' },
    ...extra,
  } as DataSourceOptions;
}
