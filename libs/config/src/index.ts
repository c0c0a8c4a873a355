export { AppConfig, ConfigError, listSetting, loadConfig, queuePrefix } from './app-config';
export { ConfigModule } from './config.module';
