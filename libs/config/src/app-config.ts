import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
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

const OPTIONAL_URL = /^(https?:\/\/\S+)?$/;
// Sweden Connect's levels of assurance (Tillitsramverket för Svensk e-legitimation).
const LOA3 = 'http://id.elegnamnden.se/loa/1.0/loa3';
const LOA4 = 'http://id.elegnamnden.se/loa/1.0/loa4';

/**
 * The whole environment the system reads. Nothing else in the code base touches process.env:
 * every setting is declared, defaulted and validated here, once, at start-up.
 */
export class AppConfig {
  /** The database and its owner: migrations and the demo loader connect with it. */
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/anslag';

  /**
   * What the api and the worker connect as: a role that owns nothing (see the ApplicationRole
   * migration). Unset, it is DATABASE_URL's server and database with the user `anslag_app` and no
   * password, as in the demo and the tests.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_APP_URL?: string;

  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Address the api listens on. Anything but loopback requires a JWT_SECRET of its own. */
  @IsString()
  @MinLength(1)
  HOST = '127.0.0.1';

  /**
   * Proxies whose X-Forwarded-For is believed (Fastify's trustProxy: addresses or CIDRs, comma separated),
   * so that login attempts are counted per client address behind a load balancer. Unset: none.
   */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

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

  /** Failed logins allowed per account within LOGIN_WINDOW_SECONDS; then it is locked for the window. */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  LOGIN_FAILURES_PER_ACCOUNT = 10;

  /** Failed logins allowed per client address within LOGIN_WINDOW_SECONDS (many accounts, one source). */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  LOGIN_FAILURES_PER_ADDRESS = 50;

  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(1)
  LOGIN_WINDOW_SECONDS = 900;

  /**
   * On SIGTERM the api keeps answering this long (ms) with `Connection: close` and a failing readiness
   * before it stops listening, so the load balancer moves on without a failed request. Tests: 0.
   */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(0)
  @Max(120_000)
  SHUTDOWN_DRAIN_MS = 2_000;

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

  /** The api's own address as browsers reach it; the OpenID Connect redirect URIs are built from it. */
  @Matches(/^https?:\/\/[^/]+$/, { message: 'must be an http(s) origin without a path' })
  PUBLIC_URL = 'http://localhost:3000';

  /** Applicants' OpenID provider (e-legitimation broker). Empty: applicant sign-in is not offered. */
  @Matches(OPTIONAL_URL, { message: 'must be an http(s) URL' })
  APPLICANT_OIDC_ISSUER = '';
  @IsString() APPLICANT_OIDC_CLIENT_ID = 'anslag';
  @IsString() APPLICANT_OIDC_CLIENT_SECRET = '';
  /** Space-separated scopes; Sweden Connect's profile gives the personnummer with naturalPersonNumber. */
  @IsString() APPLICANT_OIDC_SCOPES = 'openid profile https://id.oidc.se/scope/naturalPersonNumber';
  /** Asked for as acr_values (space-separated); loa3 by default. */
  @IsString() APPLICANT_OIDC_ACR_VALUES = LOA3;
  /** acr values accepted at sign-in (space-separated); anything else is refused. */
  @IsString() APPLICANT_OIDC_ACCEPTED_ACR = `${LOA3} ${LOA4}`;
  /** The claim that carries the personnummer; brokers name it differently. */
  @IsString() @MinLength(1) APPLICANT_OIDC_PNR_CLAIM = 'https://id.oidc.se/claim/personalIdentityNumber';
  /** acr values a signed-in person needs to act for an organisation (submit, request payment, sign). */
  @IsString() ACT_REQUIRED_ACR = `${LOA3} ${LOA4}`;

