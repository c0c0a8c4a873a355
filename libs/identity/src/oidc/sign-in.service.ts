import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Account, AccountStatusService, effectiveRoles, Role } from '@anslag/auth';
import { DomainError, ErrorCode } from '@anslag/common';
import { AppConfig, listSetting } from '@anslag/config';
import { AccountChange } from '../entities/account-change.entity';
import { normalisePersonnummer } from '../mandates/personnummer';

export const ASSURANCE_TOO_LOW_AT_SIGN_IN = 'SIGN_IN_ASSURANCE_TOO_LOW';
DomainError.register(ASSURANCE_TOO_LOW_AT_SIGN_IN, 401);

const STAFF_ROLE_NAMES = new Set<string>([
  Role.handlaggare,
  Role.beslutsfattare,
  Role.namndsekreterare,
  Role.admin,
]);

/** `group=role,group=role` from configuration, as group → roles. */
export function parseGroupRoles(setting: string): Map<string, Role[]> {
  const out = new Map<string, Role[]>();
  for (const pair of setting.split(',').filter(Boolean)) {
    const [group, role] = pair.split('=').map((s) => s.trim());
    if (!group || !STAFF_ROLE_NAMES.has(role)) continue;
    out.set(group, [...(out.get(group) ?? []), role as Role]);
  }
  return out;
}

export function rolesFromGroups(groups: unknown, mapping: Map<string, Role[]>): Role[] {
  const list = Array.isArray(groups) ? groups : typeof groups === 'string' ? [groups] : [];
  return [...new Set(list.flatMap((g) => (typeof g === 'string' ? (mapping.get(g) ?? []) : [])))].sort();
}

function displayName(claims: Record<string, unknown>, fallback: string): string {
  const given = typeof claims.given_name === 'string' ? claims.given_name : '';
  const family = typeof claims.family_name === 'string' ? claims.family_name : '';
  const name = typeof claims.name === 'string' ? claims.name : `${given} ${family}`.trim();
  return name || fallback;
}

/**
 * Turns a provider's claims into an account. Applicants are known by their personnummer (the first
 * sign-in creates the person, never with a password); staff by the provider's subject, or at their first
 * sign-in by the user name an admin gave them, with roles from their groups.
 */
@Injectable()
export class SignInService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly status: AccountStatusService,
  ) {}

  async applicant(claims: Record<string, unknown>): Promise<{ account: Account; acr: string }> {
    const acr = typeof claims.acr === 'string' ? claims.acr : '';
    if (!listSetting(this.config.APPLICANT_OIDC_ACCEPTED_ACR).includes(acr))
      throw new DomainError(
        ASSURANCE_TOO_LOW_AT_SIGN_IN,
        'Inloggningen gjordes inte på den tillitsnivå som krävs. Använd BankID eller Freja+.',
        [{ field: 'acr', problem: acr ? `${acr} godtas inte` : 'saknas' }],
      );
    const claim = this.config.APPLICANT_OIDC_PNR_CLAIM;
    const personnummer = normalisePersonnummer(claims[claim]);
    if (!personnummer)
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Inloggningen gav inget giltigt personnummer', [
        { field: claim, problem: 'saknas eller är ogiltigt' },
      ]);
    const account = await this.db.transaction(async (em) => {
      let a = await em.findOne(Account, { where: { personnummer }, lock: { mode: 'pessimistic_write' } });
      if (!a) {
        const name = displayName(claims, 'Sökande');
        a = await em.save(
          em.create(Account, {
            // Shown as the actor in histories: the name and a random tag, never the personnummer.
            username: `${name} (e-${randomBytes(3).toString('hex')})`,
            displayName: name,
            title: null,
            passwordHash: null,
            roles: [Role.sokande],
            personnummer,
          }),
        );
      }
      // Invitations name the person by personnummer; from now on they are this account's.
      await em.query('UPDATE mandate SET account_id = $1 WHERE personnummer = $2 AND account_id IS NULL', [
        a.id,
        personnummer,
      ]);
      return a;
    });
    if (!account.active) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Kontot är spärrat');
    return { account, acr };
  }

  async staff(claims: Record<string, unknown>): Promise<Account> {
    const issuer = this.config.STAFF_OIDC_ISSUER;
    const subject = String(claims.sub);
    const usernameClaim = claims[this.config.STAFF_OIDC_USERNAME_CLAIM];
    const username = typeof usernameClaim === 'string' && usernameClaim ? usernameClaim : null;
    const groupRoles = rolesFromGroups(
      claims[this.config.STAFF_OIDC_GROUPS_CLAIM],
      parseGroupRoles(this.config.STAFF_OIDC_GROUP_ROLES),
    );
    const account = await this.db.transaction(async (em) => {
      let a = await em.findOne(Account, {
        where: { externalIssuer: issuer, externalSubject: subject },
        lock: { mode: 'pessimistic_write' },
      });
      if (!a && username) {
        // An account an admin created before the person's first sign-in, not yet tied to the provider.
        a = await em.findOne(Account, {
          where: { username, externalSubject: IsNull(), personnummer: IsNull() },
          lock: { mode: 'pessimistic_write' },
        });
        if (a && a.roles.includes(Role.sokande)) a = null;
      }
      if (!a) {
        a = em.create(Account, {
          username: username ?? `personal-${subject}`,
          displayName: displayName(claims, username ?? subject),
          title: null,
          passwordHash: null,
          roles: [],
        });
      }
      const before = [...(a.groupRoles ?? [])].sort();
      a.externalIssuer = issuer;
      a.externalSubject = subject;
      a.groupRoles = groupRoles;
      a = await em.save(a);
      if (before.join() !== groupRoles.join()) await this.logGroupRoles(em, a, before, groupRoles);
      return a;
    });
    await this.status.invalidate(account.id); // roles from groups take effect for bearer tokens at once too
    if (!account.active) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Kontot är spärrat');
    if (effectiveRoles(account).length === 0)
      throw new DomainError(ErrorCode.FORBIDDEN, 'Du har ingen roll i systemet. Kontakta en administratör.');
    return account;
  }

  private async logGroupRoles(em: EntityManager, a: Account, before: Role[], after: Role[]): Promise<void> {
    await em.insert(AccountChange, {
      accountId: a.id,
      actorId: null,
      actorName: 'inloggning',
      action: 'grupproller',
      before: { groupRoles: before },
      after: { groupRoles: after },
      reason: 'Roller från grupperna hos organisationens inloggningstjänst',
    });
  }
}
