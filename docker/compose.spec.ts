import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * No Docker engine runs on the development machines, so `docker compose config` cannot check the file
 * there: this parses it and checks what a deployment relies on.
 */
interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  restart?: string;
  healthcheck?: { test: string[] | string };
  deploy?: { replicas?: number };
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  profiles?: string[];
  init?: boolean;
  stop_grace_period?: string;
}

const file = readFileSync(join(__dirname, 'compose.yml'), 'utf8');
const compose = parse(file, { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const { services } = compose;

describe('docker/compose.yml', () => {
  it('has the services of a deployment', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'migrate', 'nginx', 'postgres', 'redis', 'worker']);
  });

  it('gives every service a restart policy and every long-running one a health check', () => {
    for (const [name, s] of Object.entries(services)) {
      expect({ name, restart: s.restart }).toEqual({
        name,
        restart: expect.stringMatching(/^(always|unless-stopped|on-failure(:\d+)?)$/),
      });
      if (name !== 'migrate')
        expect({ name, healthcheck: s.healthcheck?.test }).toEqual({ name, healthcheck: expect.anything() });
    }
    expect(services.migrate.restart).toMatch(/^on-failure/); // a one-shot that must not loop forever
  });

  it('keeps Redis in an append-only file and both stores on volumes', () => {
    const cmd = services.redis.command!;
    expect(cmd[cmd.indexOf('--appendonly') + 1]).toBe('yes');
    expect(services.redis.volumes).toEqual([expect.stringMatching(/^redisdata:\/data$/)]);
    expect(services.postgres.volumes).toEqual([
      expect.stringMatching(/^pgdata:\/var\/lib\/postgresql\/data$/),
    ]);
    expect(Object.keys(compose.volumes).sort()).toEqual(['pgdata', 'redisdata']);
  });

  it('runs two api and two worker replicas behind nginx, with no host port on the replicas', () => {
    expect(services.api.deploy?.replicas).toBe(2);
    expect(services.worker.deploy?.replicas).toBe(2);
    expect(services.api.ports).toBeUndefined();
    expect(services.nginx.image).toMatch(/^nginx:/);
    expect(services.nginx.depends_on?.api.condition).toBe('service_healthy');
    expect(JSON.stringify(services.api.healthcheck?.test)).toContain('/health/ready');
    const conf = readFileSync(join(__dirname, 'nginx.conf'), 'utf8');
    expect(conf).toMatch(/server api:3000/);
    expect(services.nginx.volumes).toEqual(['./nginx.conf:/etc/nginx/nginx.conf:ro']);
  });

  it('migrates once before api and workers start, all from the one image with the same settings', () => {
    for (const name of ['api', 'worker']) {
      expect(services[name].depends_on?.migrate.condition).toBe('service_completed_successfully');
      expect(services[name].image).toBe(services.migrate.image);
      expect(services[name].environment?.DATABASE_URL).toBe(services.migrate.environment?.DATABASE_URL);
      expect(services[name].environment?.JWT_SECRET).toBe(services.migrate.environment?.JWT_SECRET);
      expect(services[name].init).toBe(true);
      expect(services[name].stop_grace_period).toMatch(/^\d+s$/);
    }
    expect(services.worker.environment?.WORKER_HEARTBEAT_FILE).toBeTruthy();
  });

  it('builds on a Node.js LTS image with npm ci', () => {
    const dockerfile = readFileSync(join(__dirname, 'Dockerfile'), 'utf8');
    const images = [...dockerfile.matchAll(/^FROM node:(\d+)-/gm)].map((m) => Number(m[1]));
    expect(images.length).toBeGreaterThan(0);
    for (const major of images) expect(major % 2 === 0 && major >= 24).toBe(true);
    expect(dockerfile).toMatch(/npm ci/);
    expect(dockerfile).not.toMatch(/npm install/);
  });

  it('starts the api and the worker with the Node flags the demo and the benchmarks use', () => {
    const flags = JSON.parse(
      readFileSync(join(__dirname, '..', 'apps', 'cli', 'node-flags.json'), 'utf8'),
    ) as Record<'api' | 'worker', string[]>;
    for (const kind of ['api', 'worker'] as const) {
      const command = services[kind].command!;
      expect(command.slice(0, 1 + flags[kind].length)).toEqual(['node', ...flags[kind]]);
      expect(command.at(-1)).toBe(`dist/apps/${kind}/src/main.js`);
    }
    const dockerfile = readFileSync(join(__dirname, 'Dockerfile'), 'utf8');
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]) as string[];
    expect(cmd.slice(0, 1 + flags.api.length)).toEqual(['node', ...flags.api]);
  });
});
