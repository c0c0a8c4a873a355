import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not } from 'typeorm';
import type { Principal } from '@anslag/auth';
import { DomainError, ErrorCode } from '@anslag/common';
import { AccessService } from '../access.service';
import { GrantCase } from '../entities/grant-case.entity';
import { OrganisationLink } from '../entities/organisation-link.entity';
import { Organisation } from '../entities/organisation.entity';
import { HistoryService } from '../history/history.service';
import { normaliseOrganisationsnummer } from '../organisations/organisationsnummer';
import { OrganisationLinkDto, SetOrganisationLinksDto } from './single-undertaking.dto';

/**
 * The organisations an applicant forms a single undertaking with ("ett enda företag", 1407/2013 and
 * 2023/2831 art. 2.2). The de minimis room is summed over them, the region's own grants included.
 */
@Injectable()
export class SingleUndertakingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly history: HistoryService,
  ) {}

  /** The links the organisation recorded, and those other organisations recorded to it. */
  async list(p: Principal, id: string): Promise<OrganisationLinkDto[]> {
    await this.access.assertOrganisation(p, id, 'Organisationen');
    const org = await this.db.getRepository(Organisation).findOne({ where: { id } });
    if (!org) throw DomainError.notFound('Organisationen');
    const own = await this.db.getRepository(OrganisationLink).find({ where: { organisationId: id } });
    const numbers = own.map((l) => l.linkedOrganisationsnummer);
    const here = new Set(
      numbers.length
        ? (
            await this.db.getRepository(Organisation).find({ where: { organisationsnummer: In(numbers) } })
          ).map((o) => o.organisationsnummer)
        : [],
    );
    const reverse = (await this.db.query(
      `SELECT o.organisationsnummer, o.name, l.relation
         FROM organisation_link l JOIN organisation o ON o.id = l.organisation_id
        WHERE l.linked_organisationsnummer = $1`,
      [org.organisationsnummer],
    )) as { organisationsnummer: string; name: string; relation: string }[];
    return [
      ...own.map((l) => OrganisationLinkDto.from(l, here.has(l.linkedOrganisationsnummer))),
      ...reverse
        .filter((r) => !numbers.includes(r.organisationsnummer))
        .map((r) => ({ ...r, direction: 'omvand' as const, registeredHere: true })),
    ];
  }

  /** Replaces the organisation's own links; every open case of it records the change. */
  async set(p: Principal, id: string, dto: SetOrganisationLinksDto): Promise<OrganisationLinkDto[]> {
    await this.access.assertOrganisation(p, id, 'Organisationen');
    await this.db.transaction(async (em) => {
      const org = await em.findOne(Organisation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw DomainError.notFound('Organisationen');
      const rows = dto.links.map((l, i) => {
        const nr = normaliseOrganisationsnummer(l.organisationsnummer);
        if (!nr)
          throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Ogiltigt organisationsnummer', [
            { field: `links[${i}].organisationsnummer`, problem: 'inte ett giltigt organisationsnummer' },
          ]);
        if (nr === org.organisationsnummer)
          throw new DomainError(
            ErrorCode.VALIDATION_FAILED,
            'En organisation kan inte länkas till sig själv',
            [{ field: `links[${i}].organisationsnummer`, problem: 'samma som organisationens eget' }],
          );
        return {
          organisationId: id,
          linkedOrganisationsnummer: nr,
          linkedName: l.name,
          relation: l.relation,
          recordedBy: p.userId,
        };
      });
      if (new Set(rows.map((r) => r.linkedOrganisationsnummer)).size !== rows.length)
        throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Samma organisation förekommer två gånger', [
          { field: 'links', problem: 'dubbletter' },
        ]);
      const before = await em.find(OrganisationLink, { where: { organisationId: id } });
      await em.delete(OrganisationLink, { organisationId: id });
      if (rows.length) await em.insert(OrganisationLink, rows);
      const open = await em.find(GrantCase, {
        where: { organisationId: id, status: Not(In(['beslutad', 'aterkallad'])) },
        select: { id: true },
      });
      const describe = (ls: { linkedOrganisationsnummer: string; linkedName: string; relation: string }[]) =>
        ls.map((l) => ({
          organisationsnummer: l.linkedOrganisationsnummer,
          name: l.linkedName,
          relation: l.relation,
        }));
      for (const c of open) {
        await this.history.record(em, {
          caseId: c.id,
          actor: p,
          action: 'enda_foretag_andrat',
          before: { links: describe(before) },
          after: { links: describe(rows) },
        });
      }
    });
    return this.list(p, id);
  }
}
