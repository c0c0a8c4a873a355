import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Account, Principal, Role } from '@anslag/auth';
import { DomainError } from '@anslag/common';

/**
 * Who may see what. Officers see everything; an applicant sees only its own organisations, and
 * anything else answers 404 exactly like a case that does not exist.
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  isOfficer(p: Principal): boolean {
    return p.roles.some((r) => r !== Role.sokande);
  }

  /** The applicant's organisations, read fresh (the token may predate a new registration). */
  async organisationsOf(p: Principal, em: EntityManager = this.db.manager): Promise<string[]> {
    const a = await em.findOne(Account, {
      where: { id: p.userId },
      select: { id: true, organisationIds: true },
    });
    return a?.organisationIds ?? [];
  }

  /** Throws NOT_FOUND unless the principal may see cases of this organisation. */
  async assertOrganisation(
    p: Principal,
    organisationId: string,
    what: string,
    em?: EntityManager,
  ): Promise<void> {
    if (this.isOfficer(p)) return;
    if (!(await this.organisationsOf(p, em)).includes(organisationId)) throw DomainError.notFound(what);
  }
}
