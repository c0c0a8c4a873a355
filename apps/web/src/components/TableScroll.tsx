import type { ReactNode } from 'react';

/**
 * A wide table's scrolling box, reachable and scrollable with the keyboard and named for screen readers
 * (at 360 px most tables scroll sideways).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
