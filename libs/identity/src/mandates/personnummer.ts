import Personnummer from 'personnummer';

/** A personnummer (or samordningsnummer) as 12 digits YYYYMMDDNNNN, or null when it is not one. */
export function normalisePersonnummer(input: unknown): string | null {
  if (typeof input !== 'string' || !/^[\d+\s-]{10,15}$/.test(input)) return null;
  try {
    return Personnummer.valid(input) ? Personnummer.parse(input).format(true) : null;
  } catch {
    return null;
  }
}

/** The organisationsnummer of a sole trader is the personnummer in its 10-digit form, YYMMDD-NNNN. */
export function soleTraderNumber(personnummer12: string): string {
  return `${personnummer12.slice(2, 8)}-${personnummer12.slice(8)}`;
}