  /** The region's own OpenID provider for staff. Empty: staff sign in only with break-glass accounts. */
  @Matches(OPTIONAL_URL, { message: 'must be an http(s) URL' })
  STAFF_OIDC_ISSUER = '';
  @IsString() STAFF_OIDC_CLIENT_ID = 'anslag';
  @IsString() STAFF_OIDC_CLIENT_SECRET = '';
  @IsString() STAFF_OIDC_SCOPES = 'openid profile email';
  /** The claim that lists the person's groups. */
  @IsString() @MinLength(1) STAFF_OIDC_GROUPS_CLAIM = 'groups';
  /** The claim that names the person (matched to an account an admin created before the first sign-in). */
  @IsString() @MinLength(1) STAFF_OIDC_USERNAME_CLAIM = 'preferred_username';
  /** Which group gives which role: `group=role,group=role` (a group may appear more than once). */
  @Matches(
    /^([^=,]+=(handlaggare|beslutsfattare|namndsekreterare|admin)(,[^=,]+=(handlaggare|beslutsfattare|namndsekreterare|admin))*)?$/,
    {
      message:
        'must be group=role pairs separated by commas (roles: handlaggare, beslutsfattare, namndsekreterare, admin)',
    },
  )
  STAFF_OIDC_GROUP_ROLES = '';

  /** A browser session ends after this long without a request (it refreshes on use). */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(60)
  SESSION_IDLE_SECONDS = 900;

  /** …and at the latest this long after sign-in. */
  @Transform(({ value }) => toInt(value))
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(300)
  SESSION_MAX_SECONDS = 28_800;
  /**
   * A file the worker touches every few seconds while it runs, for a container health check
   * (docker/compose.yml). Unset: none.
   */
  @IsOptional()
  @IsString()
  WORKER_HEARTBEAT_FILE?: string;

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

/** Space-separated settings as a list. */
export function listSetting(value: string): string[] {
  return value.split(/\s+/).filter(Boolean);
}

function toInt(value: unknown): unknown {
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defined = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => v !== undefined && v !== '' && k in new AppConfig()),
  );
  // Optional settings have no default value, so `in` misses them.
  for (const key of [
    'JWT_SECRET',
    'QUEUE_PREFIX',
    'DATABASE_APP_URL',
    'TRUST_PROXY',
    'WORKER_HEARTBEAT_FILE',
  ])
    if (env[key]) defined[key] = env[key];
  const config = plainToInstance(AppConfig, { ...new AppConfig(), ...defined });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) => `  ${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join(', ')}`,
    );
    throw new ConfigError(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  if (config.NODE_ENV === 'test' && !env.SHUTDOWN_DRAIN_MS) config.SHUTDOWN_DRAIN_MS = 0;
  if (!config.JWT_SECRET) {
    // Without a secret of its own, only a process that nobody else can reach may run: it signs with a
    // random secret of its own, so no token from elsewhere (or from the public source) is valid here.
    if (config.NODE_ENV === 'production' || !isLoopback(config.HOST)) {
      throw new ConfigError(
        'Invalid configuration in the environment:\n  JWT_SECRET: must be set in production and whenever HOST is not a loopback address',
      );
    }
    config.JWT_SECRET = randomBytes(48).toString('base64');
  } else {
    const problem = secretProblem(config.JWT_SECRET);
    if (problem) throw new ConfigError(`Invalid configuration in the environment:\n  JWT_SECRET: ${problem}`);
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

/** Secrets that have been published (earlier development defaults): refused wherever they appear. */
const KNOWN_SECRETS = ['development-only-secret-not-for-production-use'];

/**
 * Why a signing secret is too weak, or null. The estimate is the secret's own character statistics
 * (Shannon entropy × length): a repeated character or a word scores low; 48 random bytes in base64
 * (`openssl rand -base64 48`) score far above the 128 bits required.
 */
export function secretProblem(secret: string): string | null {
  if (KNOWN_SECRETS.includes(secret)) return 'is the published development secret; generate one of your own';
  const counts = new Map<string, number>();
  for (const ch of secret) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let perChar = 0;
  for (const n of counts.values()) perChar -= (n / secret.length) * Math.log2(n / secret.length);
  if (counts.size < 12 || perChar * secret.length < 128)
    return 'has too little entropy; use e.g. `openssl rand -base64 48`';
  return null;
}

export function isLoopback(host: string): boolean {
  return /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i.test(host);
}

/** The connection the api and the worker use (see AppConfig.DATABASE_APP_URL). */
export function appDatabaseUrl(config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_APP_URL'>): string {
  if (config.DATABASE_APP_URL) return config.DATABASE_APP_URL;
  const url = new URL(config.DATABASE_URL);
  url.username = 'anslag_app';
  url.password = '';
  return url.toString();
}
