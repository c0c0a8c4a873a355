import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Account, AccountStatusService, hashPassword, Principal } from '@anslag/auth';
import { DomainError, ErrorCode } from '@anslag/common';
import { AccountChange } from '../entities/account-change.entity';
import { SessionService } from '../sessions/session.service';
import { AccountChangeDto, CreateStaffDto, StaffDto, UpdateStaffDto } from './staff.dto';

const snapshot = (a: Account, substituteFor: string[]) => ({
  displayName: a.displayName,
  title: a.title,
  roles: a.roles,
  delegationPoints: a.delegationPoints,
  substituteFor,
  active: a.active,
  breakGlass: a.breakGlass,
});

/**
 * Staff accounts, administered by admins: create (a local break-glass account only when a password is
 * given), change, assign roles and delegation points, deactivate. Every change is logged with who and why
 * in the same transaction, and takes effect at the next request (deactivation ends the sessions).
 */
@Injectable()
export class StaffAdminService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionService,
    private readonly status: AccountStatusService,
  ) {}

  async list(): Promise<StaffDto[]> {
    const rows = await this.db
      .getRepository(Account)
      .find({ where: { personnummer: IsNull() }, order: { displayName: 'ASC' } });
    const staff = rows.filter((a) => !a.roles.includes('sokande' as never));
    const subs: { account_id: string; points: string[] }[] = await this.db.query(
      `SELECT s.account_id, array_agg(DISTINCT p.point ORDER BY p.point) AS points
         FROM delegation_point p, unnest(p.substitute_account_ids) AS s(account_id)
        WHERE p.valid_to IS NULL OR p.valid_to >= current_date
        GROUP BY s.account_id`,
    );
    const byAccount = new Map(subs.map((r) => [r.account_id, r.points]));
    return staff.map((a) => StaffDto.from(a, byAccount.get(a.id) ?? []));
  }

  async create(p: Principal, dto: CreateStaffDto): Promise<StaffDto> {
    // The password policy (length, not guessable, not like the person's name) is the auth library's.
    const passwordHash = dto.password
      ? await hashPassword(dto.password, [dto.username, dto.displayName])
      : null;
    return this.db.transaction(async (em) => {
      if (await em.exists(Account, { where: { username: dto.username } }))
        throw new DomainError(ErrorCode.CONFLICT, 'Användarnamnet finns redan', [
          { field: 'username', problem: 'finns redan' },
        ]);
      const delegationPoints = await this.checkPoints(em, dto.delegationPoints ?? []);
      const a = await em.save(
        em.create(Account, {
          username: dto.username,
          displayName: dto.displayName,
          title: dto.title ?? null,
          roles: [...new Set(dto.roles)],
          delegationPoints,
          passwordHash,
          breakGlass: passwordHash !== null,
        }),
      );
      const substituteFor = await this.setSubstitute(em, a.id, dto.substituteFor ?? []);
      await this.log(em, p, a.id, 'skapad', null, snapshot(a, substituteFor), dto.reason);
      return StaffDto.from(a, substituteFor);
    });
  }

  async update(p: Principal, id: string, dto: UpdateStaffDto): Promise<StaffDto> {
    const updated = await this.db.transaction(async (em) => {
      const a = await em.findOne(Account, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!a || a.personnummer || a.roles.includes('sokande' as never)) throw DomainError.notFound('Kontot');
      if (a.id === p.userId && (dto.active === false || (dto.roles && !dto.roles.includes('admin' as never))))
        throw DomainError.validation(
          'roles',
          'du kan inte spärra eller ta bort administratörsrollen från dig själv',
        );
      const substituteBefore = await this.substituteFor(em, a.id);
      const before = snapshot(a, substituteBefore);
      if (dto.displayName !== undefined) a.displayName = dto.displayName;
      if (dto.title !== undefined) a.title = dto.title;
      if (dto.roles !== undefined) a.roles = [...new Set(dto.roles)];
      if (dto.delegationPoints !== undefined)
        a.delegationPoints = await this.checkPoints(em, dto.delegationPoints);
      if (dto.active !== undefined) a.active = dto.active;
      const saved = await em.save(a);
      const substituteFor =
        dto.substituteFor === undefined
          ? substituteBefore
          : await this.setSubstitute(em, a.id, dto.substituteFor);
      const action =
        dto.active === false && before.active
          ? 'spärrad'
          : dto.active && !before.active
            ? 'återaktiverad'
            : 'ändrad';
      await this.log(em, p, a.id, action, before, snapshot(saved, substituteFor), dto.reason);
      if (!saved.active) await this.sessions.endAll(a.id, em);
      return StaffDto.from(saved, substituteFor);
    });
    // Bearer tokens read the account through a short cache: drop it here and in every api instance.
    await this.status.invalidate(id);
    return updated;
  }

  async changes(id: string): Promise<AccountChangeDto[]> {
    if (!(await this.db.getRepository(Account).exists({ where: { id } })))
      throw DomainError.notFound('Kontot');
    const rows = await this.db
      .getRepository(AccountChange)
      .find({ where: { accountId: id }, order: { id: 'ASC' } });
    return rows.map((r) => ({
      at: r.at.toISOString(),
      actor: r.actorName,
      action: r.action,
      before: r.before,
      after: r.after,
      reason: r.reason,
    }));
  }

  /** The points in force where the account is a substitute (the delegation order's own data). */
  private async substituteFor(em: EntityManager, accountId: string): Promise<string[]> {
    const rows: { point: string }[] = await em.query(
      `SELECT DISTINCT point FROM delegation_point
        WHERE $1 = ANY(substitute_account_ids) AND (valid_to IS NULL OR valid_to >= current_date)
        ORDER BY point`,
      [accountId],
    );
    return rows.map((r) => r.point);
  }

  /** Makes the account a substitute on exactly these points (every version in force), and on no other. */
  private async setSubstitute(em: EntityManager, accountId: string, points: string[]): Promise<string[]> {
    const wanted = await this.checkPoints(em, points, 'substituteFor');
    await em.query(
      `UPDATE delegation_point SET substitute_account_ids = array_remove(substitute_account_ids, $1)
        WHERE $1 = ANY(substitute_account_ids) AND NOT (point = ANY($2))
          AND (valid_to IS NULL OR valid_to >= current_date)`,
      [accountId, wanted],
    );
    await em.query(
      `UPDATE delegation_point SET substitute_account_ids = array_append(substitute_account_ids, $1)
        WHERE point = ANY($2) AND NOT ($1 = ANY(substitute_account_ids))
          AND (valid_to IS NULL OR valid_to >= current_date)`,
      [accountId, wanted],
    );
    return this.substituteFor(em, accountId);
  }

  /** Points must exist in the delegation order (any version). */
  private async checkPoints(
    em: EntityManager,
    points: string[],
    field = 'delegationPoints',
  ): Promise<string[]> {
    const unique = [...new Set(points)];
    if (!unique.length) return [];
    const known: { point: string }[] = await em.query(
      'SELECT DISTINCT point FROM delegation_point WHERE point = ANY($1)',
      [unique],
    );
    const missing = unique.filter((x) => !known.some((k) => k.point === x));
    if (missing.length) throw DomainError.validation(field, `okänd delegationspunkt: ${missing.join(', ')}`);
    return unique;
  }

  private async log(
    em: EntityManager,
    p: Principal,
    accountId: string,
    action: string,
    before: object | null,
    after: object,
    reason: string,
  ): Promise<void> {
    await em.insert(AccountChange, {
      accountId,
      actorId: p.userId,
      actorName: p.username,
      action,
      before,
      after,
      reason,
    });
  }
}
