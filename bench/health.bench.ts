import autocannon from 'autocannon';
import Fastify from 'fastify';
import { createApiApp } from '../apps/api/src/bootstrap';
import type { BenchResult } from './bench-result';

const DURATION_S = 5;

async function rps(url: string): Promise<number> {
  const result = await autocannon({ url, connections: 20, duration: DURATION_S });
  return result.requests.average;
}

/** GET /health through the whole Nest application vs a bare Fastify route answering the same JSON. */
export async function run(): Promise<BenchResult[]> {
  process.env.LOG_LEVEL = 'silent';
  const app = await createApiApp({ logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const nestUrl = `${await app.getUrl()}/health`.replace('[::1]', '127.0.0.1');
  const full = await rps(nestUrl);
  await app.close();

  const bare = Fastify();
  bare.get('/health', async () => ({ status: 'ok', postgres: { status: 'up' }, redis: { status: 'up' } }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const address = bare.server.address() as { port: number };
  const ceiling = await rps(`http://127.0.0.1:${address.port}/health`);
  await bare.close();

  return [
    {
      name: 'GET /health (Nest + PostgreSQL + Redis probes) vs bare Fastify route',
      figure: Math.round(full),
      unit: 'req/s',
      ceiling: Math.round(ceiling),
      ratio: full / ceiling,
      note: 'the Nest route queries PostgreSQL (SELECT 1) and pings Redis on every request; the bare route does no I/O',
    },
  ];
}
