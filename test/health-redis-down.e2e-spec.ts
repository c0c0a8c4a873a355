import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createTestApp, PrivateRedis } from '@anslag/testing';

describe('health while Redis is away', () => {
  let redis: PrivateRedis;
  let app: NestFastifyApplication;
  const saved = process.env.REDIS_URL;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    process.env.REDIS_URL = redis.url;
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
    await redis.stop();
    process.env.REDIS_URL = saved;
  });

  async function waitForStatus(code: number): Promise<request.Response> {
    let last: request.Response | undefined;
    for (let i = 0; i < 40; i++) {
      last = await request(app.getHttpServer()).get('/health');
      if (last.status === code) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    return last!;
  }

  it('answers 503 naming Redis when it stops, and 200 again when it returns', async () => {
    await request(app.getHttpServer()).get('/health').expect(200);

    await redis.stop();
    const down = await waitForStatus(503);
    expect(down.status).toBe(503);
    expect(down.body.status).toBe('error');
    expect(down.body.postgres).toEqual({ status: 'up' });
    expect(down.body.redis.status).toBe('down');
    // Readiness says the same; liveness does not depend on Redis, so the orchestrator keeps the process.
    expect((await request(app.getHttpServer()).get('/health/ready')).status).toBe(503);
    await request(app.getHttpServer()).get('/health/live').expect(200);

    // The API itself keeps serving while Redis is away.
    await request(app.getHttpServer()).get('/api/docs-json').expect(200);

    await redis.start();
    const up = await waitForStatus(200);
    expect(up.status).toBe(200);
    expect(up.body).toEqual({ status: 'ok', postgres: { status: 'up' }, redis: { status: 'up' } });
  });
});
