/**
 * Small charts drawn with plain HTML and CSS, no charting library: each is hidden from screen readers
 * (aria-hidden), because the table beside it holds the same figures and is the accessible version. Every
 * bar carries its figure as text, so nothing is told by colour or length alone.
 */

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** The figure as shown, e.g. `432 000 kr` or `24 %`. */
  text: string;
}

/** Horizontal bars, longest at the largest value (or at `max` when given, e.g. 1 for shares). */
export function BarChart({ bars, max }: { bars: Bar[]; max?: number }) {
  const top = max ?? Math.max(0, ...bars.map((b) => b.value));
  return (
    <div className="chart" aria-hidden="true">
      {bars.map((b) => (
        <div className="chart__row" key={b.key}>
          <span className="chart__label">{b.label}</span>
          <span className="chart__track">
            <span className="chart__bar" style={{ width: `${top > 0 ? (b.value / top) * 100 : 0}%` }} />
          </span>
          <span className="chart__value">{b.text}</span>
        </div>
      ))}
    </div>
  );
}

export interface Usage {
  key: string;
  label: string;
  used: number;
  /** The amount to use, or null when there is none (the bar then shows the use alone). */
  amount: number | null;
  text: string;
}

/** Use against an amount: the outlined track is the amount, the filled part what is used of it. */
export function UsageChart({ items }: { items: Usage[] }) {
  const top = Math.max(0, ...items.map((i) => Math.max(i.used, i.amount ?? 0)));
  const pct = (n: number) => `${top > 0 ? (n / top) * 100 : 0}%`;
  return (
    <div className="chart" aria-hidden="true">
      {items.map((i) => (
        <div className="chart__row" key={i.key}>
          <span className="chart__label">{i.label}</span>
          <span className="chart__track">
            {i.amount !== null && <span className="chart__amount" style={{ width: pct(i.amount) }} />}
            <span className="chart__bar" style={{ width: pct(i.used) }} />
          </span>
          <span className="chart__value">{i.text}</span>
        </div>
      ))}
    </div>
  );
}
