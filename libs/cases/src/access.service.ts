import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Principal, Representation, STAFF_ROLES } from '@anslag/auth';
import { DomainError } from '@anslag/common';

/**
 * Who may see what. Officers see everything; an applicant sees only the organisations it holds a mandate
 * for, and anything else answers 404 exactly like a case that does not exist.
 */
@Injectable()
export class AccessService {
  constructor(private readonly representation: Representation) {}

  /** Staff who read cases. An admin alone does not (least privilege): it administers users and rules. */
  isOfficer(p: Principal): boolean {
    return p.roles.some((r) => STAFF_ROLES.includes(r));
  }

  /** The applicant's organisations through its mandates, read fresh on every call. */
  async organisationsOf(p: Principal, em?: EntityManager): Promise<string[]> {
    return this.representation.organisationsOf(p, em);
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
