import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { type HistoryEntry, historyRow } from '../history/history.service';

/** The next number of a prefix's series ($1); the upsert holds the series row until the transaction ends. */
const NEXT = `INSERT INTO diarienummer_series (prefix, next_number) VALUES ($1, 2)
  ON CONFLICT (prefix) DO UPDATE SET next_number = diarienummer_series.next_number + 1
  RETURNING prefix || (next_number - 1) AS d`;

/**
 * Allocates diarienummer "YYRS1234". One upsert per number takes a row lock on the year's series, so
 * concurrent registrations get distinct numbers; a rolled-back transaction leaves a gap (gap-tolerant).
 * Numbers that exist already (imported cases keep their real ones) are skipped.
 */
@Injectable()
export class DiarienummerService {
  /** The next free number, for a case the caller is about to insert with it. */
  async allocate(em: EntityManager, registrationDate: string, series: string): Promise<string> {
    for (;;) {
      const [{ d }]: { d: string }[] = await em.query(NEXT, [prefixOf(registrationDate, series)]);
      const taken: unknown[] = await em.query('SELECT 1 FROM grant_case WHERE diarienummer = $1', [d]);
      if (taken.length === 0) return d;
    }
  }

  /**
   * Gives a registered case the next free number and writes its history entry with the number in
   * `after`, in one statement, to be the transaction's last before COMMIT. Every registration of the year
   * waits on the series row from the upsert to the commit: holding it across further round trips to a
   * busy api would stretch that wait for all of them (and keep their pool connections) while the api
   * got round to sending the next statement.
   */
  async assign(
    em: EntityManager,
    caseId: string,
    registrationDate: string,
    series: string,
    entry: HistoryEntry,
  ): Promise<string> {
    const h = historyRow(entry);
    for (;;) {
      const [row]: { d: string; assigned: boolean }[] = await em.query(
        `WITH n AS (${NEXT}),
         c AS (UPDATE grant_case g SET diarienummer = n.d FROM n
                WHERE g.id = $2::uuid AND NOT EXISTS (SELECT 1 FROM grant_case t WHERE t.diarienummer = n.d)
                RETURNING n.d),
         h AS (INSERT INTO case_history (case_id, actor_id, actor_name, action, before, after, reason, visibility)
                SELECT $2::uuid, $3::uuid, $4::text, $5::text, $6::jsonb,
                       $7::jsonb || jsonb_build_object('diarienummer', c.d), $8::text, $9::text
                  FROM c)
         SELECT n.d, EXISTS (SELECT 1 FROM c) AS assigned FROM n`,
        [
          prefixOf(registrationDate, series),
          caseId,
          h.actorId,
          h.actorName,
          h.action,
          h.before === null ? null : JSON.stringify(h.before),
          JSON.stringify(h.after ?? {}),
          h.reason,
          h.visibility,
        ],
      );
      if (row.assigned) return row.d;
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

const prefixOf = (registrationDate: string, series: string) => `${registrationDate.slice(2, 4)}${series}`;
