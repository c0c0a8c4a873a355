import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/**
 * The whole environment the system reads. Nothing else in the code base touches process.env:
 * every setting is declared, defaulted and validated here, once, at start-up.
 */
export class AppConfig {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/anslag';

  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Signs access tokens. Required in production; development and tests get a throwaway default. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(60)
  JWT_TTL_SECONDS = 900;

  /** Where stored files (attachments, letters) live when not kept in the database. */
  @IsString()
  FILES_DIR = './var/files';

  /**
   * Key prefix of the job queues in Redis. Unset, it is derived from the database (see queuePrefix), so
   * two installations that share one Redis never take each other's jobs.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9:_.-]{1,100}$/, { message: 'must be 1–100 letters, digits or : _ . -' })
  QUEUE_PREFIX?: string;

  /**
   * Seconds a decision letter may stay queued or rendering before the worker's sweeper puts it back on
   * the queue (a letter is rendered in well under a second; ten minutes leaves room for Redis outages).
   */
  @Transform(({ value }) => toInt(value))
  @IsInt()
  @Min(5)
  LETTER_STUCK_AFTER_SECONDS = 600;

  /** Password of the demo accounts; read only by the demo loader. */
  @IsString()
  @MinLength(1)
  DEMO_PASSWORD = 'demo';
}

export class ConfigError extends Error {}

function toInt(value: unknown): unknown {
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defined = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => v !== undefined && v !== '' && k in new AppConfig()),
  );
  // JWT_SECRET is optional and has no default value, so `in` misses it.
  if (env.JWT_SECRET) defined.JWT_SECRET = env.JWT_SECRET;
  if (env.QUEUE_PREFIX) defined.QUEUE_PREFIX = env.QUEUE_PREFIX;
  const config = plainToInstance(AppConfig, { ...new AppConfig(), ...defined });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) => `  ${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join(', ')}`,
    );
    throw new ConfigError(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  if (!config.JWT_SECRET) {
    if (config.NODE_ENV === 'production') {
      throw new ConfigError(
        'Invalid configuration in the environment:\n  JWT_SECRET: must be set in production',
      );
    }
    config.JWT_SECRET = 'development-only-secret-not-for-production-use';
  }
  return config;
}

/**
 * The queue key prefix in force: QUEUE_PREFIX when set, else one derived from the database's host, port
 * and name, so that installations on different databases are apart on one Redis without configuration.
 */
export function queuePrefix(config: Pick<AppConfig, 'QUEUE_PREFIX' | 'DATABASE_URL'>): string {
  if (config.QUEUE_PREFIX) return config.QUEUE_PREFIX;
  const url = new URL(config.DATABASE_URL);
  const db = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres';
  return `anslag:${url.hostname}:${url.port || '5432'}:${db}`.replace(/[^A-Za-z0-9:_.-]/g, '_');
}
