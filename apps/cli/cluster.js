'use strict';
// The production topology as plain processes on one machine: N api and M worker processes on one
// PostgreSQL and one Redis, behind Debian's nginx as the load balancer (installed with apt where missing).
// Used by the multi-instance test, by `npm run load` and by `node apps/cli/run.js cluster`.
// Expects the compiled code in dist/ (the test runner's type check and `run.js` build it).
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, mkdtempSync, mkdirSync, writeFileSync, rmSync, chmodSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir, userInfo } = require('node:os');
const { join } = require('node:path');
const http = require('node:http');

// A process's start on a shared two-core machine under load can take close to a minute.
const START_MS = 180_000;
const NGINX_CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx'];

/** Debian's nginx; installed with apt-get when it is not there. */
function ensureNginx() {
  const found = NGINX_CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  if (!existsSync('/usr/bin/apt-get')) {
    throw new Error('nginx is not installed and apt-get is not available: install nginx (1.18 or newer).');
  }
  console.log('Installing nginx (apt-get install nginx)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) =>
    spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], { stdio: 'inherit', env });
  let r = apt(['install', '-y', '--no-install-recommends', 'nginx']);
  if (r.status !== 0) {
    apt(['update']);
    r = apt(['install', '-y', '--no-install-recommends', 'nginx']);
  }
  const installed = NGINX_CANDIDATES.find((p) => existsSync(p));
  if (!installed) throw new Error('apt-get install nginx failed; install nginx and run again.');
  return installed;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function get(url, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

async function waitUntil(check, what, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting: ${what}`);
}

function nginxConfig({ dir, port, upstreams }) {
  const asRoot = process.getuid && process.getuid() === 0;
  return `# Written by apps/cli/cluster.js for this run.
${asRoot ? `user ${userInfo().username};` : ''}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 25m;
  upstream anslag_api {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n')}
    keepalive 32;
    # Idle kept-alive connections are closed by nginx after 1 s, before a stopping api's drain
    # (SHUTDOWN_DRAIN_MS, 2 s) ends: the api then never closes a connection nginx may be sending a
    # POST on, which nginx could not retry.
    keepalive_timeout 1s;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://anslag_api;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      # A refused connection or a closing instance's 503 goes to the other instance.
      proxy_next_upstream error timeout http_502 http_503;
      proxy_read_timeout 300s;
      # Which instance answered, for the multi-instance test and for operators.
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

/** One Node process of the system (api or worker), restartable. */
class Instance {
  constructor(root, kind, index, env, logDir) {
    this.root = root;
    this.kind = kind;
    this.index = index;
    this.env = env;
    this.logPath = join(logDir, `${kind}-${index}.log`);
    this.proc = null;
    this.port = env.PORT ? Number(env.PORT) : null;
  }

  get name() {
    return `${this.kind}-${this.index}`;
  }

  start() {
    const { openSync, closeSync } = require('node:fs');
    const out = openSync(this.logPath, 'a');
    const args = [
      ...require('./node-flags.json')[this.kind],
      '-r',
      join(this.root, 'apps', 'cli', 'paths.js'),
      join(this.root, 'dist', 'apps', this.kind, 'src', 'main.js'),
    ];
    this.proc = spawn(process.execPath, args, {
      cwd: this.root,
      env: this.env,
      stdio: ['ignore', out, out],
    });
    // The child has its own copy of the log's descriptor; this process's copy would leak one per start.
    closeSync(out);
    this.exited = new Promise((resolve) =>
      this.proc.once('exit', (code, signal) => resolve({ code, signal })),
    );
    return this.ready();
  }

  async ready() {
    if (this.kind === 'api') {
      await waitUntil(
        async () => {
          if (this.proc.exitCode !== null) throw new Error(`${this.name} exited; see ${this.logPath}`);
          return (await get(`http://127.0.0.1:${this.port}/health/ready`)) === 200;
        },
        `${this.name} ready`,
        START_MS,
      );
    } else {
      const { readFileSync } = require('node:fs');
      await waitUntil(
        async () => {
          if (this.proc.exitCode !== null) throw new Error(`${this.name} exited; see ${this.logPath}`);
          return readFileSync(this.logPath, 'utf8').includes('worker started');
        },
        `${this.name} started`,
        START_MS,
      );
    }
  }

  /** SIGTERM (graceful) or SIGKILL (a crash), then waits for the exit. */
  async stop(signal = 'SIGTERM') {
    if (!this.proc || this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    this.proc.kill(signal);
    await this.exited;
  }

  async restart(signal = 'SIGTERM') {
    await this.stop(signal);
    await this.start();
  }
}

/**
 * Starts `apis` api and `workers` worker processes and nginx in front of the apis, all on free loopback
 * ports. `env` is passed to every process (DATABASE_URL, REDIS_URL, JWT_SECRET, QUEUE_PREFIX, …).
 */
async function startCluster({ root, apis = 2, workers = 2, env = {}, port } = {}) {
  const nginxBin = ensureNginx();
  const dir = mkdtempSync(join(tmpdir(), 'anslag-cluster-'));
  chmodSync(dir, 0o755);
  for (const d of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, d));
  const base = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', ...env };
  const apiInstances = [];
  for (let i = 1; i <= apis; i++) {
    apiInstances.push(new Instance(root, 'api', i, { ...base, PORT: String(await freePort()) }, dir));
  }
  const workerInstances = [];
  // Workers log at info at least: "worker started" tells that one is up.
  const workerEnv = {
    ...base,
    LOG_LEVEL: ['warn', 'error', 'fatal', 'silent'].includes(base.LOG_LEVEL) ? 'info' : base.LOG_LEVEL,
  };
  for (let i = 1; i <= workers; i++) workerInstances.push(new Instance(root, 'worker', i, workerEnv, dir));
  const all = [...apiInstances, ...workerInstances];
  let nginx = null;
  const stop = async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx.once('exit', r));
      nginx.kill('SIGQUIT'); // graceful: finishes the requests it is proxying
      await exited;
    }
    await Promise.all(all.map((i) => i.stop('SIGTERM')));
    if (!process.env.ANSLAG_KEEP_CLUSTER_LOGS) rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.all(all.map((i) => i.start()));
    const proxyPort = port ?? (await freePort());
    const conf = join(dir, 'nginx.conf');
    writeFileSync(conf, nginxConfig({ dir, port: proxyPort, upstreams: apiInstances.map((a) => a.port) }));
    nginx = spawn(nginxBin, ['-e', join(dir, 'error.log'), '-p', dir, '-c', conf, '-g', 'daemon off;'], {
      stdio: 'ignore',
    });
    const url = `http://127.0.0.1:${proxyPort}`;
    await waitUntil(
      async () => {
        if (nginx.exitCode !== null) throw new Error(`nginx exited; see ${join(dir, 'error.log')}`);
        return (await get(`${url}/health/live`)) === 200;
      },
      'nginx',
      60_000,
    );
    return { url, dir, apis: apiInstances, workers: workerInstances, stop };
  } catch (e) {
    await stop().catch(() => undefined);
    throw e;
  }
}

module.exports = { startCluster, ensureNginx, freePort };

// `node apps/cli/cluster.js [apis] [workers]`: runs until Ctrl-C.
if (require.main === module) {
  const root = join(__dirname, '..', '..');
  const apis = Number(process.argv[2] || 2);
  const workers = Number(process.argv[3] || 2);
  const port = process.env.PORT ? Number(process.env.PORT) : undefined;
  startCluster({ root, apis, workers, port }).then(
    (c) => {
      console.log(`anslag: ${apis} api and ${workers} worker processes behind nginx at ${c.url}`);
      const quit = () => c.stop().then(() => process.exit(0));
      process.on('SIGINT', quit);
      process.on('SIGTERM', quit);
    },
    (e) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
