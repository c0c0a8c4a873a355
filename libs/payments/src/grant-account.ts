import { EntityManager } from 'typeorm';

/** What has happened to a grant's money so far: the sums payments are computed from. */
export interface GrantAccount {
  /** Credited against the grant by live payments (gross). */
  credited: number;
  /** Paid out or on its way: live payments' net plus live advances. */
  paidOut: number;
  advances: number;
  advanceOffsets: number;
  /** Decided recoveries to be settled by offset: amount and interest. */
  recoveryToOffset: number;
  recoveryOffsets: number;
}

/**
 * Sums the live (not cancelled) payments of a decision, proposals included so that two requests
 * verified one after the other never credit the same costs twice; `exceptRequestId` leaves out the
 * request being verified (its own earlier proposal is replaced).
 */
export async function grantAccount(
  em: EntityManager,
  decisionId: string,
  exceptRequestId: string | null = null,
): Promise<GrantAccount> {
  const [p] = await em.query(
    `SELECT
       COALESCE(SUM(gross) FILTER (WHERE kind = 'utbetalning'), 0) AS credited,
       COALESCE(SUM(net), 0) AS paid_out,
       COALESCE(SUM(net) FILTER (WHERE kind = 'forskott'), 0) AS advances,
       COALESCE(SUM(advance_offset), 0) AS advance_offsets,
       COALESCE(SUM(recovery_offset), 0) AS recovery_offsets
     FROM payment
     WHERE decision_id = $1 AND status <> 'makulerad' AND ($2::uuid IS NULL OR request_id IS DISTINCT FROM $2)`,
    [decisionId, exceptRequestId],
  );
  const [r] = await em.query(
    `SELECT COALESCE(SUM(amount + interest), 0) AS to_offset FROM recovery
     WHERE decision_id = $1 AND status <> 'utkast' AND settlement = 'kvittning'`,
    [decisionId],
  );
  return {
    credited: Number(p.credited),
    paidOut: Number(p.paid_out),
    advances: Number(p.advances),
    advanceOffsets: Number(p.advance_offsets),
    recoveryToOffset: Number(r.to_offset),
    recoveryOffsets: Number(p.recovery_offsets),
  };
}
