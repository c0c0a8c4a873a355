/** Helpers of the letters suites: signed decisions written as the signing transaction writes them. */
import { createHash, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Queue } from 'bullmq';
import { BudgetLine, GrantCase } from '@anslag/cases';
import { AppConfig } from '@anslag/config';
import { Decision } from '@anslag/decisions';
import { requestDecisionLetter } from '@anslag/letters';
import { JobProducer, QUEUES, RedisConnections, redisConnection } from '@anslag/queue';
import { createOrganisation } from '@anslag/testing';
import {
  DecisionLetterProcessor,
  type LetterWorkerOptions,
} from '../apps/worker/src/letters/decision-letter.processor';
import { OutboxRelay, type OutboxRelayOptions } from '../apps/worker/src/outbox/outbox-relay';

interface DemoCase {
  key: string;
  title: string;
  period: { start: string; end: string };
  rus: { areas: string[]; effektmal: string[] };
  sections: { code: string; text: string }[];
  budget: {
    costs: { category: string; label: string; perYear: { year: number; kronor: number }[] }[];
    financing: { label: string; fundingSource: string | null; perYear: { year: number; kronor: number }[] }[];
    inKind: { label: string; financier: string; perYear: { year: number; kronor: number }[] }[];
  };
  decision: {
    decisionDate: string;
    shareBasisPoints: number;
    capKronor: number;
    earliestStart: string;
    latestEnd: string;
    financingFrame: { sources: { fundingSource: string; label: string; kronor: number }[] };
    rank: { quote: string };
    signatories: { name: string; title: string }[];
  };
}

const demo = JSON.parse(
  readFileSync(join(__dirname, '..', 'libs', 'demo', 'data', 'project-cases.json'), 'utf8'),
).projectCases as DemoCase[];

/** The region's money under the financier codes of ensureReferenceData. */
const FINANCIER: Record<string, string> = { anslag_1_1: 'region_1_1', rambudget: 'region_rambudget' };

/**
 * A case shaped like a demo project (MIND by default) with a signed decision and its letter requested,
 * in one transaction, exactly as the signing service does it: no Redis involved.
 */
export async function signedProjectDecision(ds: DataSource, key = 'mind'): Promise<string> {
  const p = demo.find((c) => c.key === key)!;
  const org = await createOrganisation(ds, {
    name: 'Alfred Nobel Science Park AB',
    streetAddress: 'Fakultetsgatan 1',
    postalCode: '702 81',
  });
  return ds.transaction(async (em) => {
    const c = await em.save(
      em.create(GrantCase, {
        diarienummer: `19RS${randomInt(100_000, 999_999)}`,
        track: 'projekt',
        status: 'beslutad',
        organisationId: org.id,
        title: p.title,
        periodStart: p.period.start,
        periodEnd: p.period.end,
        rusAreas: p.rus.areas,
        effektmal: p.rus.effektmal,
        sections: Object.fromEntries(p.sections.map((s) => [s.code, s.text])),
      }),
    );
    const lines: Partial<BudgetLine>[] = [
      ...p.budget.costs.flatMap((l) =>
        l.perYear.map((y) => ({
          kind: 'cost' as const,
          code: l.category,
          label: l.label,
          year: y.year,
          amount: y.kronor,
        })),
      ),
      ...p.budget.financing.flatMap((l) =>
        l.perYear.map((y) => ({
          kind: 'financing' as const,
          code: FINANCIER[l.fundingSource ?? ''] ?? 'kommuner',
          label: l.label,
          year: y.year,
          amount: y.kronor,
        })),
      ),
      ...p.budget.inKind.flatMap((l) =>
        l.perYear.map((y) => ({
          kind: 'in_kind' as const,
          code: l.financier,
          label: l.label,
          year: y.year,
          amount: y.kronor,
        })),
      ),
    ].filter((l) => l.amount !== 0);
    await em.insert(
      BudgetLine,
      lines.map((l, i) => ({ ...l, caseId: c.id, position: i })),
    );
    const d = p.decision;
    const decision = await em.save(
      em.create(Decision, {
        caseId: c.id,
        kind: 'beslut',
        status: 'signerat',
        outcome: 'bifall',
        amount: d.capKronor,
        shareBp: d.shareBasisPoints,
        earliestStart: d.earliestStart,
        latestEnd: d.latestEnd,
        financing: d.financingFrame.sources.map((s) => ({
          source: s.fundingSource,
          label: s.label,
          amount: s.kronor,
        })),
        conditions: [],
        reasons: { rusArea: p.rus.areas[0], effektmal: null, rankQuote: d.rank.quote, text: null },
        legalBasis: [],
        appealable: false,
        decisionDate: d.decisionDate,
        delegationPoint: '3.2',
        signedByName: d.signatories[0].name,
        signedByTitle: d.signatories[0].title,
        signedAt: new Date(`${d.decisionDate}T12:00:00Z`),
      }),
    );
    await requestDecisionLetter(em, decision.id);
    return decision.id;
  });
}

