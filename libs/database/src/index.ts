export { dataSourceOptions } from './data-source-options';
export { kronorTransformer } from './transformers';
export { DatabaseModule } from './database.module';
export { QueryLogger } from './query-logger';
export { retryTransaction } from './retry';
export { ReferenceCache } from './reference-cache';
export { readSideBySide } from './side-by-side';
