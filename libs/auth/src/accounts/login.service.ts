import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '@anslag/common';
import { effectiveRoles } from '../principal';
import { TokenService } from '../token.service';
import { Account } from './account.entity';
import { verifyPassword } from './password';

// A fixed hash so that an unknown username costs the same time as a wrong password.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3xHnC4B1m7T3Jt2o4S0W0p0n7yq2nq8rLQe0bNf0f1s';

@Injectable()
export class LoginService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
  ) {}

  /** The active local account with this password, or UNAUTHENTICATED (the same answer for every failure). */
  async authenticate(username: string, password: string): Promise<Account> {
    const account = await this.db
      .getRepository(Account)
      .createQueryBuilder('a')
      .addSelect('a.passwordHash')
      .where('a.username = :username AND a.active', { username })
      .getOne();
    const ok = await verifyPassword(account?.passwordHash ?? DUMMY_HASH, password);
    if (!account || !ok) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Fel användarnamn eller lösenord');
    return account;
  }

  async login(username: string, password: string): Promise<string> {
    const account = await this.authenticate(username, password);
    return this.tokens.issue({
      userId: account.id,
      username: account.username,
      roles: effectiveRoles(account),
      organisationIds: [],
      acr: null,
    });
  }
}
