import { inForce } from './dates';
import type { IsoDate, RuleSet, RusCatalogue } from './types';

/**
 * The dated document in force on `date` (validFrom ≤ date and validTo open or ≥ date), preferring the
 * latest validFrom when several overlap; ties keep the first in the list. Null when none applies.
 */
export function selectInForce<T extends { validFrom: IsoDate; validTo: IsoDate | null }>(
  items: readonly T[],
  date: IsoDate,
): T | null {
  let best: T | null = null;
  for (const item of items) {
    if (!inForce(item, date)) continue;
    if (best === null || item.validFrom > best.validFrom) best = item;
  }
  return best;
}

/** The inriktningsbeslut in force on a date. */
export function selectRuleSet(ruleSets: readonly RuleSet[], date: IsoDate): RuleSet | null {
  return selectInForce(ruleSets, date);
}

/** The RUS catalogue version in force on a date. */
export function selectRusCatalogue(catalogues: readonly RusCatalogue[], date: IsoDate): RusCatalogue | null {
  return selectInForce(catalogues, date);
}
