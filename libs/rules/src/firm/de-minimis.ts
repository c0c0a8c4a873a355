import { eurToSek, formatKronor, sekToEur } from '@anslag/money';
import { fail, pass } from '../checks';
import { addDays, fiscalYearStart, inForce, yearsBefore } from '../dates';
import type {
  Check,
  DeMinimisAid,
  DeMinimisCeiling,
  DeMinimisRegime,
  DeMinimisSettings,
  DeMinimisStatus,
  ExchangeRate,
  IsoDate,
} from '../types';

/**
 * The Commission's monthly (InforEuro) rate for the month of `date`: the entry whose month is the
 * date's own. A month without a loaded rate gives null, never an earlier month's rate: aid is converted
 * at the rate of the month it was granted in (1407/2013 art. 3.9, 2023/2831 art. 3.4).
 */
export function rateOn(rates: readonly ExchangeRate[], date: IsoDate): ExchangeRate | null {
  const month = date.slice(0, 7);
  let best: ExchangeRate | null = null;
  for (const r of rates) {
    if (r.from.slice(0, 7) !== month || r.from > date) continue;
    if (best === null || r.from > best.from) best = r;
  }
  return best;
}

const kindOf = (r: DeMinimisRegime) => r.kind ?? 'general';

/** The general de minimis regime in force on a date (1407/2013 until 2023, 2023/2831 from 2024). */
export function regimeOn(settings: DeMinimisSettings, date: IsoDate): DeMinimisRegime | null {
  for (const r of settings.regimes) if (kindOf(r) === 'general' && inForce(r, date)) return r;
  return null;
}

