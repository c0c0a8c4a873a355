import type { JobsOptions } from 'bullmq';

/**
 * The one catalogue of background work: every job's name, the queue it runs on, its payload and its
 * default options. Jobs carry ids, never documents; the job id is derived from the entity id, so adding
 * the same work twice is still one job, and a unique key in the database is the final guard.
 */
export const QUEUES = {
  decisionLetters: 'decision-letters',
  paymentLetters: 'payment-letters',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  /** Render and store the letter of a signed decision. */
  'render-decision-letter': { decisionId: string };
  /** Render and store the letter of an authorised payment, an advance or a decided recovery. */
  'render-payment-letter': { letterId: string };
}

export type JobName = keyof JobPayloads;

export interface JobDefinition<N extends JobName> {
  readonly queue: QueueName;
  /** The deterministic job id: the same work always has the same id. */
  readonly jobId: (payload: JobPayloads[N]) => string;
  readonly options: Readonly<Pick<JobsOptions, 'attempts' | 'backoff' | 'removeOnComplete' | 'removeOnFail'>>;
}

export const JOBS: { readonly [N in JobName]: JobDefinition<N> } = {
  'render-decision-letter': {
    queue: QUEUES.decisionLetters,
    jobId: (p) => p.decisionId,
    options: {
      attempts: 5,
      // 2 s, 4 s, 8 s, 16 s: a database or font hiccup passes, a broken decision fails within a minute.
      backoff: { type: 'exponential', delay: 2_000 },
      // Counts, not ages: Redis memory stays bounded however many letters are produced. The stored
      // letter in PostgreSQL is the record; the kept jobs are only for looking into recent runs.
      removeOnComplete: { count: 1_000 },
      removeOnFail: { count: 5_000 },
    },
  },
  'render-payment-letter': {
    queue: QUEUES.paymentLetters,
    jobId: (p) => p.letterId,
    options: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 2_000 },
      removeOnComplete: { count: 1_000 },
      removeOnFail: { count: 5_000 },
    },
  },
};

/** The jobs that run on a queue (a worker of that queue handles exactly these). */
export function jobsOf(queue: QueueName): JobName[] {
  return (Object.keys(JOBS) as JobName[]).filter((name) => JOBS[name].queue === queue);
}
