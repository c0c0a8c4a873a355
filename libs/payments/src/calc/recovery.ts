import { type BasisPoints, type Kronor, simpleInterest } from '@anslag/money';

/**
 * Interest on a recovery (återkrav), as rates are data: each period of a rate table (e.g. the
 * reference rate plus a margin, per half-year) applies to the days it covers. PURE.
 */
export interface RatePeriod {
  readonly from: string;
  /** Inclusive; null while in force. */
  readonly to: string | null;
  readonly yearlyRateBp: BasisPoints;
}

export interface InterestLine {
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly rateBp: BasisPoints;
  readonly amount: Kronor;
}

const DAY = 86_400_000;
const t = (d: string) => Date.parse(`${d}T00:00:00Z`);
const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Interest on `amount` from `from` (first day counted) to `to` (last day counted), per rate period. */
export function recoveryInterest(
  amount: Kronor,
  from: string,
  to: string,
  rates: readonly RatePeriod[],
): { total: Kronor; lines: InterestLine[] } {
  const lines: InterestLine[] = [];
  if (to < from) return { total: 0, lines };
  for (const r of [...rates].sort((a, b) => a.from.localeCompare(b.from))) {
    const start = Math.max(t(from), t(r.from));
    const end = Math.min(t(to), r.to ? t(r.to) : Number.POSITIVE_INFINITY);
    if (end < start) continue;
    const days = Math.round((end - start) / DAY) + 1;
    lines.push({
      from: fmt(start),
      to: fmt(end),
      days,
      rateBp: r.yearlyRateBp,
      amount: simpleInterest(amount, r.yearlyRateBp, days),
    });
  }
  return { total: lines.reduce((s, l) => s + l.amount, 0), lines };
}
