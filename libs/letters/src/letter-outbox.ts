import type { EntityManager } from 'typeorm';

export const DECISION_LETTER_TOPIC = 'decision-letter';

/**
 * Called inside the transaction that signs a decision: records that its letter is wanted. Never talks
 * to Redis; the worker's relay moves the outbox row to the queue. Idempotent per decision.
 */
export async function requestDecisionLetter(em: EntityManager, decisionId: string): Promise<void> {
  await em.query(
    `INSERT INTO outbox (topic, aggregate_id, payload) VALUES ($1, $2, '{}'::jsonb) ON CONFLICT (topic, aggregate_id) DO NOTHING`,
    [DECISION_LETTER_TOPIC, decisionId],
  );
  await em.query(
    `INSERT INTO decision_letter (decision_id, status) VALUES ($1, 'queued') ON CONFLICT (decision_id) DO NOTHING`,
    [decisionId],
  );
}
