import { DomainError } from '@anslag/common';

/** Refuses a period that ends before it begins; dates are `YYYY-MM-DD`, so text order is date order. */
export function assertPeriod(from: string, to: string): void {
  if (from > to)
    throw DomainError.validation('from', `från och med (${from}) ligger efter till och med (${to})`);
}

/** "2019-11-01 – 2019-12-03", as the report writes its period. */
export const periodText = (from: string, to: string) => `${from} – ${to}`;

/** A Content-Disposition value; the name is ASCII (the period's dates), so no encoding is needed. */
export const attachment = (filename: string) => `attachment; filename="${filename}"`;
