export {
  AppConfig,
  ConfigError,
  listSetting,
  loadConfig,
  queuePrefix,
  appDatabaseUrl,
  isLoopback,
  secretProblem,
} from './app-config';
export { ConfigModule } from './config.module';
