import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { OrganisationHistory } from '@anslag/cases';

/**
 * Writes mandate events (asked for, verified, granted, revoked) to the organisation's append-only history,
 * always inside the caller's transaction; the organisation's history route shows them.
 */
@Injectable()
export class OrganisationEventsService {
  async record(
    em: EntityManager,
    organisationId: string,
    actor: Pick<Principal, 'userId' | 'username'>,
    action: string,
    details: Record<string, unknown> & { reason?: string } = {},
  ): Promise<void> {
    const { reason, ...after } = details;
    await em.insert(OrganisationHistory, {
      organisationId,
      actorId: actor.userId,
      actorName: actor.username,
      action,
      before: null,
      after,
      reason: reason ?? null,
    });
  }
}
