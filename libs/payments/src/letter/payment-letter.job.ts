import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { paymentLetterModel, recoveryLetterModel } from './payment-letter-model';
import { renderPaymentLetter } from './render-payment-letter';

export const PAYMENT_LETTER_TOPIC = 'payment-letter';

/** Called in the transaction that authorises a payment or decides a recovery: the letter is wanted. */
export async function requestPaymentLetter(
  em: EntityManager,
  kind: 'utbetalning' | 'aterkrav',
  id: string,
  caseId: string,
): Promise<void> {
  await em.query(
    `INSERT INTO outbox (topic, aggregate_id, payload) VALUES ($1, $2, '{}'::jsonb) ON CONFLICT (topic, aggregate_id) DO NOTHING`,
    [PAYMENT_LETTER_TOPIC, id],
  );
  await em.query(
    `INSERT INTO payment_letter (id, case_id, kind, status) VALUES ($1, $2, $3, 'queued') ON CONFLICT (id) DO NOTHING`,
    [id, caseId, kind],
  );
}

/** A job for a letter this database never ordered (another installation's, or not yet committed). */
export class PaymentLetterNotOrderedError extends Error {}

/**
 * Renders and stores one letter. Claimed with a conditional update and stored only if no one stored it
 * first, so two workers on the same job still make one letter.
 */
export class PaymentLetterJob {
  constructor(private readonly db: DataSource) {}

  async run(letterId: string): Promise<'done' | 'already'> {
    const [claimed] = await this.db.query(
      `UPDATE payment_letter SET status = 'rendering', attempts = attempts + 1, updated_at = now()
       WHERE id = $1 AND status <> 'done' RETURNING kind`,
      [letterId],
    );
    if (!claimed?.length) {
      const [row] = await this.db.query(`SELECT status FROM payment_letter WHERE id = $1`, [letterId]);
      if (row?.status === 'done') return 'already';
      throw new PaymentLetterNotOrderedError(`Brevet ${letterId} är inte beställt här`);
    }
    const kind = claimed[0].kind as 'utbetalning' | 'aterkrav';
    const model = await (kind === 'aterkrav' ? recoveryLetterModel : paymentLetterModel)(
      this.db.manager,
      letterId,
    );
    const pdf = await renderPaymentLetter(model);
    await this.db.query(
      `UPDATE payment_letter SET status = 'done', pdf = $2, sha256 = $3, error = NULL, updated_at = now()
       WHERE id = $1 AND status <> 'done'`,
      [letterId, pdf, createHash('sha256').update(pdf).digest('hex')],
    );
    return 'done';
  }

  async failed(letterId: string, error: string): Promise<void> {
    await this.db.query(
      `UPDATE payment_letter SET status = 'failed', error = $2, updated_at = now() WHERE id = $1 AND status <> 'done'`,
      [letterId, error.slice(0, 2_000)],
    );
  }
}
