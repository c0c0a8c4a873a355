import Organisationsnummer from 'organisationsnummer';

/**
 * Normalises an organisationsnummer (or a sole trader's personnummer) to NNNNNN-NNNN, or returns null
 * when it is not one (wrong length, bad Luhn check digit).
 */
export function normaliseOrganisationsnummer(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d{10}$|^\d{12}$/.test(digits)) return null;
  try {
    if (!Organisationsnummer.valid(input)) return null;
    return Organisationsnummer.parse(input).format();
  } catch {
    return null;
  }
}
