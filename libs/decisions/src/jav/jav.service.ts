import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { DomainError, ErrorCode } from '@anslag/common';
import { GrantCase, HistoryService } from '@anslag/cases';
import { ConflictOfInterest } from '../entities/conflict-of-interest.entity';

export interface JavEntry {
  accountName: string;
  reason: string;
  declaredAt: string;
}

/**
 * Jäv (förvaltningslagen 16–18 §§): an officer or decision maker declares a conflict of interest in a
 * case. From then on the system refuses that person's assessment, drafting and signature on it.
 */
@Injectable()
export class JavService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly history: HistoryService,
  ) {}

  async declare(p: Principal, caseId: string, reason: string): Promise<JavEntry> {
    return this.db.transaction(async (em) => {
      const c = await em.findOne(GrantCase, { where: { id: caseId } });
      if (!c) throw DomainError.notFound('Ärendet');
      const exists = await em.findOne(ConflictOfInterest, { where: { caseId, accountId: p.userId } });
      if (exists) throw new DomainError(ErrorCode.CONFLICT, 'Du har redan anmält jäv i ärendet');
      const row = await em.save(ConflictOfInterest, {
        caseId,
        accountId: p.userId,
        accountName: p.username,
        reason,
        declaredBy: p.userId,
      });
      await this.history.record(em, {
        caseId,
        actor: p,
        action: 'jäv_anmält',
        after: { person: p.username },
        reason,
      });
      return { accountName: row.accountName, reason: row.reason, declaredAt: row.declaredAt.toISOString() };
    });
  }

  async list(caseId: string): Promise<JavEntry[]> {
    const c = await this.db.getRepository(GrantCase).findOne({ where: { id: caseId }, select: { id: true } });
    if (!c) throw DomainError.notFound('Ärendet');
    const rows = await this.db
      .getRepository(ConflictOfInterest)
      .find({ where: { caseId }, order: { declaredAt: 'ASC' } });
    return rows.map((r) => ({
      accountName: r.accountName,
      reason: r.reason,
      declaredAt: r.declaredAt.toISOString(),
    }));
  }
}
