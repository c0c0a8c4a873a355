export { dataSourceOptions } from './data-source-options';
export { kronorTransformer } from './transformers';
export { DatabaseModule } from './database.module';
export { QueryLogger } from './query-logger';
export { retryTransaction } from './retry';
export { CounterCache, ReferenceCache, SignedDecisionCache } from './reference-cache';
export { insertRows, insertSql, insertTogether, plainQuery, type RowsInsert } from './plain-query';
export { readSideBySide } from './side-by-side';
