import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal, Representation } from '@anslag/auth';
import { DomainError, ErrorCode } from '@anslag/common';
import { AccessService } from '../access.service';
import { Municipality } from '../entities/municipality.entity';
import { Organisation } from '../entities/organisation.entity';
import { CreateOrganisationDto, OrganisationDto, UpdateOrganisationDto } from './organisation.dto';
import { normaliseOrganisationsnummer } from './organisationsnummer';
import { PersonalDataAccessEntry, PersonalDataLogService } from './personal-data-log.service';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly personalData: PersonalDataLogService,
    private readonly representation: Representation,
  ) {}

  async personalDataAccess(id: string): Promise<PersonalDataAccessEntry[]> {
    const org = await this.db.getRepository(Organisation).findOne({ where: { id }, select: { id: true } });
    if (!org) throw DomainError.notFound('Organisationen');
    return this.personalData.list(id);
  }

  async create(p: Principal, dto: CreateOrganisationDto): Promise<OrganisationDto> {
    const orgnr = this.checkOrgnr(dto.organisationsnummer);
    return this.db.transaction(async (em) => {
      const kommun = await this.checkKommun(em, dto.kommunCode ?? null);
      const clash = await em.findOne(Organisation, { where: { organisationsnummer: orgnr } });
      if (clash) {
        // Says nothing of who registered it; offers to ask for a mandate instead.
        throw new DomainError(
          ErrorCode.CONFLICT,
          'Organisationen är redan registrerad. Du kan begära behörighet att företräda den.',
          [{ field: 'organisationsnummer', problem: 'redan registrerad; begär behörighet i stället' }],
        );
      }
      const org = await em.save(
        Organisation,
        em.create(Organisation, { ...dto, organisationsnummer: orgnr, kommunCode: dto.kommunCode ?? null }),
      );
      // The registering applicant becomes an unverified representative (drafts, cannot submit yet).
      await this.representation.registered(p, org.id, em);
      return OrganisationDto.from(org, kommun);
    });
  }

  async get(p: Principal, id: string): Promise<OrganisationDto> {
    await this.access.assertOrganisation(p, id, 'Organisationen');
    const org = await this.db.getRepository(Organisation).findOne({ where: { id } });
    if (!org) throw DomainError.notFound('Organisationen');
    await this.personalData.logRead(p, org, 'visning');
    return OrganisationDto.from(org, await this.kommunName(this.db.manager, org.kommunCode));
  }

  async listMine(p: Principal): Promise<OrganisationDto[]> {
    const ids = await this.access.organisationsOf(p);
    if (ids.length === 0) return [];
    const orgs = await this.db
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .where('o.id = ANY(:ids)', { ids })
      .orderBy('o.name')
      .getMany();
    const names = new Map((await this.db.getRepository(Municipality).find()).map((m) => [m.code, m.name]));
    return orgs.map((o) => OrganisationDto.from(o, o.kommunCode ? (names.get(o.kommunCode) ?? null) : null));
  }

  async update(p: Principal, id: string, dto: UpdateOrganisationDto): Promise<OrganisationDto> {
    await this.access.assertOrganisation(p, id, 'Organisationen');
    return this.db.transaction(async (em) => {
      const org = await em.findOne(Organisation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw DomainError.notFound('Organisationen');
      if (dto.organisationsnummer !== undefined)
        dto.organisationsnummer = this.checkOrgnr(dto.organisationsnummer);
      if (dto.kommunCode !== undefined) await this.checkKommun(em, dto.kommunCode);
      Object.assign(org, dto);
      const saved = await em.save(org);
      return OrganisationDto.from(saved, await this.kommunName(em, saved.kommunCode));
    });
  }

  private checkOrgnr(input: string): string {
    const orgnr = normaliseOrganisationsnummer(input);
    if (!orgnr)
      throw DomainError.validation(
        'organisationsnummer',
        'ogiltigt organisationsnummer (tio siffror med korrekt kontrollsiffra)',
      );
    return orgnr;
  }

  private async checkKommun(em: EntityManager, code: string | null): Promise<string | null> {
    if (code === null) return null;
    const name = await this.kommunName(em, code);
    if (!name)
      throw DomainError.validation(
        'kommunCode',
        `okänd kommun "${code}" (ange en kommun i länet eller utelämna för utanför länet)`,
      );
    return name;
  }

  private async kommunName(em: EntityManager, code: string | null): Promise<string | null> {
    if (!code) return null;
    return (await em.findOne(Municipality, { where: { code } }))?.name ?? null;
  }
}
