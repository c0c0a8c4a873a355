import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { effectiveRoles, Principal, ResolvedSession, Role, SessionResolver } from '@anslag/auth';
import { AppConfig } from '@anslag/config';
import type { SignInMethod } from '../entities/session.entity';

export interface NewSession {
  cookieValue: string;
  csrfToken: string;
}

const hashOf = (cookieValue: string) => createHash('sha256').update(cookieValue).digest('hex');

/** Browser sessions: created at sign-in, looked up (and refreshed) on every request, ended at logout. */
@Injectable()
export class SessionService extends SessionResolver {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async create(accountId: string, method: SignInMethod, acr: string | null): Promise<NewSession> {
    const cookieValue = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await this.db.query(
      `INSERT INTO session (id, account_id, csrf_token, method, acr, expires_at, absolute_expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6), now() + make_interval(secs => $7))`,
      [
        hashOf(cookieValue),
        accountId,
        csrfToken,
        method,
        acr,
        this.config.SESSION_IDLE_SECONDS,
        this.config.SESSION_MAX_SECONDS,
      ],
    );
    return { cookieValue, csrfToken };
  }

  /**
   * The session behind a cookie, with the account as it is now (roles, active), refreshed by this use.
   * An ended or expired session, or a deactivated account, gives null.
   */
  async resolve(cookieValue: string): Promise<ResolvedSession | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(cookieValue)) return null;
    // An UPDATE … RETURNING answers [rows, count] through TypeORM's postgres driver.
    const [rows]: [
      {
        id: string;
        csrf_token: string;
        acr: string | null;
        account_id: string;
        username: string;
        roles: Role[];
        group_roles: Role[];
        organisation_ids: string[] | null;
      }[],
      number,
    ] = await this.db.query(
      `UPDATE session s
          SET expires_at = LEAST(now() + make_interval(secs => $2), s.absolute_expires_at)
         FROM account a
        WHERE s.id = $1 AND a.id = s.account_id AND a.active
          AND s.ended_at IS NULL AND s.expires_at > now()
       RETURNING s.id, s.csrf_token, s.acr, a.id AS account_id, a.username, a.roles, a.group_roles,
         (SELECT array_agg(m.organisation_id) FROM mandate m
           WHERE m.account_id = a.id AND m.status IN ('overifierad', 'giltig')) AS organisation_ids`,
      [hashOf(cookieValue), this.config.SESSION_IDLE_SECONDS],
    );
    const row = rows[0];
    if (!row) return null;
    const principal: Principal = {
      userId: row.account_id,
      username: row.username,
      roles: effectiveRoles({ roles: row.roles, groupRoles: row.group_roles }),
      organisationIds: row.organisation_ids ?? [],
      acr: row.acr,
      sessionId: row.id,
    };
    return { principal, csrfToken: row.csrf_token };
  }

  async end(sessionId: string): Promise<void> {
    await this.db.query('UPDATE session SET ended_at = now() WHERE id = $1 AND ended_at IS NULL', [
      sessionId,
    ]);
  }

  /** Ends every session of an account (deactivation). */
  async endAll(accountId: string, em = this.db.manager): Promise<void> {
    await em.query('UPDATE session SET ended_at = now() WHERE account_id = $1 AND ended_at IS NULL', [
      accountId,
    ]);
  }
}
