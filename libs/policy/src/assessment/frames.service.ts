import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SignedDecisionCache } from '@anslag/database';
import {
  frameStatus,
  type FrameStatus,
  type FrameUsage,
  type ProposedGrant,
  type RuleSet,
} from '@anslag/rules';

/**
 * Granted in a year, per frame and aid form: a frame belongs to its year, so only decisions first taken in
 * that year draw on it, at the amount of the chain's latest signed change decision, less what was released
 * when the grant was closed after its final payment. The one statement
 * behind `/api/policy/frames`, the signer's frame warnings and the follow-up's frame lines.
 *
 * A chain's members are read by key lists (the year's decisions, then the change decisions pointing at
 * them), each in one scan, never a lookup per decision: a join on "the decision itself or a change of it"
 * let the planner of a young database without statistics probe every signed decision for each one.
 */
export const FRAME_USAGE_SQL = `
WITH roots AS (
  SELECT id, frame, aid_form, amount, outcome, case_id, decision_date, signed_at FROM decision
  WHERE status = 'signerat' AND amends_decision_id IS NULL AND decision_date BETWEEN $1::date AND $2::date
),
effective AS (
  SELECT DISTINCT ON (root) root, frame, aid_form, amount, outcome, case_id
  FROM (
    SELECT id AS root, frame, aid_form, amount, outcome, case_id, decision_date, signed_at FROM roots
    UNION ALL
    SELECT amends_decision_id, frame, aid_form, amount, outcome, case_id, decision_date, signed_at FROM decision
    WHERE status = 'signerat' AND amends_decision_id = ANY (ARRAY(SELECT id FROM roots))
  ) members
  ORDER BY root, decision_date DESC, signed_at DESC NULLS LAST
)
SELECT COALESCE(e.frame, gc.track) AS frame, COALESCE(split_part(e.aid_form, '/', 1), '') AS aid_form,
       SUM(e.amount - COALESCE(cl.released, 0))::text AS total
FROM effective e JOIN grant_case gc ON gc.id = e.case_id
LEFT JOIN grant_closure cl ON cl.decision_id = e.root
WHERE e.outcome <> 'avslag'
GROUP BY ROLLUP (COALESCE(e.frame, gc.track), COALESCE(split_part(e.aid_form, '/', 1), ''))`;

@Injectable()
export class FramesService {
  constructor(private readonly cache: SignedDecisionCache) {}

  /**
   * Kept in memory per year while no decision is signed, changed or closed (SignedDecisionCache): every
   * assessment, decision list and signature reads it, and it changes only with a signature.
   */
  async usage(year: number, em?: EntityManager): Promise<Required<FrameUsage>> {
    return this.cache.get(`frame-usage:${year}`, (m) => this.load(year, m), em);
  }

  private async load(year: number, em: EntityManager): Promise<Required<FrameUsage>> {
    const rows: { frame: string | null; aid_form: string | null; total: string }[] = await em.query(
      FRAME_USAGE_SQL,
      [`${year}-01-01`, `${year}-12-31`],
    );
    const usage: Required<FrameUsage> = { frames: {}, aidForms: {} };
    for (const r of rows) {
      // ROLLUP: (frame, aid form) rows, then a (frame) subtotal with a null aid form, then the grand total.
      if (r.frame === null) continue;
      if (r.aid_form === null) usage.frames[r.frame] = Number(r.total);
      else if (r.aid_form !== '')
        usage.aidForms[r.aid_form] = (usage.aidForms[r.aid_form] ?? 0) + Number(r.total);
    }
    // Shared by every request of the instance: nobody changes it.
    Object.freeze(usage.frames);
    Object.freeze(usage.aidForms);
    return Object.freeze(usage);
  }

  /** The frames of a rule set for a year: granted in that year, the proposed grant, what is left. */
  async status(
    ruleSet: RuleSet,
    year: number,
    proposed?: ProposedGrant | null,
    em?: EntityManager,
  ): Promise<FrameStatus> {
    return frameStatus(ruleSet, await this.usage(year, em), proposed);
  }
}
