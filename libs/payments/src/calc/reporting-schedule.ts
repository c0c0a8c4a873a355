/**
 * A decision's reporting schedule: progress reports (lägesrapporter, each with a financial report) due
 * every `intervalMonths` from the start, the first within that interval, and the final report
 * (slutrapport) `finalDueDays` after the end. Company support usually has no progress reports
 * (`intervalMonths` null): one payment request with the final report. PURE.
 */
export interface ScheduleSettings {
  /** Months between progress reports; null for none. */
  readonly intervalMonths: number | null;
  /** Days after the period's end that the final report is due. */
  readonly finalDueDays: number;
}

export interface ScheduleItem {
  readonly seq: number;
  readonly kind: 'lagesrapport' | 'slutrapport';
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly dueDate: string;
}

function parse(d: string): Date {
  return new Date(`${d}T00:00:00Z`);
}
function fmt(d: Date): string {
  return d.toISOString().slice(0, 10);
}
function addMonths(d: string, months: number): string {
  const x = parse(d);
  const day = x.getUTCDate();
  x.setUTCDate(1);
  x.setUTCMonth(x.getUTCMonth() + months);
  const last = new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth() + 1, 0)).getUTCDate();
  x.setUTCDate(Math.min(day, last));
  return fmt(x);
}
function addDays(d: string, days: number): string {
  const x = parse(d);
  x.setUTCDate(x.getUTCDate() + days);
  return fmt(x);
}

export function reportingSchedule(start: string, end: string, s: ScheduleSettings): ScheduleItem[] {
  const items: ScheduleItem[] = [];
  let from = start;
  if (s.intervalMonths && s.intervalMonths > 0) {
    // Due every interval from the start (so the first within it); each covers costs up to the end
    // of the month before it is due, giving the grantee a month to book and pay them.
    for (let n = 1; n <= 200; n++) {
      const due = addMonths(start, s.intervalMonths * n);
      if (due > end) break;
      const to = addDays(addMonths(start, s.intervalMonths * n - 1), -1);
      if (to < from) continue;
      items.push({
        seq: items.length + 1,
        kind: 'lagesrapport',
        periodFrom: from,
        periodTo: to,
        dueDate: due,
      });
      from = addDays(to, 1);
    }
  }
  items.push({
    seq: items.length + 1,
    kind: 'slutrapport',
    periodFrom: from,
    periodTo: end,
    dueDate: addDays(end, s.finalDueDays),
  });
  return items;
}