export interface LetterRow {
  status: string;
  attempts: number;
  last_error: string | null;
  sha256: string | null;
  size: number | null;
  pdf_sha256: string | null;
}

export async function letterRows(ds: DataSource, ids: readonly string[]): Promise<LetterRow[]> {
  return ds.query(
    `SELECT status, attempts, last_error, sha256, size, encode(sha256(pdf), 'hex') AS pdf_sha256
       FROM decision_letter WHERE decision_id = ANY($1::uuid[]) ORDER BY decision_id`,
    [ids],
  );
}

export async function pendingOutbox(ds: DataSource, ids: readonly string[]): Promise<number> {
  const [row] = await ds.query(
    `SELECT count(*)::int AS n FROM outbox WHERE aggregate_id = ANY($1::uuid[]) AND relayed_at IS NULL`,
    [ids],
  );
  return row.n;
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Polls until `done` holds (no timing is asserted: the limit only keeps a broken run from hanging). */
export async function waitFor(done: () => Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting: ${what}`);
}

export const allDone = (ds: DataSource, ids: readonly string[]) => async () =>
  (await letterRows(ds, ids)).every((r) => r.status === 'done');

/** The fault tests run on a private Redis, under one prefix for producer, worker and inspection. */
const TEST_QUEUE_PREFIX = 'anslag-test';

/** The lock of a worker that a test kills mid-render: short, so the job is seen stalled at once. */
export const DYING_LOCK = { lockDuration: 1_000 } as const;

/** BullMQ marks a job completed just after the letter is stored: wait for the queue to say so. */
export async function settledStates(
  redisUrl: string,
  ids: readonly string[],
  prefix?: string,
): Promise<string[]> {
  let states: string[] = [];
  await waitFor(async () => {
    states = (await queueState(redisUrl, ids, prefix)).states;
    return states.every((s) => s === 'completed' || s === 'failed');
  }, 'jobs settled in the queue');
  return states;
}

/** A worker process's letter side, in this process: its own Redis connections, relay and processor. */
export class InProcessWorker {
  readonly connections: RedisConnections;
  readonly relay: OutboxRelay;
  readonly processor: DecisionLetterProcessor;
  private readonly producer: JobProducer;

  constructor(
    ds: DataSource,
    redisUrl: string,
    opts: LetterWorkerOptions = {},
    relay: boolean | OutboxRelayOptions = true,
    processor = true,
  ) {
    this.connections = new RedisConnections(Object.assign(new AppConfig(), { REDIS_URL: redisUrl }));
    this.producer = new JobProducer(
      this.connections.create({ enableOfflineQueue: false, maxRetriesPerRequest: 1 }),
      { timeoutMs: 1_000, prefix: opts.prefix ?? TEST_QUEUE_PREFIX },
    );
    this.relay = new OutboxRelay(ds, this.producer, {
      pollMs: 100,
      maxBackoffMs: 500,
      ...(typeof relay === 'object' ? relay : {}),
    });
    // A short stall check for every worker of a suite (BullMQ throttles it per queue to the interval of
    // whichever worker ran it last), and a lock long enough that a render on a loaded machine keeps it;
    // a worker that is to "die" takes DYING_LOCK, so its job is found stalled soon after.
    this.processor = new DecisionLetterProcessor(ds, this.connections, {
      prefix: TEST_QUEUE_PREFIX,
      lockDuration: 15_000,
      stalledInterval: 500,
      ...opts,
    });
    if (relay) this.relay.start();
    if (processor) this.processor.start();
  }

  async stop(force = false): Promise<void> {
    await this.relay.stop();
    await this.processor.close(force);
    await this.producer.close();
    await this.connections.onApplicationShutdown();
  }
}

/** The letter queue as BullMQ sees it. */
export async function queueState(redisUrl: string, ids: readonly string[], prefix = TEST_QUEUE_PREFIX) {
  const connection = redisConnection(redisUrl);
  const queue = new Queue(QUEUES.decisionLetters, { connection, prefix });
  try {
    const states = await Promise.all(
      ids.map(async (id) => (await queue.getJob(id))?.getState() ?? 'missing'),
    );
    return { states, counts: await queue.getJobCounts('completed', 'failed', 'active', 'wait', 'delayed') };
  } finally {
    await queue.close();
    connection.disconnect();
  }
}
