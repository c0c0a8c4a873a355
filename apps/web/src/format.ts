const kronor = new Intl.NumberFormat('sv-SE', {
  style: 'currency',
  currency: 'SEK',
  maximumFractionDigits: 0,
  minimumFractionDigits: 0,
});
const percent = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 1 });

/** `432 000 kr`: whole kronor, Swedish grouping. */
export function formatKronor(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return '–';
  return kronor.format(amount);
}

/** `90 %` from basis points (9000). */
export function formatBasisPoints(bp: number): string {
  return percent.format(bp / 10000);
}

/** `2019-11-18` from a date or timestamp the API gave. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '–';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(value));
}

/** `2019-11-18 14:05`. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '–';
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(value));
}
