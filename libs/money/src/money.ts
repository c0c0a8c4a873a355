/**
 * Money is whole kronor held in a JavaScript number that is always a safe integer, and shares are
 * integer basis points (1 % = 100 bp). This file is the one place where money is rounded.
 */

export type Kronor = number;
export type BasisPoints = number;

export class MoneyError extends Error {}

export function assertKronor(value: number, what = 'belopp'): Kronor {
  if (!Number.isSafeInteger(value)) throw new MoneyError(`${what} måste vara hela kronor`);
  return value;
}

/**
 * share × amount, rounded down to whole kronor: a grant is never more than the share allows.
 * Computed in bigint so that large amounts cannot lose precision.
 */
export function applyShare(amount: Kronor, share: BasisPoints): Kronor {
  assertKronor(amount);
  assertKronor(share, 'andel');
  const product = (BigInt(amount) * BigInt(share)) / 10000n; // bigint division truncates toward zero
  const result = amount < 0 && (BigInt(amount) * BigInt(share)) % 10000n !== 0n ? product - 1n : product;
  return Number(result);
}

/**
 * The share that `part` is of `whole`, in basis points rounded up: used to check "at most 50 %", so
 * 150 001 of 300 000 (50.0003 %) counts as above 50 %.
 */
export function shareOf(part: Kronor, whole: Kronor): BasisPoints {
  assertKronor(part);
  assertKronor(whole);
  if (whole <= 0) return part > 0 ? Number.POSITIVE_INFINITY : 0;
  const n = BigInt(part) * 10000n;
  const w = BigInt(whole);
  return Number(n % w === 0n ? n / w : n / w + 1n);
}

/** True when part/whole is at most the share, compared exactly in integers. */
export function withinShare(part: Kronor, whole: Kronor, share: BasisPoints): boolean {
  return BigInt(part) * 10000n <= BigInt(whole) * BigInt(share);
}

export function sum(values: readonly Kronor[]): Kronor {
  let total = 0;
  for (const v of values) total += v;
  return assertKronor(total, 'summa');
}

/** Converts euro to kronor at a rate given in öre per euro (e.g. 1098 = 10.98 SEK/EUR), rounded down. */
export function eurToSek(eur: number, rateOrePerEur: number): Kronor {
  assertKronor(eur, 'euro');
  assertKronor(rateOrePerEur, 'kurs');
  return Number((BigInt(eur) * BigInt(rateOrePerEur)) / 100n);
}

/** Converts kronor to euro at a rate in öre per euro, rounded up (the cautious side for aid ceilings). */
export function sekToEur(sek: Kronor, rateOrePerEur: number): number {
  assertKronor(sek);
  assertKronor(rateOrePerEur, 'kurs');
  const n = BigInt(sek) * 100n;
  const r = BigInt(rateOrePerEur);
  return Number(n % r === 0n ? n / r : n / r + 1n);
}

const NBSP = '\u00a0';

/** "432 000 kr": Swedish grouping with a (non-breaking) space, as in the letters. */
export function formatKronor(amount: Kronor, opts: { unit?: boolean; space?: string } = {}): string {
  const space = opts.space ?? NBSP;
  const negative = amount < 0;
  const digits = String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, space);
  return `${negative ? '−' : ''}${digits}${opts.unit === false ? '' : `${space}kr`}`;
}

/** "90 %", "50,5 %" */
export function formatShare(share: BasisPoints): string {
  const whole = Math.trunc(share / 100);
  const rest = share % 100;
  const decimals = rest === 0 ? '' : `,${String(rest).padStart(2, '0').replace(/0$/, '')}`;
  return `${whole}${decimals}${NBSP}%`;
}

/**
 * Parses an amount as a person writes it in a Swedish budget ("75 000", "1 675 505", "432000").
 * Refuses anything that is not cleanly grouped in threes, so the seed's "75 00" is an error, not 7 500.
 */
export function parseKronor(text: string): Kronor {
  const t = text
    .replace(/\u00a0/g, ' ')
    .trim()
    .replace(/\s*kr$/i, '');
  if (/^-?\d+$/.test(t)) return assertKronor(Number(t));
  if (/^-?\d{1,3}( \d{3})+$/.test(t)) return assertKronor(Number(t.replace(/ /g, '')));
  throw new MoneyError(`"${text}" är inte ett belopp i hela kronor (tusental grupperas tre och tre)`);
}

/**
 * Simple interest on a claim: amount × yearly rate (basis points) × days / 365, rounded down to whole
 * kronor (never more than the debtor owes). Used for the interest on a recovery (återkrav).
 */
export function simpleInterest(amount: Kronor, yearlyRate: BasisPoints, days: number): Kronor {
  assertKronor(amount);
  assertKronor(yearlyRate, 'räntesats');
  assertKronor(days, 'dagar');
  if (amount <= 0 || yearlyRate <= 0 || days <= 0) return 0;
  return Number((BigInt(amount) * BigInt(yearlyRate) * BigInt(days)) / (10000n * 365n));
}
