import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp } from '@anslag/testing';

// Open to anyone: health, password login, and the steps of signing in.
const PUBLIC = [
  'GET /health',
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
    const sql = await app.get(DataSource).driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
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
      if (!PUBLIC.includes(route))
        expect({ route, security: op.security }).toEqual({ route, security: [{ bearer: [] }] });
    }
  });

  it('refuses every protected route without a token', async () => {
    const doc = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body;
    const http = request(app.getHttpServer());
    for (const [path, ops] of Object.entries(doc.paths as Record<string, object>)) {
      for (const method of Object.keys(ops)) {
        const route = `${method.toUpperCase()} ${path}`;
        if (PUBLIC.includes(route)) continue;
        const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const res = await (http as unknown as Record<string, (u: string) => request.Test>)[method](url);
        expect({ route, status: res.status }).toEqual({ route, status: 401 });
      }
    }
  });
});
