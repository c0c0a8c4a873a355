import { Injectable } from '@nestjs/common';

/**
 * The time source. Decisions are date-sensitive (which rules are in force, which diarienummer year),
 * so services ask the Clock and tests may set it.
 */
@Injectable()
export class Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  /** The calendar date in Europe/Stockholm as YYYY-MM-DD. */
  today(): string {
    return stockholmDate(this.now());
  }

  set(at: Date | null): void {
    this.fixed = at;
  }
}

const formatter = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The last minute formatted: Stockholm's offsets are whole hours, so a date holds for a whole UTC minute. */
let last = { minute: NaN, date: '' };

export function stockholmDate(at: Date): string {
  const minute = Math.floor(at.getTime() / 60_000);
  if (minute !== last.minute) last = { minute, date: formatter.format(at) };
  return last.date;
}
