import { request as httpRequest } from 'node:http';
import { hash, verify } from '@node-rs/argon2';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { DataSource } from 'typeorm';
import { createApiApp } from '../apps/api/src/bootstrap';
import { Account } from '../libs/auth/src';
import type { BenchResult } from './bench-result';

const DURATION_S = 5;
const CONNECTIONS = 4;
const PASSWORD = 'Bänkprov-med-långt-lösen-7';
const TEN_MB = Buffer.from(`{"username":"admin","password":"x","pad":[${'1,'.repeat(5 * 1024 * 1024)}1]}`);

/** Milliseconds from the first byte sent to the status line of the answer, for one 10 MB POST. */
function rejectTime(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': TEN_MB.length },
      },
      (res) => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        res.resume();
        if (res.statusCode !== 413) reject(new Error(`expected 413, got ${res.statusCode}`));
        else resolve(ms);
      },
    );
    req.on('error', () => undefined); // the server may close while the body is still being sent
    req.end(TEN_MB);
  });
}

async function medianRejectTime(port: number, path: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) times.push(await rejectTime(port, path));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** argon2id verifications per second with the same concurrency as the HTTP load: login's own cost. */
async function bareVerifyRate(hashed: string): Promise<number> {
  let done = 0;
  const until = Date.now() + DURATION_S * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < until) {
        await verify(hashed, PASSWORD);
        done++;
      }
    }),
  );
  return done / DURATION_S;
}

/**
 * Login throughput with the per-account and per-address limits in force (two Redis reads and a reset on
 * every success) beside argon2 verification alone; and the time to refuse a 10 MB login body beside a
 * bare Fastify route with the same 8 KiB limit.
 */
export async function run(): Promise<BenchResult[]> {
  process.env.LOG_LEVEL = 'silent';
  const app = await createApiApp({ logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = Number(new URL(await app.getUrl()).port);
  const ds = app.get(DataSource);
  const username = `bench-${Date.now()}`;
  const passwordHash = await hash(PASSWORD);
  await ds.getRepository(Account).save({ username, displayName: 'Bänk', roles: [], passwordHash });

  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/auth/login`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
    connections: CONNECTIONS,
    duration: DURATION_S,
  });
  if (result.non2xx > 0) throw new Error(`${result.non2xx} logins were refused`);
  const logins = result.requests.average;
  const bare = await bareVerifyRate(passwordHash);

  const apiReject = await medianRejectTime(port, '/api/auth/login');
  const health = await fetch(`http://127.0.0.1:${port}/health`);
  if (health.status !== 200) throw new Error('the api stopped answering /health');
  await ds.getRepository(Account).delete({ username });
  await app.close();

  const fastify = Fastify({ bodyLimit: 8 * 1024 });
  fastify.post('/login', async () => ({ ok: true }));
  await fastify.listen({ port: 0, host: '127.0.0.1' });
  const bareReject = await medianRejectTime((fastify.server.address() as { port: number }).port, '/login');
  await fastify.close();

  return [
    {
      name: 'POST /api/auth/login with the right password, rate limits in force (Redis) vs argon2id verify alone',
      figure: Math.round(logins),
      unit: 'logins/s',
      ceiling: Math.round(bare),
      ratio: logins / bare,
      note: `${CONNECTIONS} connections / ${CONNECTIONS} parallel verifications, ${DURATION_S} s; every login reads both limits and clears the account's count`,
    },
    {
      name: 'time to refuse a 10 MB login body (413) vs bare Fastify with the same 8 KiB limit',
      figure: Math.round(apiReject * 100) / 100,
      unit: 'ms',
      ceiling: Math.round(bareReject * 100) / 100,
      ratio: apiReject / bareReject,
      note: 'median of 20, first byte sent to status line; a ratio near 1 means no part of the body is read or parsed; /health answers after',
    },
  ];
}