export function regimeByCode(settings: DeMinimisSettings, code: string): DeMinimisRegime | null {
  return settings.regimes.find((r) => r.code === code) ?? null;
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

/**
 * Whether an aid counts toward a regime's ceiling. Aid with no regulation recorded, or one the settings
 * do not know, is taken as general de minimis aid (the cautious reading: it counts toward that ceiling).
 */
function counts(
  regime: DeMinimisRegime,
  aid: DeMinimisAid,
  general: readonly string[],
  known: Set<string>,
): boolean {
  const under = regime.countsAidUnder ?? [regime.code];
  if (aid.regulation && known.has(aid.regulation)) return under.includes(aid.regulation);
  return general.some((g) => under.includes(g));
}

type Used = { eur: number } | { missingRate: IsoDate } | { invalid: true };

/** Aid in the window, in whole euro; SEK converted at the rate of its own grant month (rounded up). */
function usedEur(
  regime: DeMinimisRegime,
  aid: readonly DeMinimisAid[],
  rates: readonly ExchangeRate[],
  from: IsoDate,
  to: IsoDate,
  general: readonly string[],
  known: Set<string>,
): Used {
  let eur = 0;
  for (const a of aid) {
    if (a.date < from || a.date > to || !counts(regime, a, general, known)) continue;
    if (!Number.isSafeInteger(a.amount) || a.amount < 0) return { invalid: true };
    if (a.currency === 'EUR') {
      eur += a.amount;
      continue;
    }
    const rate = rateOn(rates, a.date);
    if (!rate) return { missingRate: a.date };
    eur += sekToEur(a.amount, rate.orePerEur);
  }
  return { eur };
}

export interface DeMinimisResult {
  status: DeMinimisStatus | null;
  check: Check;
}

/**
 * The ceilings a grant under `regime` is checked against: its own, and every other kind's ceiling in
 * force that counts aid under it (a general grant also counts toward the SGEI ceiling of 360/2012).
 */
function ceilingsFor(settings: DeMinimisSettings, regime: DeMinimisRegime, date: IsoDate): DeMinimisRegime[] {
  const others = settings.regimes.filter(
    (q) =>
      q !== regime &&
      kindOf(q) !== kindOf(regime) &&
      inForce(q, date) &&
      (q.countsAidUnder ?? [q.code]).includes(regime.code),
  );
  return [regime, ...others];
}

/**
 * The de minimis room for a decision on `date` under `regime`, and whether `grant` fits in it. The aid
 * is that of the single undertaking (the caller passes the whole group's). A grant that would pass a
 * ceiling cannot be given, not even the part that fits (1407/2013 art. 3.7, 2023/2831 art. 3.6): the
 * check refuses and the room is reported so a smaller application can be considered.
 */
export function assessDeMinimis(
  settings: DeMinimisSettings,
  regime: DeMinimisRegime | null,
  aid: readonly DeMinimisAid[],
  date: IsoDate,
  grant: number,
  fiscalYearStartMonth: number | undefined,
  undertaking: readonly string[] = [],
): DeMinimisResult {
  const ref = regime?.ref ?? { source: 'Regler om stöd av mindre betydelse (de minimis)' };
  const rate = rateOn(settings.exchangeRates, date);
  if (!regime || !rate) {
    const reason = regime
      ? `Ingen växelkurs (kommissionens månadskurs, InforEuro) är inläst för ${date.slice(0, 7)}; utrymmet för stöd av mindre betydelse kan inte beräknas.`
      : `Ingen de minimis-förordning är angiven för ${date}; utrymmet för stöd av mindre betydelse kan inte beräknas.`;
    return { status: null, check: fail('de_minimis', 'refusal', reason, ref) };
  }
  const general = settings.regimes.filter((r) => kindOf(r) === 'general').map((r) => r.code);
  const known = new Set(settings.regimes.flatMap((r) => [r.code, ...(r.countsAidUnder ?? [])]));
  const ceilings: DeMinimisCeiling[] = [];
  for (const q of ceilingsFor(settings, regime, date)) {
    const from = windowStart(q, date, fiscalYearStartMonth);
    const used = usedEur(q, aid, settings.exchangeRates, from, date, general, known);
    if ('invalid' in used) {
      const reason =
        'Intyget om stöd av mindre betydelse innehåller ett ogiltigt belopp (hela kronor eller euro krävs).';
      return { status: null, check: fail('de_minimis', 'refusal', reason, ref) };
    }
    if ('missingRate' in used) {
      const reason = `Ingen växelkurs (InforEuro) är inläst för ${used.missingRate.slice(0, 7)}, den månad ett tidigare stöd beviljades; utrymmet kan inte beräknas.`;
      return { status: null, check: fail('de_minimis', 'refusal', reason, ref) };
    }
    const roomEur = Math.max(0, q.ceilingEur - used.eur);
    ceilings.push({
      regime: q.code,
      ceilingEur: q.ceilingEur,
      windowFrom: from,
      usedEur: used.eur,
      roomEur,
      roomSek: eurToSek(roomEur, rate.orePerEur),
    });
  }
  const own = ceilings[0];
  const binding = ceilings.reduce((a, b) => (b.roomSek < a.roomSek ? b : a));
  const status: DeMinimisStatus = {
    regime: regime.code,
    regimeTitle: regime.title,
    officialJournal: regime.officialJournal ?? null,
    ceilingEur: own.ceilingEur,
    windowFrom: own.windowFrom,
    windowTo: date,
    usedEur: own.usedEur,
    roomEur: own.roomEur,
    orePerEur: rate.orePerEur,
    rateFrom: rate.from,
    roomSek: binding.roomSek,
    centralRegister: !!regime.centralRegisterFrom && regime.centralRegisterFrom <= date,
    ceilings,
  };
  const who =
    undertaking.length > 0
      ? `det enda företaget (sökanden tillsammans med ${undertaking.join(', ')})`
      : 'företaget';
  const rateFmt = `${(rate.orePerEur / 100).toFixed(2).replace('.', ',')} kr/euro (${rate.from.slice(0, 7)})`;
  const parts = ceilings.map(
    (c) =>
      `${c.regime}: taket ${fmtEur(c.ceilingEur)} under perioden ${c.windowFrom}–${date}, ${who} har fått ${fmtEur(c.usedEur)}, utrymmet är ${fmtEur(c.roomEur)}`,
  );
  const head = `Stöd av mindre betydelse enligt ${parts.join('; ')}. Kurs ${rateFmt}`;
  if (grant > binding.roomSek) {
    const reason = `${head}: utrymmet är ${formatKronor(binding.roomSek)}. Ett stöd på ${formatKronor(grant)} skulle överskrida taket enligt ${binding.regime} och kan inte ges, inte ens delvis.`;
    return { status, check: fail('de_minimis', 'refusal', reason, regime.ref) };
  }
  const reason = `${head}: ett stöd på ${formatKronor(grant)} ryms inom utrymmet ${formatKronor(binding.roomSek)}.`;
  return { status, check: pass('de_minimis', reason, regime.ref) };
}
