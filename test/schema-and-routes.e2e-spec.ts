import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp } from '@anslag/testing';

/**
 * What `migration:generate` would write, as TypeORM's schema builder finds it. The builder
 * (PostgresQueryRunner.loadTables) sends its per-column type look-ups side by side on its one client,
 * which pg 8 queues with a deprecation warning (pg 9 refuses). Its query runner here sends them one after
 * another instead: the same statements, in the same order, never two at once on the connection.
 */
async function pendingSchemaChanges(ds: DataSource): Promise<string[]> {
  const driver = ds.driver;
  const create = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode) => {
    const runner = create(mode);
    const send = runner.query.bind(runner);
    let last: Promise<unknown> = Promise.resolve();
    runner.query = ((...args: Parameters<typeof send>) => {
      const next = last.then(() => send(...args));
      last = next.catch(() => undefined);
      return next;
    }) as typeof runner.query;
    return runner;
  };
  try {
    return (await driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);
  } finally {
    driver.createQueryRunner = create;
  }
}

// Open to anyone: health, password login, and the steps of signing in.
const PUBLIC_ROUTES = [
  'GET /health',
  'GET /health/live',
  'GET /health/ready',
  'POST /api/auth/login',
  'POST /api/auth/session',
  'GET /api/auth/providers',
  'GET /api/auth/oidc/{kind}/login',
  'GET /api/auth/oidc/{kind}/callback',
];

describe('schema and routes', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('has entities and migrations that agree (generate would find nothing)', async () => {
    expect(await pendingSchemaChanges(app.get(DataSource))).toEqual([]);
  });

  it('describes every route in OpenAPI and states who may call it', async () => {
    const doc = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body;
    const operations = Object.entries(
      doc.paths as Record<string, Record<string, { summary?: string; security?: unknown[] }>>,
    ).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );
    expect(operations.length).toBeGreaterThan(10);
    for (const { route, op } of operations) {
      // The summary says who may call it; protected routes carry the bearer scheme.
      expect({ route, summary: op.summary ?? '' }).toEqual({ route, summary: expect.stringMatching(/\S/) });
      if (!PUBLIC_ROUTES.includes(route))
        expect({ route, security: op.security }).toEqual({ route, security: [{ bearer: [] }] });
    }
  });

  it('refuses every protected route without a token', async () => {
    const doc = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body;
    const http = request(app.getHttpServer());
    for (const [path, ops] of Object.entries(doc.paths as Record<string, object>)) {
      for (const method of Object.keys(ops)) {
        const route = `${method.toUpperCase()} ${path}`;
        if (PUBLIC_ROUTES.includes(route)) continue;
        const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const res = await (http as unknown as Record<string, (u: string) => request.Test>)[method](url);
        expect({ route, status: res.status }).toEqual({ route, status: 401 });
      }
    }
  });
});
