export { AppConfig, ConfigError, loadConfig, queuePrefix } from './app-config';
export { ConfigModule } from './config.module';
