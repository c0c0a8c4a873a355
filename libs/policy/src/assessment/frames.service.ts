import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  frameStatus,
  type FrameStatus,
  type FrameUsage,
  type ProposedGrant,
  type RuleSet,
} from '@anslag/rules';

/**
 * Granted so far, per frame and aid form, within a rule set's validity: summed from signed decisions,
 * with change decisions replacing the amount of the decision they amend.
 */
@Injectable()
export class FramesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async usage(ruleSet: RuleSet, em: EntityManager = this.db.manager): Promise<FrameUsage> {
    const rows: { frame: string; aid_form: string | null; total: string }[] = await em.query(
      `WITH effective AS (
         SELECT DISTINCT ON (COALESCE(d.amends_decision_id, d.id)) d.frame, d.aid_form, d.amount, d.outcome
         FROM decision d
         WHERE d.status = 'signerat' AND d.decision_date >= $1 AND ($2::date IS NULL OR d.decision_date <= $2::date)
         ORDER BY COALESCE(d.amends_decision_id, d.id), d.signed_at DESC
       )
       SELECT frame, aid_form, SUM(amount)::text AS total FROM effective
       WHERE outcome <> 'avslag' AND frame IS NOT NULL GROUP BY ROLLUP (frame, aid_form)`,
      [ruleSet.validFrom, ruleSet.validTo],
    );
    const usage: Required<FrameUsage> = { frames: {}, aidForms: {} };
    for (const r of rows) {
      if (r.frame === null) continue;
      if (r.aid_form === null) usage.frames[r.frame] = Number(r.total);
      else
        usage.aidForms[r.aid_form.split('/')[0]] =
          (usage.aidForms[r.aid_form.split('/')[0]] ?? 0) + Number(r.total);
    }
    return usage;
  }

  async status(ruleSet: RuleSet, proposed?: ProposedGrant | null, em?: EntityManager): Promise<FrameStatus> {
    return frameStatus(ruleSet, await this.usage(ruleSet, em), proposed);
  }
}
