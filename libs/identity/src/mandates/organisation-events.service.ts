import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { OrganisationEvent } from '../entities/organisation-event.entity';

export interface OrganisationEventDto {
  at: string;
  actor: string;
  action: string;
  details: object | null;
}

/** The organisation's append-only history, always written inside the caller's transaction. */
@Injectable()
export class OrganisationEventsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(
    em: EntityManager,
    organisationId: string,
    actor: Pick<Principal, 'userId' | 'username'> | null,
    action: string,
    details: object | null = null,
  ): Promise<void> {
    await em.insert(OrganisationEvent, {
      organisationId,
      actorId: actor?.userId ?? null,
      actorName: actor?.username ?? 'system',
      action,
      details,
    });
  }

  async list(organisationId: string): Promise<OrganisationEventDto[]> {
    const rows = await this.db
      .getRepository(OrganisationEvent)
      .find({ where: { organisationId }, order: { id: 'ASC' } });
    return rows.map((r) => ({
      at: r.at.toISOString(),
      actor: r.actorName,
      action: r.action,
      details: r.details,
    }));
  }
}
