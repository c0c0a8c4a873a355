#!/usr/bin/env node
// The project's entry for `npm run demo|test|migrate|bench`. Plain JavaScript so that it can run
// before dependencies are installed; it installs them, makes sure PostgreSQL and Redis answer, then
// hands over to the compiled TypeScript.
'use strict';
const { spawnSync, spawn } = require('node:child_process');
const { existsSync, readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const command = process.argv[2];
const PATHS = ['-r', join(__dirname, 'paths.js')];
// The V8 heap of the api and the worker is capped (apps/cli/node-flags.json; the same flags in
// docker/compose.yml and the Dockerfile, checked by docker/compose.spec.ts), so that garbage is collected
// early and resident memory stays flat: a 100 000-row PDF report stays near 230 MiB in the api instead of
// growing past 400, and a worker rendering letters stays under 300 MiB (bench/letters-queue.bench.ts).
const NODE_FLAGS = require('./node-flags.json');

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env, ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function must(cmd, args, opts) {
  const status = run(cmd, args, opts);
  if (status !== 0) {
    console.error(`\n"${cmd} ${args.join(' ')}" failed (exit ${status}).`);
    process.exit(status);
  }
}

function ensureDependencies() {
  const lock = join(root, 'package-lock.json');
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  // `npm ci`: exactly the lock file, which holds every platform's optional packages, and never a
  // rewrite of it (a fresh clone stays clean).
  console.log('Installing dependencies (npm ci)…');
  must('npm', ['ci', '--no-audit', '--no-fund']);
}

function build() {
  must(process.execPath, [
    join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
    '-p',
    'tsconfig.build.json',
  ]);
}

/** The browser application (apps/web) into dist/web, which the api serves at `/`. */
function buildWeb() {
  must(process.execPath, [
    join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--config',
    'apps/web/vite.config.mts',
    '--logLevel',
    'warn',
  ]);
}

async function main() {
  if (command === 'openapi') {
    // Needs neither database nor Redis: the document is read from the routes' metadata.
    ensureDependencies();
    build();
    must(process.execPath, [...PATHS, 'dist/apps/cli/src/write-openapi.js']);
    return;
  }
  ensureDependencies();
  const { ensureServices } = require('./services');
  await ensureServices(root);
  switch (command) {
    case 'migrate':
      build();
      must(process.execPath, [...PATHS, 'dist/apps/cli/src/migrate.js']);
      break;
    case 'demo':
      build();
      buildWeb();
      must(process.execPath, [...PATHS, 'dist/apps/cli/src/migrate.js']);
      must(process.execPath, [...PATHS, 'dist/apps/cli/src/load-demo.js']);
      await runDemo();
      break;
    case 'test': {
      const { runTests } = require('./test-runner');
      process.exit(await runTests(root, process.argv.slice(3)));
      break;
    }
    case 'migration:generate':
      build();
      must(process.execPath, [
        ...PATHS,
        'node_modules/typeorm/cli.js',
        'migration:generate',
        '-p',
        '-d',
        'dist/libs/database/src/data-source.js',
        `migrations/${process.argv[3] || 'Change'}`,
      ]);
      break;
    case 'bench':
      build();
      buildWeb();
      must(process.execPath, [...PATHS, 'dist/apps/cli/src/migrate.js']);
      must(process.execPath, [...PATHS, 'dist/bench/run-all.js', ...process.argv.slice(3)]);
      break;
    case 'load':
      // The mixed daily work through nginx and 2 + 2 processes; bounded, loopback only (bench/load.ts).
      build();
      must(process.execPath, [...PATHS, 'dist/bench/load.js']);
      break;
    case 'cluster':
      // N api and M worker processes behind nginx on the database in DATABASE_URL (already migrated).
      build();
      must(process.execPath, [join(__dirname, 'cluster.js'), ...process.argv.slice(3)]);
      break;
    default:
      console.error('usage: node apps/cli/run.js migrate|demo|test|bench|load|cluster|openapi');
      process.exit(2);
  }
}

/**
 * The demo's two local OpenID providers (apps/idp): e-legitimation for applicants on PORT+10, the region's
 * staff provider on PORT+11, unless the environment points the api at other providers. Sets the api's
 * settings for them and answers the processes to start.
 */
function demoProviders(port) {
  const env = process.env;
  const publicUrl = env.PUBLIC_URL || `http://localhost:${port}`;
  env.PUBLIC_URL = publicUrl;
  const persons = JSON.parse(readFileSync(join(root, 'libs', 'demo', 'data', 'test-persons.json'), 'utf8'));
  const out = [];
  const kinds = [
    ['e-legitimation', 'APPLICANT', Number(port) + 10],
    ['personal', 'STAFF', Number(port) + 11],
  ];
  for (const [kind, prefix, idpPort] of kinds) {
    if (env[`${prefix}_OIDC_ISSUER`]) continue;
    env[`${prefix}_OIDC_ISSUER`] = `http://127.0.0.1:${idpPort}`;
    env[`${prefix}_OIDC_CLIENT_ID`] = 'anslag-demo';
    env[`${prefix}_OIDC_CLIENT_SECRET`] = 'demo-hemlighet';
    out.push({
      name: `idp-${kind}`,
      args: [join('apps', 'idp', 'server.mjs')],
      env: {
        IDP_KIND: kind,
        IDP_PORT: String(idpPort),
        IDP_CLIENT_ID: 'anslag-demo',
        IDP_CLIENT_SECRET: 'demo-hemlighet',
        IDP_REDIRECT_URIS: `${publicUrl}/api/auth/oidc/${kind}/callback`,
      },
    });
  }
  if (!env.STAFF_OIDC_GROUP_ROLES) env.STAFF_OIDC_GROUP_ROLES = persons.staffGroupRoles;
  return { processes: out, persons, publicUrl };
}

function printSignIn(publicUrl, persons, password) {
  const lines = [
    '',
    `Logga in i webbläsaren på ${publicUrl}/logga-in och välj hur:`,
    '',
    '  "Logga in med e-legitimation" (sökande); välj personen på testsidan:',
    ...persons.applicants.map(
      (p) => `      ${`${p.givenName} ${p.familyName}`.padEnd(18)} ${p.personnummer}  ${p.note}`,
    ),
    '',
    '  "Logga in som anställd" (regionens inloggning för personal); välj personen på testsidan:',
    ...persons.staff.map((p) => `      ${p.name.padEnd(20)} grupper: ${p.groups.join(', ')}`),
    '',
    '  "Logga in med lösenord" (demokonton och nödkonton): sokande, handlaggare, beslutsfattare,',
    `      namndsekreterare eller admin, lösenord ${password}. Med lösenord kan man inte skicka in ansökningar.`,
    `  API-klienter: POST ${publicUrl}/api/auth/login ger en bärartoken för samma konton.`,
    '',
  ];
  console.log(lines.join('\n'));
}

/**
 * Runs the local OpenID providers, the api and the worker and keeps them running: a process that dies
 * (out of memory, a crash) is started again after a short pause that grows while it keeps dying, and the
 * runner says so. Ctrl-C stops them all and ends the demo.
 */
function runDemo() {
  const port = process.env.PORT || '3000';
  const { processes: idps, persons, publicUrl } = demoProviders(port);
  const specs = new Map([
    ...idps.map((p) => [p.name, { args: p.args, env: { ...process.env, ...p.env } }]),
    ['api', { args: [...NODE_FLAGS.api, ...PATHS, 'dist/apps/api/src/main.js'], env: process.env }],
    ['worker', { args: [...NODE_FLAGS.worker, ...PATHS, 'dist/apps/worker/src/main.js'], env: process.env }],
  ]);
  let stopping = false;
  const running = new Map();
  const start = (name, delay = 1000) => {
    const startedAt = Date.now();
    const { args, env } = specs.get(name);
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env });
    running.set(name, child);
    child.on('exit', (code, signal) => {
      running.delete(name);
      if (stopping) return;
      // A process that ran for a minute starts over with a short pause; one that dies at once waits longer.
      const next = Date.now() - startedAt > 60_000 ? 1000 : Math.min(delay * 2, 30_000);
      console.error(
        `\n${name} stoppade (${signal ?? `kod ${code}`}); startar om om ${Math.round(next / 1000)} s.\n`,
      );
      setTimeout(() => !stopping && start(name, next), next);
    });
  };
  for (const name of specs.keys()) start(name);
  printSignIn(publicUrl, persons, process.env.DEMO_PASSWORD || 'demo');
  console.log(
    `anslag körs på ${publicUrl} (API-dokumentation: ${publicUrl}/api/docs). Avsluta med Ctrl-C.\n`,
  );
  return new Promise((resolve) => {
    const stop = () => {
      stopping = true;
      if (running.size === 0) resolve();
      for (const child of running.values()) {
        child.on('exit', () => running.size === 0 && resolve());
        child.kill('SIGTERM');
      }
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

main().catch((err) => {
  console.error(err && err.message ? err.message : err);
  process.exit(1);
});
