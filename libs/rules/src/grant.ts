import { formatKronor } from '@anslag/money';
import { fail, formatRef, pass } from './checks';
import type { Check, GrantTerm, GrantTermCode, MaxGrant, Outcome, RuleRef } from './types';

export function term(code: GrantTermCode, amount: number, reason: string, ref: RuleRef): GrantTerm {
  return { term: code, amount, reason, ref: formatRef(ref) };
}

/** The smallest of the terms, or nothing at all when the case cannot be granted. */
export function buildMaxGrant(terms: GrantTerm[], outcome: Outcome): MaxGrant {
  let amount = Number.POSITIVE_INFINITY;
  for (const t of terms) if (t.amount < amount) amount = t.amount;
  if (outcome === 'not_eligible' || terms.length === 0) return { amount: 0, terms, limitedBy: [] };
  return { amount, terms, limitedBy: terms.filter((t) => t.amount === amount).map((t) => t.term) };
}

/** The smallest term so far: what the region would grant before the de minimis ceiling is looked at. */
export function smallestTerm(terms: readonly GrantTerm[]): number {
  let amount = Number.POSITIVE_INFINITY;
  for (const t of terms) if (t.amount < amount) amount = t.amount;
  return amount === Number.POSITIVE_INFINITY ? 0 : amount;
}

/** The amount applied for must be whole kronor above zero. */
export function checkApplied(applied: number, ref: RuleRef): Check | null {
  if (Number.isSafeInteger(applied) && applied > 0) return null;
  return fail('grant.applied', 'refusal', `Sökt belopp (${applied}) måste vara hela kronor över noll.`, ref);
}

/** A cap that lowers the amount applied for is a remark; one that does not is a passed check. */
export function capCheck(
  rule: string,
  cap: GrantTerm,
  applied: number,
  within: string,
  above: string,
): Check {
  const ref = { source: cap.ref };
  if (applied > cap.amount) {
    return fail(rule, 'remark', `${above} Stödet begränsas till ${formatKronor(cap.amount)}.`, ref);
  }
  return pass(rule, within, ref);
}
