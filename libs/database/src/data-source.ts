// The DataSource file the TypeORM CLI reads (migration:generate, migration:run) from the compiled dist/.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '@anslag/config';
import { dataSourceOptions } from './data-source-options';

export default new DataSource(dataSourceOptions(loadConfig().DATABASE_URL));
