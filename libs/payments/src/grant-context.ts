import { EntityManager } from 'typeorm';
import { AccessService, BudgetLine, GrantCase, Organisation } from '@anslag/cases';
import type { Principal } from '@anslag/auth';
import { DomainError, stockholmDate } from '@anslag/common';
import { Decision } from '@anslag/decisions';
import { shareOf, sum } from '@anslag/money';
import type { PaymentSettings } from './payment-settings.service';

/** A granted decision with what payments need: the amount in force, the share, the period, the payee. */
export interface GrantContext {
  decision: Decision;
  grantCase: GrantCase;
  organisation: Organisation;
  /** The latest signed decision of the chain (a change decision replaces the amount). */
  grantAmount: number;
  shareBp: number;
  periodStart: string;
  periodEnd: string;
  receivedDate: string;
}

function addMonthsMinusDay(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Loads the grant behind a decision id, or 404 (also for an applicant who may not see it). Only a
 * signed original decision that grants money can be paid against.
 */
export async function loadGrant(
  em: EntityManager,
  access: AccessService,
  p: Principal,
  decisionId: string,
  settings: PaymentSettings,
): Promise<GrantContext> {
  const decision = await em.findOne(Decision, { where: { id: decisionId } });
  if (!decision || decision.status !== 'signerat' || decision.kind !== 'beslut')
    throw DomainError.notFound('Beslutet');
  const grantCase = await em.findOneOrFail(GrantCase, { where: { id: decision.caseId } });
  await access.assertOrganisation(p, grantCase.organisationId, 'Beslutet', em);
  if (decision.outcome === 'avslag') throw new DomainError('NOT_A_GRANT', 'Ett avslag kan inte betalas ut');
  const organisation = await em.findOneOrFail(Organisation, { where: { id: grantCase.organisationId } });
  const [latest] = await em.query(
    `WITH RECURSIVE chain AS (
       SELECT id, amount, share_bp, signed_at FROM decision WHERE id = $1
       UNION ALL
       SELECT d.id, d.amount, d.share_bp, d.signed_at FROM decision d JOIN chain c ON d.amends_decision_id = c.id
       WHERE d.status = 'signerat')
     SELECT amount, share_bp FROM chain ORDER BY signed_at DESC NULLS LAST LIMIT 1`,
    [decision.id],
  );
  const grantAmount = Number(latest?.amount ?? decision.amount ?? 0);
  let shareBp = latest?.share_bp ?? decision.shareBp;
  if (shareBp == null) {
    // Company support decided without a stated share: the grant's share of the costs applied for.
    const lines = await em.find(BudgetLine, { where: { caseId: grantCase.id, kind: 'cost' } });
    const costs = sum(lines.map((l) => l.amount));
    shareBp = costs > 0 ? Math.min(10000, shareOf(grantAmount, costs)) : 10000;
  }
  const periodStart =
    decision.earliestStart ?? grantCase.periodStart ?? grantCase.plannedStart ?? decision.decisionDate;
  const periodEnd =
    decision.latestEnd ??
    grantCase.periodEnd ??
    addMonthsMinusDay(periodStart, settings.companySupportPeriodMonths);
  const receivedDate = grantCase.receivedAt
    ? stockholmDate(grantCase.receivedAt)
    : (grantCase.registrationDate ?? periodStart);
  return { decision, grantCase, organisation, grantAmount, shareBp, periodStart, periodEnd, receivedDate };
}
