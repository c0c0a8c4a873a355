import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../../../apps/api/src/bootstrap';

/** The real api (real PostgreSQL and Redis from the environment), ready for supertest. */
export async function createTestApp(): Promise<NestFastifyApplication> {
  const app = await createApiApp({ logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
