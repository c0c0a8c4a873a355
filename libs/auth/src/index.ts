export { Role, ALL_ROLES, OFFICER_ROLES, Roles, Public, ROLES_KEY, PUBLIC_KEY } from './roles';
export { CurrentUser, type Principal } from './principal';
export { TokenService } from './token.service';
export { AuthCoreModule } from './auth-core.module';
export { AuthModule } from './auth.module';
export { Account } from './accounts/account.entity';
export { hashPassword, hashDemoPassword, passwordProblem } from './accounts/password';
export { AccountStatusService, type AccountState } from './accounts/account-status.service';
export { LoginThrottle } from './accounts/login-throttle';
