import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * Allocates diarienummer "YYRS1234". One upsert per number takes a row lock on the year's series, so
 * concurrent registrations get distinct numbers; a rolled-back transaction leaves a gap (gap-tolerant).
 * Numbers that exist already (imported cases keep their real ones) are skipped.
 */
@Injectable()
export class DiarienummerService {
  async allocate(em: EntityManager, registrationDate: string, series: string): Promise<string> {
    const prefix = `${registrationDate.slice(2, 4)}${series}`;
    for (;;) {
      const rows: { n: number }[] = await em.query(
        `INSERT INTO diarienummer_series (prefix, next_number) VALUES ($1, 2)
         ON CONFLICT (prefix) DO UPDATE SET next_number = diarienummer_series.next_number + 1
         RETURNING next_number - 1 AS n`,
        [prefix],
      );
      const candidate = `${prefix}${rows[0].n}`;
      const taken: unknown[] = await em.query('SELECT 1 FROM grant_case WHERE diarienummer = $1', [
        candidate,
      ]);
      if (taken.length === 0) return candidate;
    }
  }

  /** After importing cases with real numbers, continue each series after the highest one. */
  async advancePast(em: EntityManager, diarienummer: string): Promise<void> {
    const m = /^(\d{2}[A-Z]+)(\d+)$/.exec(diarienummer);
    if (!m) return;
    await em.query(
      `INSERT INTO diarienummer_series (prefix, next_number) VALUES ($1, $2)
       ON CONFLICT (prefix) DO UPDATE SET next_number = GREATEST(diarienummer_series.next_number, EXCLUDED.next_number)`,
      [m[1], Number(m[2]) + 1],
    );
  }
}
