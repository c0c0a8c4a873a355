import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '@anslag/common';
import { plainQuery } from '@anslag/database';
import { effectiveRoles } from '../principal';
import { TokenService } from '../token.service';
import { Account } from './account.entity';
import { LoginThrottle } from './login-throttle';
import { verifyPassword } from './password';

// A fixed hash so that an unknown username costs the same time as a wrong password.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3xHnC4B1m7T3Jt2o4S0W0p0n7yq2nq8rLQe0bNf0f1s';

export interface OwnPoint {
  point: string;
  title: string;
  decisionMakerTitle: string;
  /** 'innehavare': holds the point; 'ersattare': signs for its holders when they declared jäv or are away. */
  as: 'innehavare' | 'ersattare';
}

@Injectable()
export class LoginService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * The delegation points the account holds and those it is a substitute (ersättare) for, in force today.
   * Read from the delegation order's table by name: auth sits below the decisions library.
   */
  async ownPoints(userId: string, today: string): Promise<OwnPoint[]> {
    return plainQuery<OwnPoint>(
      this.db,
      `SELECT DISTINCT ON (p.point) p.point, p.title, p.decision_maker_title AS "decisionMakerTitle",
              CASE WHEN p.point = ANY(a.delegation_points) THEN 'innehavare' ELSE 'ersattare' END AS "as"
       FROM account a JOIN delegation_point p
         ON p.point = ANY(a.delegation_points) OR a.id = ANY(p.substitute_account_ids)
       WHERE a.id = $1 AND p.valid_from <= $2::date AND (p.valid_to IS NULL OR p.valid_to >= $2::date)
       ORDER BY p.point, (p.point = ANY(a.delegation_points)) DESC, p.valid_from DESC`,
      [userId, today],
    );
  }

  /**
   * The active local account with this password, or UNAUTHENTICATED (the same answer for every failure).
   * Failed attempts count against the account and the client address (LoginThrottle).
   */
  async authenticate(username: string, password: string, address: string): Promise<Account> {
    await this.throttle.assertAllowed(username, address);
    const account = await this.db
      .getRepository(Account)
      .createQueryBuilder('a')
      .addSelect('a.passwordHash')
      .where('a.username = :username AND a.active', { username })
      .getOne();
    const ok = await verifyPassword(account?.passwordHash ?? DUMMY_HASH, password);
    if (!account || !ok) {
      await this.throttle.failed(username, address);
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Fel användarnamn eller lösenord');
    }
    await this.throttle.succeeded(username);
    return account;
  }

  async login(username: string, password: string, address: string): Promise<string> {
    const account = await this.authenticate(username, password, address);
    return this.tokens.issue({
      userId: account.id,
      username: account.username,
      roles: effectiveRoles(account),
      organisationIds: [],
      acr: null,
    });
  }
}
