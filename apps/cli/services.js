'use strict';
// Makes sure PostgreSQL and Redis answer at DATABASE_URL / REDIS_URL. Uses them when they answer;
// otherwise starts local ones (Docker Compose where an engine answers, else the machine's own
// installation) and otherwise stops with a message saying exactly what to install or set.
// Never falls back to an imitation of either.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { existsSync, readdirSync } = require('node:fs');

const DEFAULT_DB = 'postgres://postgres@127.0.0.1:5432/anslag';
const DEFAULT_REDIS = 'redis://127.0.0.1:6379';

async function pgAnswers(url) {
  const { Client } = require('pg');
  const u = new URL(url);
  u.pathname = '/postgres';
  const c = new Client({ connectionString: u.toString(), connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function redisAnswers(url) {
  const Redis = require('ioredis');
  const r = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  r.on('error', () => undefined);
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

function quiet(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'ignore', timeout: 60000 });
  return !r.error && r.status === 0;
}

const isLocal = (url) => ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(new URL(url).hostname);

function startWithDocker(root, service) {
  if (!quiet('docker', ['info'])) return false;
  console.log(`Starting ${service} with docker compose…`);
  return quiet('docker', ['compose', '-f', join(root, 'docker', 'compose.yml'), 'up', '-d', service]);
}

function startLocalPostgres() {
  if (existsSync('/etc/postgresql') && quiet('which', ['pg_ctlcluster'])) {
    for (const version of readdirSync('/etc/postgresql')) {
      console.log(`Starting the local PostgreSQL ${version} cluster…`);
      quiet('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']);
    }
    return true;
  }
  return false;
}

function startLocalRedis(url) {
  if (!quiet('which', ['redis-server'])) return false;
  const port = new URL(url).port || '6379';
  console.log('Starting the local redis-server…');
  return quiet('redis-server', [
    '--daemonize',
    'yes',
    '--bind',
    '127.0.0.1',
    '--port',
    port,
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
}

async function waitFor(check, url, seconds) {
  for (let i = 0; i < seconds * 2; i++) {
    if (await check(url)) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

async function ensureServices(root) {
  const db = process.env.DATABASE_URL || DEFAULT_DB;
  const redis = process.env.REDIS_URL || DEFAULT_REDIS;
  const problems = [];

  if (!(await pgAnswers(db))) {
    const started = isLocal(db) && (startWithDocker(root, 'postgres') || startLocalPostgres());
    if (!started || !(await waitFor(pgAnswers, db, 30))) {
      problems.push(
        `PostgreSQL does not answer at ${new URL(db).host}. Install PostgreSQL 15 or newer (e.g. "apt-get install postgresql") ` +
          'or a Docker engine for docker/compose.yml, or set DATABASE_URL to a server that answers.',
      );
    }
  }
  if (!(await redisAnswers(redis))) {
    const started = isLocal(redis) && (startWithDocker(root, 'redis') || startLocalRedis(redis));
    if (!started || !(await waitFor(redisAnswers, redis, 20))) {
      problems.push(
        `Redis does not answer at ${new URL(redis).host}. Install Redis 7 (e.g. "apt-get install redis-server") ` +
          'or a Docker engine for docker/compose.yml, or set REDIS_URL to a server that answers.',
      );
    }
  }
  if (problems.length) throw new Error(problems.join('\n'));
}

module.exports = { ensureServices, pgAnswers, redisAnswers };
