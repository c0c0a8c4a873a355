import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Account, Principal, Role, STAFF_ROLES } from '@anslag/auth';
import { Clock, DomainError, ErrorCode } from '@anslag/common';
import { normaliseOrganisationsnummer } from '@anslag/cases';
import { Mandate, OPEN_STATUSES } from '../entities/mandate.entity';
import { AccessRequestDto, GrantDto, InviteDto, MandateDto, VerifyDto } from './mandate.dto';
import { OrganisationEventsService } from './organisation-events.service';
import { normalisePersonnummer, soleTraderNumber } from './personnummer';

const SIGNATORY = ['firmatecknare', 'enskild_naringsidkare'];

/**
 * Mandates to act for an organisation: a verified signatory (or an officer) invites by personnummer,
 * grants what was asked for, and revokes; an officer verifies the registering person's mandate.
 * Every change is written to the organisation's history in the same transaction.
 */
@Injectable()
export class MandateService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: OrganisationEventsService,
    private readonly clock: Clock,
  ) {}

  async mine(p: Principal): Promise<MandateDto[]> {
    const rows = await this.db.getRepository(Mandate).find({
      where: { accountId: p.userId, status: In(OPEN_STATUSES) },
      order: { createdAt: 'ASC' },
    });
    return this.dtos(rows);
  }

  async list(p: Principal, organisationId: string): Promise<MandateDto[]> {
    await this.assertSignatoryOrOfficer(p, organisationId, this.db.manager);
    const rows = await this.db
      .getRepository(Mandate)
      .find({ where: { organisationId }, order: { createdAt: 'ASC' } });
    return this.dtos(rows);
  }

  async invite(p: Principal, organisationId: string, dto: InviteDto): Promise<MandateDto> {
    const personnummer = normalisePersonnummer(dto.personnummer);
    if (!personnummer) throw DomainError.validation('personnummer', 'ogiltigt personnummer');
    const officer = this.isOfficer(p);
    const kind = dto.kind ?? 'ombud';
    if (kind === 'firmatecknare' && !officer)
      throw DomainError.validation('kind', 'bara en handläggare kan ge behörighet som firmatecknare');
    if (dto.validUntil && dto.validUntil < this.clock.today())
      throw DomainError.validation('validUntil', 'datumet har redan passerat');
    const saved = await this.db.transaction(async (em) => {
      await this.lockOrganisation(em, organisationId);
      await this.assertSignatoryOrOfficer(p, organisationId, em);
      const open = await em.findOne(Mandate, {
        where: { organisationId, personnummer, status: In(OPEN_STATUSES) },
      });
      if (open && open.status !== 'begard')
        throw new DomainError(ErrorCode.CONFLICT, 'Personen har redan behörighet för organisationen', [
          { field: 'personnummer', problem: 'har redan behörighet' },
        ]);
      const account = await em.findOne(Account, { where: { personnummer } });
      const fields = {
        kind,
        status: 'giltig' as const,
        accountId: account?.id ?? null,
        grantedById: p.userId,
        grantedByName: p.username,
        grantedAt: this.clock.now(),
        validUntil: dto.validUntil ?? null,
        ...(officer ? { verifiedById: p.userId, verifiedAt: this.clock.now() } : {}),
      };
      const m = open
        ? await em.save(Object.assign(open, fields))
        : await em.save(em.create(Mandate, { organisationId, personnummer, ...fields }));
      await this.events.record(em, organisationId, p, 'behorighet_given', {
        mandateId: m.id,
        kind,
        personnummer: `${personnummer.slice(0, 8)}-****`,
        validUntil: m.validUntil,
      });
      return m;
    });
    return (await this.dtos([saved]))[0];
  }

  /**
   * Asks for a mandate. The answer is the same whether or not the organisation is registered, and says
   * nothing of who represents it; the verified signatories or an officer grant it.
   */
  async requestAccess(p: Principal, dto: AccessRequestDto): Promise<{ message: string }> {
    const orgnr = normaliseOrganisationsnummer(dto.organisationsnummer);
    if (!orgnr) throw DomainError.validation('organisationsnummer', 'ogiltigt organisationsnummer');
    await this.db.transaction(async (em) => {
      const org: { id: string }[] = await em.query(
        'SELECT id FROM organisation WHERE organisationsnummer = $1 FOR UPDATE',
        [orgnr],
      );
      const account = await em.findOneOrFail(Account, { where: { id: p.userId } });
      if (!org[0] || !account.personnummer) return;
      if (orgnr === soleTraderNumber(account.personnummer)) return; // represented already, as its owner
      const open = await em.findOne(Mandate, {
        where: { organisationId: org[0].id, personnummer: account.personnummer, status: In(OPEN_STATUSES) },
      });
      if (open) return;
      const m = await em.save(
        em.create(Mandate, {
          organisationId: org[0].id,
          personnummer: account.personnummer,
          accountId: account.id,
          kind: 'ombud',
          status: 'begard',
        }),
      );
      await this.events.record(em, org[0].id, p, 'behorighet_begard', { mandateId: m.id });
    });
    return {
      message:
        'Din begäran är mottagen. Om organisationen är registrerad får dess företrädare eller en handläggare ' +
        'pröva den; du ser resultatet under dina behörigheter.',
    };
  }

  async grant(p: Principal, id: string, dto: GrantDto): Promise<MandateDto> {
    const officer = this.isOfficer(p);
    if (dto.kind === 'firmatecknare' && !officer)
      throw DomainError.validation('kind', 'bara en handläggare kan ge behörighet som firmatecknare');
    return this.change(p, id, 'begard', async (em, m) => {
      m.status = 'giltig';
      m.kind = dto.kind ?? 'ombud';
      m.grantedById = p.userId;
      m.grantedByName = p.username;
      m.grantedAt = this.clock.now();
      if (officer) Object.assign(m, { verifiedById: p.userId, verifiedAt: this.clock.now() });
      await this.events.record(em, m.organisationId, p, 'behorighet_beviljad', {
        mandateId: m.id,
        kind: m.kind,
      });
    });
  }

  async verify(p: Principal, id: string, dto: VerifyDto): Promise<MandateDto> {
    return this.change(p, id, 'overifierad', async (em, m) => {
      m.status = 'giltig';
      m.verifiedById = p.userId;
      m.verifiedAt = this.clock.now();
      m.verificationNote = dto.note;
      await this.events.record(em, m.organisationId, p, 'behorighet_verifierad', {
        mandateId: m.id,
        reason: dto.note,
      });
    });
  }

  async revoke(p: Principal, id: string, reason: string): Promise<MandateDto> {
    return this.change(p, id, null, async (em, m) => {
      const asked = m.status === 'begard';
      m.status = asked ? 'avslagen' : 'aterkallad';
      m.endedById = p.userId;
      m.endedAt = this.clock.now();
      m.endReason = reason;
      await this.events.record(
        em,
        m.organisationId,
        p,
        asked ? 'behorighet_avslagen' : 'behorighet_aterkallad',
        {
          mandateId: m.id,
          reason,
        },
      );
    });
  }

  private async change(
    p: Principal,
    id: string,
    from: 'begard' | 'overifierad' | null,
    apply: (em: EntityManager, m: Mandate) => Promise<void>,
  ): Promise<MandateDto> {
    const saved = await this.db.transaction(async (em) => {
      const m = await em.findOne(Mandate, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!m) throw DomainError.notFound('Behörigheten');
      if (from === 'overifierad') {
        if (!p.roles.includes(Role.handlaggare)) throw DomainError.notFound('Behörigheten');
      } else {
        await this.assertSignatoryOrOfficer(p, m.organisationId, em, 'Behörigheten');
      }
      const expected = from ? [from] : OPEN_STATUSES;
      if (!expected.includes(m.status))
        throw new DomainError(ErrorCode.CONFLICT, `Behörigheten har status "${m.status}"`, [
          { field: 'status', problem: `ska vara ${expected.join(' eller ')}` },
        ]);
      await apply(em, m);
      return em.save(m);
    });
    return (await this.dtos([saved]))[0];
  }

  private isOfficer(p: Principal): boolean {
    return p.roles.includes(Role.handlaggare);
  }

  /** Officers, and the organisation's verified signatories; anyone else gets 404 as for nothing there. */
  private async assertSignatoryOrOfficer(
    p: Principal,
    organisationId: string,
    em: EntityManager,
    what = 'Organisationen',
  ): Promise<void> {
    if (p.roles.some((r) => STAFF_ROLES.includes(r))) {
      const found: unknown[] = await em.query('SELECT 1 FROM organisation WHERE id = $1', [organisationId]);
      if (!found.length) throw DomainError.notFound(what);
      return;
    }
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM mandate m WHERE m.account_id = $1 AND m.organisation_id = $2 AND m.status = 'giltig'
          AND m.kind = ANY($3) AND (m.valid_until IS NULL OR m.valid_until >= $4::date)
       UNION ALL
       SELECT 1 FROM organisation o JOIN account a ON a.id = $1
        WHERE o.id = $2 AND a.personnummer IS NOT NULL
          AND o.organisationsnummer = substr(a.personnummer, 3, 6) || '-' || substr(a.personnummer, 9, 4)`,
      [p.userId, organisationId, SIGNATORY, this.clock.today()],
    );
    if (!rows.length) throw DomainError.notFound(what);
  }

  private async lockOrganisation(em: EntityManager, organisationId: string): Promise<void> {
    const rows: unknown[] = await em.query('SELECT 1 FROM organisation WHERE id = $1 FOR UPDATE', [
      organisationId,
    ]);
    if (!rows.length) throw DomainError.notFound('Organisationen');
  }

  private async dtos(rows: Mandate[]): Promise<MandateDto[]> {
    if (!rows.length) return [];
    const orgs: { id: string; name: string }[] = await this.db.query(
      'SELECT id, name FROM organisation WHERE id = ANY($1)',
      [rows.map((m) => m.organisationId)],
    );
    const people = await this.db.getRepository(Account).find({
      where: { id: In(rows.map((m) => m.accountId).filter((x): x is string => !!x)) },
      select: { id: true, displayName: true },
    });
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    const name = new Map(people.map((a) => [a.id, a.displayName]));
    return rows.map((m) =>
      MandateDto.from(
        m,
        orgName.get(m.organisationId) ?? null,
        m.accountId ? (name.get(m.accountId) ?? null) : null,
      ),
    );
  }
}
