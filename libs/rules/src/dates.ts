/**
 * Calendar arithmetic on "YYYY-MM-DD" strings. Pure and independent of the process time zone: dates
 * are counted as days since 1970-01-01 with integer arithmetic (no Date objects on the hot path), and a
 * moment is turned into its Stockholm date with the EU summer-time rule (in force in Sweden since
 * 1996) instead of Intl, which keeps the evaluation fast and exact.
 */
import type { IsoDate, IsoTimestamp } from './types';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The date of a day count (H. Hinnant's civil_from_days). */
function civilFromDays(days: number): IsoDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function toDays(date: IsoDate): number {
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && DATE.test(value) && civilFromDays(toDays(value)) === value;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return civilFromDays(toDays(date) + days);
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

/** The EU switch moment, 01:00 UTC on the last Sunday of a month, in milliseconds. */
function lastSundayAt0100Utc(year: number, month: number): number {
  const last = daysFromCivil(year, month + 1, 1) - 1; // months past 12 roll over correctly
  const weekday = (((last + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4); Sunday is 0
  return (last - weekday) * DAY_MS + 3_600_000;
}

/**
 * The Stockholm calendar date of a moment. A timestamp without an offset is taken to be Stockholm
 * local time already, and a bare date is returned as it is.
 */
export function stockholmDate(moment: IsoTimestamp): IsoDate | null {
  if (DATE.test(moment)) return isIsoDate(moment) ? moment : null;
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(moment);
  if (!hasZone) {
    const date = moment.slice(0, 10);
    return isIsoDate(date) ? date : null;
  }
  const ms = Date.parse(moment);
  if (Number.isNaN(ms)) return null;
  const year = Number(civilFromDays(Math.floor(ms / DAY_MS)).slice(0, 4));
  const summer = ms >= lastSundayAt0100Utc(year, 3) && ms < lastSundayAt0100Utc(year, 10);
  return civilFromDays(Math.floor((ms + (summer ? 2 : 1) * 3_600_000) / DAY_MS));
}
