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

/** Why the fact was read: shown to an officer, used by an assessment, a what-if over open cases, a signature. */
export type PersonalDataPurpose = 'visning' | 'bedömning' | 'konsekvensanalys' | 'beslut';

/** Logs every read of the personal facts an organisation holds only for a rule. */
@Injectable()
export class PersonalDataLogService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async logRead(
    p: Principal,
    org: Organisation,
    purpose: PersonalDataPurpose,
    em: EntityManager = this.db.manager,
  ): Promise<void> {
    await this.logReads(p, [org], purpose, em);
  }

  /** One entry per organisation that holds the fact (several cases of one organisation: one entry). */
  async logReads(
    p: Principal,
    orgs: Pick<Organisation, 'id' | 'bornOutsideNordics'>[],
    purpose: PersonalDataPurpose,
    em: EntityManager = this.db.manager,
  ): Promise<void> {
    const ids = [...new Set(orgs.filter((o) => o.bornOutsideNordics !== null).map((o) => o.id))];
    if (ids.length === 0) return;
    // One statement however many: the what-if logs every open case's organisation at once.
    await em.query(
      `INSERT INTO personal_data_access (organisation_id, account_id, account_name, field, purpose)
       SELECT unnest($1::uuid[]), $2, $3, 'bornOutsideNordics', $4`,
      [`{${ids.join(',')}}`, p.userId ?? null, p.username, purpose],
    );
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
