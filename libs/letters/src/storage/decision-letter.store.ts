import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { DECISION_LETTER_TOPIC } from '../letter-outbox';
import type { LetterStatus } from '../entities/decision-letter.entity';

/**
 * Takes the letter for rendering (attempts + 1) unless it is done already; $1 is the decision. Sent with
 * the letter's read (LetterDataLoader.claimAndLoad), so that claiming costs no round trip of its own.
 */
export const CLAIM_SQL = `UPDATE decision_letter SET status = 'rendering', attempts = attempts + 1, updated_at = now()
   WHERE decision_id = $1 AND status <> 'done' RETURNING attempts`;

/** The longest error text kept with a letter (a stack trace is for the log, not the table). */
const MAX_ERROR = 2_000;

/**
 * The decision_letter row's changes, each one conditional statement so that concurrent workers agree:
 * whoever stores first wins, and a letter once done is never rendered or stored again.
 */
export class DecisionLetterStore {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** The letter's status (null: this database ordered no letter for the decision). */
  async status(decisionId: string): Promise<LetterStatus | null> {
    const [row] = (await this.db.query(`SELECT status FROM decision_letter WHERE decision_id = $1`, [
      decisionId,
    ])) as { status: LetterStatus }[];
    return row?.status ?? null;
  }

  /** Stores the PDF unless another worker already did; true when this call stored it. */
  async store(decisionId: string, pdf: Buffer): Promise<{ stored: boolean; sha256: string }> {
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const [, count] = (await this.db.query(
      `UPDATE decision_letter
          SET status = 'done', pdf = $2, sha256 = $3, size = $4, rendered_at = now(), last_error = NULL,
              updated_at = now()
        WHERE decision_id = $1 AND status <> 'done'`,
      [decisionId, pdf, sha256, pdf.length],
    )) as [unknown, number];
    return { stored: count === 1, sha256 };
  }

  /** Keeps the error; the letter waits for the next attempt, or is failed after the last one. */
  async recordFailure(decisionId: string, error: string, final: boolean): Promise<void> {
    await this.db.query(
      `UPDATE decision_letter SET last_error = $2, status = $3, updated_at = now()
        WHERE decision_id = $1 AND status <> 'done'`,
      [decisionId, error.slice(0, MAX_ERROR), final ? 'failed' : 'queued'],
    );
  }

  /**
   * A job's final failure outside the processor (BullMQ failed it as stalled): the letter still waiting or
   * rendering is failed with the error, for an officer to see and retry. True when a row changed.
   */
  async recordJobFailure(decisionId: string, error: string): Promise<boolean> {
    const [, count] = (await this.db.query(
      `UPDATE decision_letter SET status = 'failed', last_error = $2, updated_at = now()
        WHERE decision_id = $1 AND status IN ('queued', 'rendering')`,
      [decisionId, error.slice(0, MAX_ERROR)],
    )) as [unknown, number];
    return count === 1;
  }

  /**
   * Letters that have waited or rendered longer than `olderThanMs` go back to the queue through the
   * outbox (the relay adds the job under its fixed id, so a letter still in the queue is not doubled).
   * Their `updated_at` is touched, so one letter is put back once per period. Returns their decisions.
   */
  async sweep(olderThanMs: number, limit = 500): Promise<string[]> {
    const rows = (await this.db.query(
      `WITH stuck AS (
         SELECT decision_id FROM decision_letter
          WHERE status IN ('queued', 'rendering') AND updated_at < now() - $1 * interval '1 millisecond'
          ORDER BY updated_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       UPDATE decision_letter l SET updated_at = now() FROM stuck
        WHERE l.decision_id = stuck.decision_id RETURNING l.decision_id`,
      [olderThanMs, limit],
    )) as [{ decision_id: string }[], number];
    const ids = rows[0].map((r) => r.decision_id);
    if (ids.length > 0) {
      await this.db.query(
        `INSERT INTO outbox (topic, aggregate_id, payload)
         SELECT $1, id, '{}'::jsonb FROM unnest($2::uuid[]) AS id
         ON CONFLICT (topic, aggregate_id) DO UPDATE SET relayed_at = NULL`,
        [DECISION_LETTER_TOPIC, ids],
      );
    }
    return ids;
  }

  /**
   * Asks for a failed letter again: queued, and its outbox row pending again so that the relay hands
   * it to the queue as a fresh job. Run inside the caller's transaction, with the letter row locked.
   */
  static async requeue(em: EntityManager, decisionId: string): Promise<void> {
    await em.query(
      `UPDATE decision_letter SET status = 'queued', updated_at = now() WHERE decision_id = $1`,
      [decisionId],
    );
    await em.query(
      `INSERT INTO outbox (topic, aggregate_id, payload) VALUES ($1, $2, '{}'::jsonb)
       ON CONFLICT (topic, aggregate_id) DO UPDATE SET relayed_at = NULL`,
      [DECISION_LETTER_TOPIC, decisionId],
    );
  }
}
