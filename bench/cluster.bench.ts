/**
 * Throughput through nginx with two api processes behind it against one: the same authenticated case
 * read (`GET /api/cases/{id}` with its token) and `GET /health/live`, autocannon with 20 connections.
 * The cluster is the one `node apps/cli/run.js cluster` and the multi-instance test start (apps/cli/cluster.js):
 * production mode, the api's Node flags, Debian's nginx, a scratch database of its own. The load generator,
 * nginx, the api processes and PostgreSQL share the machine's cores: the ratio says what a second
 * instance buys on this machine, not on one with a core per instance.
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { DataSource } from 'typeorm';
import { Account, hashPassword, Role } from '@anslag/auth';
import { dataSourceOptions } from '@anslag/database';
import { Mandate } from '@anslag/identity';
import { createOrganisation, ensureReferenceData, randomPersonnummer } from '@anslag/testing';
import type { BenchResult } from './bench-result';
import { withScratchDatabase } from './scratch-db';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startCluster } = require(join(__dirname, '..', '..', 'apps', 'cli', 'cluster.js')) as {
  startCluster: (o: object) => Promise<{ url: string; stop(): Promise<void> }>;
};

const ROOT = join(__dirname, '..', '..');
const DURATION_S = 5;
const RUNS = 2;
const PASSWORD = `bench-${randomBytes(9).toString('base64url')}`;

interface Rates {
  read: number;
  live: number;
}

async function rps(opts: autocannon.Options): Promise<number> {
  const r = await autocannon({ connections: 20, duration: DURATION_S, ...opts });
  if (r.non2xx > 0 || r.errors > 0)
    throw new Error(`${r.non2xx} non-2xx, ${r.errors} errors from ${opts.url}`);
  return r.requests.average;
}

/** Starts `apis` api processes (no worker) behind nginx and measures both routes, the best of RUNS. */
async function measure(apis: number, dbUrl: string, orgId: string): Promise<Rates> {
  const cluster = await startCluster({
    root: ROOT,
    apis,
    workers: 0,
    env: {
      DATABASE_URL: dbUrl,
      JWT_SECRET: randomBytes(48).toString('base64'),
      LOG_LEVEL: 'warn',
    },
  });
  try {
    const login = await fetch(`${cluster.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench-sokande', password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login: ${login.status}`);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const created = await fetch(`${cluster.url}/api/cases`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        track: 'foretagsstod',
        organisationId: orgId,
        title: 'Ny maskin',
        aidForm: 'mikrobidrag',
        amountApplied: 30_000,
        costLines: [{ description: 'Maskin', costType: 'equipment', amount: 60_000 }],
        plannedStart: '2030-01-01',
        collectiveAgreement: true,
      }),
    });
    if (created.status !== 201) throw new Error(`create case: ${created.status} ${await created.text()}`);
    const { id } = (await created.json()) as { id: string };
    // A warm-up, not counted: the processes' code is compiled by the JIT under the first requests.
    await rps({ url: `${cluster.url}/api/cases/${id}`, headers: auth });
    await rps({ url: `${cluster.url}/health/live` });
    const best = { read: 0, live: 0 };
    for (let i = 0; i < RUNS; i++) {
      best.read = Math.max(best.read, await rps({ url: `${cluster.url}/api/cases/${id}`, headers: auth }));
      best.live = Math.max(best.live, await rps({ url: `${cluster.url}/health/live` }));
    }
    return best;
  } finally {
    await cluster.stop();
  }
}

export async function run(): Promise<BenchResult[]> {
  return withScratchDatabase(async (dbUrl) => {
    const ds = new DataSource(dataSourceOptions(dbUrl));
    await ds.initialize();
    let orgId = '';
    try {
      await ensureReferenceData(ds);
      const org = await createOrganisation(ds, { inTatort: false, kommunCode: '1885' });
      orgId = org.id;
      // An applicant signed in with a password, with a valid signatory mandate for the organisation.
      const account = await ds.getRepository(Account).save({
        username: 'bench-sokande',
        displayName: 'bench-sokande',
        roles: [Role.sokande],
        delegationPoints: [],
        personnummer: randomPersonnummer(),
        passwordHash: await hashPassword(PASSWORD),
      });
      await ds.getRepository(Mandate).insert({
        organisationId: org.id,
        personnummer: account.personnummer!,
        accountId: account.id,
        kind: 'firmatecknare',
        status: 'giltig',
        grantedAt: new Date(),
        grantedByName: 'bench',
        verifiedAt: new Date(),
      });
    } finally {
      await ds.destroy();
    }
    const one = await measure(1, dbUrl, orgId);
    const two = await measure(2, dbUrl, orgId);
    const note = `${cpus().length} cores shared by autocannon, nginx, the api processes and PostgreSQL; 20 connections, ${DURATION_S} s after a warm-up, best of ${RUNS}; load average ${loadavg()[0].toFixed(1)} at the end; apps/cli/cluster.js`;
    return [
      {
        name: 'GET /api/cases/{id} with its token through nginx: 2 api processes vs 1',
        figure: Math.round(two.read),
        unit: 'req/s',
        ceiling: Math.round(one.read),
        ratio: two.read / one.read,
        note,
      },
      {
        name: 'GET /health/live through nginx: 2 api processes vs 1',
        figure: Math.round(two.live),
        unit: 'req/s',
        ceiling: Math.round(one.live),
        ratio: two.live / one.live,
        note,
      },
    ];
  });
}
