import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { HistoryService } from '../history/history.service';
import { Organisation } from '../entities/organisation.entity';
import { OrganisationHistory } from '../entities/organisation-history.entity';
import { OrganisationHistoryDto } from './organisation.dto';

/** Fields whose changes are recorded in the organisation's and its open cases' history. */
const TRACKED = [
  'organisationsnummer',
  'name',
  'streetAddress',
  'postalCode',
  'city',
  'kommunCode',
  'inTatort',
  'inTatortBasis',
  'legalForm',
  'employees',
  'fteHundredths',
  'runBy',
  'bornOutsideNordics',
  'bransch',
  'sniCode',
] as const;

/** Personal data kept for one rule only: the history says that it changed, never what it is. */
const MASKED = new Set(['bornOutsideNordics']);

/** Cases still open to assessment, where a change of the organisation can change the outcome. */
const CLOSED = ['beslutad', 'aterkallad'];

/**
 * The organisation's append-only history, and the trace of its changes in each of its open cases: a
 * change of kommun, tätort or number can change a case's eligibility or caps.
 */
@Injectable()
export class OrganisationHistoryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly caseHistory: HistoryService,
  ) {}

  async list(organisationId: string): Promise<OrganisationHistoryDto[]> {
    const rows = await this.db
      .getRepository(OrganisationHistory)
      .find({ where: { organisationId }, order: { id: 'ASC' } });
    return rows.map(OrganisationHistoryDto.from);
  }

  async recordRegistration(em: EntityManager, p: Principal, org: Organisation): Promise<void> {
    const after = this.tracked(org);
    for (const k of MASKED) delete after[k as keyof typeof after];
    await this.record(em, p, org.id, 'organisation_registrerad', null, after, null);
  }

  tracked(o: Organisation): Record<(typeof TRACKED)[number], unknown> {
    return Object.fromEntries(TRACKED.map((k) => [k, o[k]])) as Record<(typeof TRACKED)[number], unknown>;
  }

  /** Writes what changed to the organisation's history and to the history of each of its open cases. */
  async recordChanges(
    em: EntityManager,
    p: Principal,
    org: Organisation,
    before: Record<string, unknown>,
    action: string,
    reason: string | null,
  ): Promise<void> {
    const after = this.tracked(org);
    const changed = TRACKED.filter((k) => before[k] !== after[k]);
    if (changed.length === 0) return;
    const view = (src: Record<string, unknown>) =>
      Object.fromEntries(changed.map((k) => [k, MASKED.has(k) ? '(uppgift ändrad)' : (src[k] ?? null)]));
    await this.record(em, p, org.id, action, view(before), view(after), reason);
    const open: { id: string }[] = await em.query(
      `SELECT id FROM grant_case WHERE organisation_id = $1 AND status <> ALL($2)`,
      [org.id, CLOSED],
    );
    for (const c of open)
      await this.caseHistory.record(em, {
        caseId: c.id,
        actor: p,
        action,
        before: view(before),
        after: view(after),
        reason,
      });
  }

  private async record(
    em: EntityManager,
    p: Principal,
    organisationId: string,
    action: string,
    before: object | null,
    after: object | null,
    reason: string | null,
  ): Promise<void> {
    await em.insert(OrganisationHistory, {
      organisationId,
      actorId: p.userId,
      actorName: p.username,
      action,
      before,
      after,
      reason,
    });
  }
}
