import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { insertRows, type RowsInsert } from '@anslag/database';
import { CaseHistory, HistoryVisibility } from '../entities/case-history.entity';

export interface HistoryEntry {
  caseId: string;
  actor: Pick<Principal, 'userId' | 'username'> | null;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  /** Defaults to the action's visibility (HISTORY_VISIBILITY), and to internal for any other action. */
  visibility?: HistoryVisibility;
}

/**
 * Who sees each action in the history. Public: what the parties do or are told (the application and its
 * changes, attachments, the life cycle, the signed decision). Internal: the officers' own work before a
 * decision (assessment, drafts, jäv declarations, the reasons a signer gives for going above the assessment).
 */
export const HISTORY_VISIBILITY: Record<string, HistoryVisibility> = {
  skapad: 'public',
  ändrad: 'public',
  bilaga_tillagd: 'public',
  skicka_in: 'public',
  paborja_handlaggning: 'public',
  begar_komplettering: 'public',
  lamna_komplettering: 'public',
  ateruppta_handlaggning: 'public',
  aterkalla: 'public',
  beslut_fattat: 'public',
  ändringsbeslut_fattat: 'public',
  bedömd: 'internal',
  beslut_utformat: 'internal',
  beslut_ändrat_utkast: 'internal',
  ändringsbeslut_utformat: 'internal',
  beslut_motiverat: 'internal',
  jäv_anmält: 'internal',
  organisation_ändrad: 'public',
  tätort_rättad: 'public',
  importerad: 'public',
  // Payments: what the recipient asks for and is told is public; the officers' checks and batches are not.
  rapportplan_andrad: 'public',
  utbetalningsansokan_skapad: 'public',
  utbetalningsansokan_inskickad: 'public',
  utbetalningsansokan_granskad: 'internal',
  forskott_foreslaget: 'internal',
  utbetalning_i_betalfil: 'internal',
  utbetalning_makulerad: 'internal',
  utbetalning_betald: 'public',
  aterkrav_utkast: 'internal',
  aterkrav_beslutat: 'public',
  aterkrav_reglerat: 'public',
  arende_avslutat: 'public',
};

/** Writes to the append-only case history, always inside the caller's transaction. */
@Injectable()
export class HistoryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(em: EntityManager, e: HistoryEntry): Promise<void> {
    await em.createQueryBuilder().insert().into(CaseHistory).values(historyRow(e)).execute();
  }

  /** The entry's INSERT, not yet sent (for insertTogether). */
  insert(e: HistoryEntry): RowsInsert {
    return insertRows(this.db, CaseHistory, [historyRow(e)]);
  }

  /** The case's history; `publicOnly` for the parties (an applicant never sees internal entries). */
  list(caseId: string, publicOnly = false): Promise<CaseHistory[]> {
    return this.db.getRepository(CaseHistory).find({
      where: publicOnly ? { caseId, visibility: 'public' } : { caseId },
      order: { id: 'ASC' },
    });
  }
}

/** The stored row of an entry (what `insert` writes; DiarienummerService.assign writes it in its own SQL). */
export function historyRow(e: HistoryEntry) {
  return {
    caseId: e.caseId,
    actorId: e.actor?.userId ?? null,
    actorName: e.actor?.username ?? 'system',
    action: e.action,
    before: (e.before ?? null) as object | null,
    after: (e.after ?? null) as object | null,
    reason: e.reason ?? null,
    visibility: e.visibility ?? HISTORY_VISIBILITY[e.action] ?? 'internal',
  };
}
