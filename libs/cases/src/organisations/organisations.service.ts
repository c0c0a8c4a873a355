import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal, Representation } from '@anslag/auth';
import { DomainError, ErrorCode } from '@anslag/common';
import { AccessService } from '../access.service';
import { Municipality } from '../entities/municipality.entity';
import { Organisation } from '../entities/organisation.entity';
import {
  CorrectTatortDto,
  CreateOrganisationDto,
  OrganisationDto,
  OrganisationHistoryDto,
  UpdateOrganisationDto,
} from './organisation.dto';
import { normaliseOrganisationsnummer } from './organisationsnummer';
import { OrganisationHistoryService } from './organisation-history.service';
import { PersonalDataAccessEntry, PersonalDataLogService } from './personal-data-log.service';
import { placePostalCode, urbanAreas } from './tatort';

/** The organisationsnummer is the legal person: fixed once the organisation has a submitted case. */
export const ORGANISATIONSNUMMER_LOCKED = 'ORGANISATIONSNUMMER_LOCKED';
DomainError.register(ORGANISATIONSNUMMER_LOCKED, 409);

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly personalData: PersonalDataLogService,
    private readonly orgHistory: OrganisationHistoryService,
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
      const placed = placePostalCode(dto.postalCode, await urbanAreas(em));
      const org = await em.save(
        Organisation,
        em.create(Organisation, {
          ...dto,
          organisationsnummer: orgnr,
          kommunCode: dto.kommunCode ?? null,
          inTatort: placed.inTatort,
          inTatortBasis: 'postnummer',
        }),
      );
      await this.orgHistory.recordRegistration(em, p, org);
      // The registering applicant becomes an unverified representative (drafts, cannot submit yet).
      await this.representation.registered(p, org.id, em);
      return OrganisationDto.from(org, kommun, placed.area);
    });
  }

  async get(p: Principal, id: string): Promise<OrganisationDto> {
    await this.access.assertOrganisation(p, id, 'Organisationen');
    const org = await this.db.getRepository(Organisation).findOne({ where: { id } });
    if (!org) throw DomainError.notFound('Organisationen');
    await this.personalData.logRead(p, org, 'visning');
    return this.present(this.db.manager, org);
  }

  async history(p: Principal, id: string): Promise<OrganisationHistoryDto[]> {
    await this.access.assertOrganisation(p, id, 'Organisationen');
    const org = await this.db.getRepository(Organisation).findOne({ where: { id }, select: { id: true } });
    if (!org) throw DomainError.notFound('Organisationen');
    return this.orgHistory.list(id);
  }

  /** An officer's correction of where the business lies, with the reason kept in the history. */
  async correctTatort(p: Principal, id: string, dto: CorrectTatortDto): Promise<OrganisationDto> {
    return this.db.transaction(async (em) => {
      const org = await em.findOne(Organisation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw DomainError.notFound('Organisationen');
      const before = this.orgHistory.tracked(org);
      org.inTatort = dto.inTatort;
      org.inTatortBasis = 'handlaggare';
      const saved = await em.save(org);
      await this.orgHistory.recordChanges(em, p, saved, before, 'tätort_rättad', dto.reason.trim());
      return this.present(em, saved);
    });
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
    const areas = await urbanAreas(this.db.manager);
    return orgs.map((o) =>
      OrganisationDto.from(
        o,
        o.kommunCode ? (names.get(o.kommunCode) ?? null) : null,
        placePostalCode(o.postalCode, areas).area,
      ),
    );
  }

  async update(p: Principal, id: string, dto: UpdateOrganisationDto): Promise<OrganisationDto> {
    await this.access.assertOrganisation(p, id, 'Organisationen');
    const { reason: given, ...changes } = dto;
    const reason = given?.trim() || null;
    return this.db.transaction(async (em) => {
      const org = await em.findOne(Organisation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw DomainError.notFound('Organisationen');
      const before = this.orgHistory.tracked(org);
      if (changes.organisationsnummer !== undefined) {
        changes.organisationsnummer = this.checkOrgnr(changes.organisationsnummer);
        if (changes.organisationsnummer !== org.organisationsnummer)
          await this.assertRenumberable(em, p, org, changes.organisationsnummer, reason);
      }
      if (changes.kommunCode !== undefined) await this.checkKommun(em, changes.kommunCode);
      Object.assign(org, changes);
      if (changes.postalCode !== undefined && changes.postalCode !== before.postalCode) {
        // A new address places the business anew; an officer's earlier correction was about the old one.
        org.inTatort = placePostalCode(org.postalCode, await urbanAreas(em)).inTatort;
        org.inTatortBasis = 'postnummer';
      }
      const saved = await em.save(org);
      await this.orgHistory.recordChanges(em, p, saved, before, 'organisation_ändrad', reason);
      return this.present(em, saved);
    });
  }

  /**
   * The organisationsnummer names the legal person that caps and the de minimis ledger follow. Once the
   * organisation has a submitted case only an officer may correct a wrongly entered number, with a reason.
   */
  private async assertRenumberable(
    em: EntityManager,
    p: Principal,
    org: Organisation,
    orgnr: string,
    reason: string | null,
  ): Promise<void> {
    const [submitted] = await em.query(
      `SELECT count(*)::int AS n FROM grant_case WHERE organisation_id = $1 AND status <> 'utkast'`,
      [org.id],
    );
    if (submitted.n > 0) {
      if (!this.access.isOfficer(p))
        throw new DomainError(
          ORGANISATIONSNUMMER_LOCKED,
          'Organisationsnumret kan inte ändras när organisationen har ett inskickat ärende; kontakta handläggaren om numret är fel',
          [{ field: 'organisationsnummer', problem: 'låst: organisationen har inskickade ärenden' }],
        );
      if (!reason) throw DomainError.validation('reason', 'ange skälet till att organisationsnumret rättas');
    }
    const clash = await em.findOne(Organisation, { where: { organisationsnummer: orgnr } });
    if (clash)
      throw new DomainError(
        ErrorCode.CONFLICT,
        'Organisationsnumret tillhör en annan registrerad organisation',
        [{ field: 'organisationsnummer', problem: 'finns redan' }],
      );
  }

  private async present(em: EntityManager, org: Organisation): Promise<OrganisationDto> {
    const placed = placePostalCode(org.postalCode, await urbanAreas(em));
    return OrganisationDto.from(org, await this.kommunName(em, org.kommunCode), placed.area);
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
