/**
 * Calendar arithmetic on "YYYY-MM-DD" strings. Pure and independent of the process time zone: dates
 * are handled as UTC midnights, and a moment is turned into its Stockholm date with the EU summer-time
 * rule (in force in Sweden since 1996) instead of Intl, which keeps the evaluation fast and exact.
 */
import type { IsoDate, IsoTimestamp } from './types';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return toIsoDate(ms) === value;
}

function toMs(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function toIsoDate(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return toIsoDate(toMs(date) + days * DAY_MS);
}

/** The same day `years` years earlier; 29 February becomes 28 February. */
export function yearsBefore(date: IsoDate, years: number): IsoDate {
  const y = String(Number(date.slice(0, 4)) - years).padStart(4, '0');
  const md = date.slice(5);
  const candidate = `${y}-${md}`;
  return md === '02-29' && !isIsoDate(candidate) ? `${y}-02-28` : candidate;
}

/** First day of the fiscal year that `date` falls in, for a fiscal year starting in `startMonth` (1–12). */
export function fiscalYearStart(date: IsoDate, startMonth: number): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const startYear = month >= startMonth ? year : year - 1;
  return `${String(startYear).padStart(4, '0')}-${String(startMonth).padStart(2, '0')}-01`;
}

/** True when the dated item is in force on `date`: validFrom ≤ date ≤ validTo, open ends allowed. */
export function inForce(
  item: { validFrom: IsoDate | null; validTo: IsoDate | null },
  date: IsoDate,
): boolean {
  return (
    (item.validFrom === null || item.validFrom <= date) && (item.validTo === null || date <= item.validTo)
  );
}

/** Last Sunday of a month, as UTC milliseconds of 01:00 UTC that day (the EU switch moment). */
function lastSundayAt0100Utc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  const sunday = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, monthIndex, sunday, 1);
}

/**
 * The Stockholm calendar date of a moment. A timestamp without an offset is taken to be Stockholm
 * local time already, and a bare date is returned as it is.
 */
export function stockholmDate(moment: IsoTimestamp): IsoDate | null {
  if (DATE.test(moment)) return moment;
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(moment);
  if (!hasZone) {
    const date = moment.slice(0, 10);
    return isIsoDate(date) ? date : null;
  }
  const ms = Date.parse(moment);
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  const summer = ms >= lastSundayAt0100Utc(year, 2) && ms < lastSundayAt0100Utc(year, 9);
  return toIsoDate(ms + (summer ? 2 : 1) * 3_600_000);
}
