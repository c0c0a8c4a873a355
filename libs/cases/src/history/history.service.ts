import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { CaseHistory } from '../entities/case-history.entity';

export interface HistoryEntry {
  caseId: string;
  actor: Pick<Principal, 'userId' | 'username'> | null;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Writes to the append-only case history, always inside the caller's transaction. */
@Injectable()
export class HistoryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(em: EntityManager, e: HistoryEntry): Promise<void> {
    await em.insert(CaseHistory, {
      caseId: e.caseId,
      actorId: e.actor?.userId ?? null,
      actorName: e.actor?.username ?? 'system',
      action: e.action,
      before: (e.before ?? null) as object | null,
      after: (e.after ?? null) as object | null,
      reason: e.reason ?? null,
    });
  }

  list(caseId: string): Promise<CaseHistory[]> {
    return this.db.getRepository(CaseHistory).find({ where: { caseId }, order: { id: 'ASC' } });
  }
}
