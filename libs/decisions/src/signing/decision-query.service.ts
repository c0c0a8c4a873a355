import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { DomainError } from '@anslag/common';
import { AccessService, GrantCase } from '@anslag/cases';
import { Decision } from '../entities/decision.entity';
import { DecisionDto } from './decision.dto';

@Injectable()
export class DecisionQueryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Applicants see only signed decisions of their own organisations; drafts are internal. */
  async get(p: Principal, id: string): Promise<DecisionDto> {
    const d = await this.db.getRepository(Decision).findOne({ where: { id } });
    if (!d) throw DomainError.notFound('Beslutet');
    const c = await this.db
      .getRepository(GrantCase)
      .findOneOrFail({ where: { id: d.caseId }, select: { id: true, organisationId: true } });
    await this.access.assertOrganisation(p, c.organisationId, 'Beslutet');
    if (!this.access.isOfficer(p) && d.status !== 'signerat') throw DomainError.notFound('Beslutet');
    return DecisionDto.from(d);
  }

  async forCase(p: Principal, caseId: string): Promise<DecisionDto[]> {
    const c = await this.db
      .getRepository(GrantCase)
      .findOne({ where: { id: caseId }, select: { id: true, organisationId: true } });
    if (!c) throw DomainError.notFound('Ärendet');
    await this.access.assertOrganisation(p, c.organisationId, 'Ärendet');
    const rows = await this.db
      .getRepository(Decision)
      .find({ where: { caseId }, order: { createdAt: 'ASC' } });
    return rows.filter((d) => this.access.isOfficer(p) || d.status === 'signerat').map(DecisionDto.from);
  }
}
