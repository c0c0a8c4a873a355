import { eurToSek, formatKronor, sekToEur } from '@anslag/money';
import { fail, pass } from '../checks';
import { addDays, fiscalYearStart, inForce, yearsBefore } from '../dates';
import type {
  Check,
  DeMinimisAid,
  DeMinimisRegime,
  DeMinimisSettings,
  DeMinimisStatus,
  ExchangeRate,
  IsoDate,
} from '../types';

/** The rate in force on a date: the latest entry from that date or earlier. */
export function rateOn(rates: readonly ExchangeRate[], date: IsoDate): ExchangeRate | null {
  let best: ExchangeRate | null = null;
  for (const r of rates) if (r.from <= date && (best === null || r.from > best.from)) best = r;
  return best;
}

export function regimeOn(settings: DeMinimisSettings, date: IsoDate): DeMinimisRegime | null {
  for (const r of settings.regimes) if (inForce(r, date)) return r;
  return null;
}

/**
 * First day of the window the ceiling is counted over, for a decision on `date`.
 * 1407/2013: the current and the two previous fiscal years. 2023/2831: any three-year period, so the
 * three years that end on the decision day.
 */
export function windowStart(regime: DeMinimisRegime, date: IsoDate, fiscalYearStartMonth = 1): IsoDate {
  const years = regime.window.years;
  if (regime.window.kind === 'fiscal_years') {
    return yearsBefore(fiscalYearStart(date, fiscalYearStartMonth), years - 1);
  }
  return addDays(yearsBefore(date, years), 1);
}

function fmtEur(eur: number): string {
  return `${formatKronor(eur, { unit: false })}\u00a0euro`;
}

/** Aid in the window, in whole euro; SEK converted at the rate of the day it was granted (rounded up). */
function usedEur(
  aid: readonly DeMinimisAid[],
  settings: DeMinimisSettings,
  from: IsoDate,
  to: IsoDate,
  fallback: ExchangeRate,
): number | null {
  let used = 0;
  for (const a of aid) {
    if (a.date < from || a.date > to) continue;
    if (!Number.isSafeInteger(a.amount) || a.amount < 0) return null;
    if (a.currency === 'EUR') used += a.amount;
    else used += sekToEur(a.amount, (rateOn(settings.exchangeRates, a.date) ?? fallback).orePerEur);
  }
  return used;
}

export interface DeMinimisResult {
  status: DeMinimisStatus | null;
  check: Check;
}

/**
 * The de minimis room for a decision on `date`, and whether `grant` fits in it. A grant that would
 * pass the ceiling cannot be given, not even the part that fits (1407/2013 art. 3.7, 2023/2831
 * art. 3.6): the check refuses and the room is reported so a smaller application can be considered.
 */
export function assessDeMinimis(
  settings: DeMinimisSettings,
  aid: readonly DeMinimisAid[],
  date: IsoDate,
  grant: number,
  fiscalYearStartMonth: number | undefined,
): DeMinimisResult {
  const regime = regimeOn(settings, date);
  const ref = regime?.ref ?? { source: 'Regler om stöd av mindre betydelse (de minimis)' };
  const rate = rateOn(settings.exchangeRates, date);
  if (!regime || !rate) {
    const what = regime ? 'växelkurs' : 'de minimis-förordning';
    const reason = `Ingen ${what} är angiven för ${date}; utrymmet för stöd av mindre betydelse kan inte beräknas.`;
    return { status: null, check: fail('de_minimis', 'refusal', reason, ref) };
  }
  const from = windowStart(regime, date, fiscalYearStartMonth);
  const used = usedEur(aid, settings, from, date, rate);
  if (used === null) {
    const reason =
      'Intyget om stöd av mindre betydelse innehåller ett ogiltigt belopp (hela kronor eller euro krävs).';
    return { status: null, check: fail('de_minimis', 'refusal', reason, ref) };
  }
  const roomEur = Math.max(0, regime.ceilingEur - used);
  const roomSek = eurToSek(roomEur, rate.orePerEur);
  const status: DeMinimisStatus = {
    regime: regime.code,
    ceilingEur: regime.ceilingEur,
    windowFrom: from,
    windowTo: date,
    usedEur: used,
    roomEur,
    orePerEur: rate.orePerEur,
    roomSek,
  };
  const head = `Stöd av mindre betydelse (${regime.code}): taket är ${fmtEur(regime.ceilingEur)} under perioden ${from}–${date}; företaget har fått ${fmtEur(used)}`;
  if (grant > roomSek) {
    const reason = `${head}, utrymmet är ${fmtEur(roomEur)} (${formatKronor(roomSek)}). Ett stöd på ${formatKronor(grant)} skulle överskrida taket och kan inte ges, inte ens delvis.`;
    return { status, check: fail('de_minimis', 'refusal', reason, ref) };
  }
  const reason = `${head}; ett stöd på ${formatKronor(grant)} ryms inom utrymmet ${fmtEur(roomEur)} (${formatKronor(roomSek)}).`;
  return { status, check: pass('de_minimis', reason, ref) };
}
