import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { PersonalDataAccess } from '../entities/personal-data-access.entity';
import type { Organisation } from '../entities/organisation.entity';

export interface PersonalDataAccessEntry {
  at: string;
  reader: string;
  field: string;
  purpose: string;
}

/** Logs every read of the personal facts an organisation holds only for a rule. */
@Injectable()
export class PersonalDataLogService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async logRead(
    p: Principal,
    org: Organisation,
    purpose: 'visning' | 'bedömning',
    em: EntityManager = this.db.manager,
  ): Promise<void> {
    if (org.bornOutsideNordics === null) return;
    await em.insert(PersonalDataAccess, {
      organisationId: org.id,
      accountId: p.userId,
      accountName: p.username,
      field: 'bornOutsideNordics',
      purpose,
    });
  }

  async list(organisationId: string): Promise<PersonalDataAccessEntry[]> {
    const rows = await this.db
      .getRepository(PersonalDataAccess)
      .find({ where: { organisationId }, order: { id: 'ASC' } });
    return rows.map((r) => ({
      at: r.at.toISOString(),
      reader: r.accountName,
      field: r.field,
      purpose: r.purpose,
    }));
  }
}
