/**
 * What a person typed as an amount, as the API receives it: whole kronor as a number when it is one
 * (spaces allowed as thousands separators), otherwise the text as typed, so that the API's own check
 * names the field and says what is wrong.
 */
export function parseAmount(typed: string): number | string | undefined {
  const t = typed.replace(/[\s\u00a0]/g, '');
  if (t === '') return undefined;
  return /^\d{1,15}$/.test(t) ? Number(t) : typed;
}

/** The sum of the amounts that are whole kronor, for the running total beside the table. */
export function sumAmounts(typed: string[]): number {
  return typed.reduce((sum, t) => {
    const v = parseAmount(t);
    return typeof v === 'number' ? sum + v : sum;
  }, 0);
}
