import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@anslag/config';
import { AccountStatusService } from './accounts/account-status.service';
import { AuthGuard } from './auth.guard';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, made once. Given a string, jsonwebtoken first tries it as a PEM public key on
        // every call (crypto.createPublicKey, which throws) before it falls back to an HMAC key: that
        // was a quarter of the api's CPU time per authenticated request.
        secret: createSecretKey(Buffer.from(config.JWT_SECRET!, 'utf8')),
        signOptions: { expiresIn: config.JWT_TTL_SECONDS, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [TokenService, AccountStatusService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService, JwtModule, AccountStatusService],
})
export class AuthCoreModule {}
