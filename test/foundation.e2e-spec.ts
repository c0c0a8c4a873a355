import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createTestApp } from '@anslag/testing';

describe('foundation', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('GET /health answers 200 with both services up', async () => {
    const res = await request(app.getHttpServer()).get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', postgres: { status: 'up' }, redis: { status: 'up' } });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('GET /health/ready answers as /health; GET /health/live answers without touching either service', async () => {
    const ready = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body).toEqual({ status: 'ok', postgres: { status: 'up' }, redis: { status: 'up' } });
    const live = await request(app.getHttpServer()).get('/health/live').expect(200);
    expect(live.body).toEqual({ status: 'ok' });
    // Answered from a hook straight to the socket, it still carries what every answer carries.
    expect(live.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(live.headers['content-security-policy']).toContain("default-src 'self'");
    expect(live.headers['x-content-type-options']).toBe('nosniff');
    expect(live.headers['cache-control']).toBe('no-store');
    const given = await request(app.getHttpServer()).get('/health/live').set('X-Request-Id', 'abc-123');
    expect(given.headers['x-request-id']).toBe('abc-123');
  });

  it('keeps a request id given by the caller', async () => {
    const res = await request(app.getHttpServer()).get('/health').set('X-Request-Id', 'abc-123').expect(200);
    expect(res.headers['x-request-id']).toBe('abc-123');
  });

  it('serves the OpenAPI description and page', async () => {
    const json = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(json.body.paths['/health']).toBeDefined();
    const page = await request(app.getHttpServer()).get('/api/docs').redirects(1).expect(200);
    expect(page.text).toContain('swagger');
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const res = await request(app.getHttpServer()).get('/no/such/route').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', details: [] });
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });
});
