import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Account, MandateUsed, Principal, Representation, Role } from '@anslag/auth';
import { Clock, DomainError } from '@anslag/common';
import { plainQuery } from '@anslag/database';
import { AppConfig, listSetting } from '@anslag/config';
import { Mandate } from '../entities/mandate.entity';
import { OrganisationEventsService } from './organisation-events.service';
import { soleTraderNumber } from './personnummer';

export const MANDATE_REQUIRED = 'MANDATE_REQUIRED';
export const MANDATE_NOT_VERIFIED = 'MANDATE_NOT_VERIFIED';
export const ASSURANCE_TOO_LOW = 'ASSURANCE_TOO_LOW';
DomainError.register(MANDATE_REQUIRED, 403);
DomainError.register(MANDATE_NOT_VERIFIED, 403);
DomainError.register(ASSURANCE_TOO_LOW, 403);

/**
 * Who may act for which organisation, from mandates: an open mandate (verified or not) lets a person see
 * and draft; acting (submitting) needs a valid one and a sign-in at the required level of assurance.
 * A sole trader is represented by the person whose personnummer it is, without a mandate row.
 */
@Injectable()
export class RepresentationService extends Representation {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: OrganisationEventsService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async organisationsOf(p: Principal, em?: EntityManager): Promise<string[]> {
    // Outside a transaction through the pg pool (plainQuery): it is read on every applicant's request.
    const query = <T>(text: string, params: unknown[]): Promise<T[]> =>
      em ? em.query(text, params) : plainQuery<T>(this.db, text, params);
    const rows = await query<{ id: string }>(
      `SELECT m.organisation_id AS id FROM mandate m
        WHERE m.account_id = $1 AND m.status IN ('overifierad', 'giltig')
          AND (m.valid_until IS NULL OR m.valid_until >= $2::date)
       UNION
       SELECT o.id FROM organisation o JOIN account a ON a.id = $1
        WHERE a.personnummer IS NOT NULL
          AND o.organisationsnummer = substr(a.personnummer, 3, 6) || '-' || substr(a.personnummer, 9, 4)`,
      [p.userId, this.clock.today()],
    );
    return rows.map((r) => r.id);
  }

  async registered(p: Principal, organisationId: string, em: EntityManager): Promise<void> {
    if (!p.roles.includes(Role.sokande)) return;
    const account = await em.findOneOrFail(Account, { where: { id: p.userId } });
    if (!account.personnummer) return;
    const org: { organisationsnummer: string } = (
      await em.query('SELECT organisationsnummer FROM organisation WHERE id = $1', [organisationId])
    )[0];
    if (org.organisationsnummer === soleTraderNumber(account.personnummer)) {
      await this.events.record(em, organisationId, p, 'enskild_naringsidkare', {
        note: 'Organisationsnumret är den inloggades personnummer',
      });
      return;
    }
    await em.insert(Mandate, {
      organisationId,
      personnummer: account.personnummer,
      accountId: account.id,
      kind: 'firmatecknare',
      status: 'overifierad',
      grantedAt: this.clock.now(),
      grantedByName: 'registrering',
    });
    await this.events.record(em, organisationId, p, 'behorighet_overifierad', {
      person: account.displayName,
      kind: 'firmatecknare',
    });
  }

  async assertMayAct(
    p: Principal,
    organisationId: string,
    act: string,
    em: EntityManager,
  ): Promise<MandateUsed> {
    const required = listSetting(this.config.ACT_REQUIRED_ACR);
    const assured = () => {
      if (!p.acr || !required.includes(p.acr))
        throw new DomainError(
          ASSURANCE_TOO_LOW,
          'Logga in med e-legitimation på tillräcklig tillitsnivå för att göra detta',
          [{ field: 'acr', problem: `kräver ${required.join(' eller ')}` }],
        );
    };
    const soleTrader: { n: number }[] = await em.query(
      `SELECT count(*)::int AS n FROM organisation o JOIN account a ON a.id = $2
        WHERE o.id = $1 AND a.personnummer IS NOT NULL
          AND o.organisationsnummer = substr(a.personnummer, 3, 6) || '-' || substr(a.personnummer, 9, 4)`,
      [organisationId, p.userId],
    );
    if (soleTrader[0].n > 0) {
      assured();
      return { mandateId: null, kind: 'enskild_naringsidkare', acr: p.acr ?? null };
    }
    const mandates = await em.find(Mandate, { where: { accountId: p.userId, organisationId } });
    const today = this.clock.today();
    const valid = mandates.find(
      (m) => m.status === 'giltig' && (m.validUntil === null || m.validUntil >= today),
    );
    if (!valid) {
      if (mandates.some((m) => m.status === 'overifierad'))
        throw new DomainError(
          MANDATE_NOT_VERIFIED,
          'Din behörighet att företräda organisationen är inte verifierad ännu. Du kan skriva utkast men inte ' +
            `göra detta (${act}) förrän en handläggare har verifierat den.`,
        );
      throw new DomainError(MANDATE_REQUIRED, 'Du saknar giltig behörighet att företräda organisationen');
    }
    assured();
    return { mandateId: valid.id, kind: valid.kind, acr: p.acr ?? null };
  }
}
