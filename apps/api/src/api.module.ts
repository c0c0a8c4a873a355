import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuthCoreModule, AuthModule } from '@anslag/auth';
import { CasesModule } from '@anslag/cases';
import { IdentityModule } from '@anslag/identity';
import { PolicyModule } from '@anslag/policy';
import { DecisionsModule } from '@anslag/decisions';
import { LettersModule } from '@anslag/letters';
import { PaymentsModule } from '@anslag/payments';
import { AllExceptionsFilter, CommonModule, createValidationPipe } from '@anslag/common';
import { ConfigModule } from '@anslag/config';
import { DatabaseModule } from '@anslag/database';
import { RedisModule } from '@anslag/queue';
import { ReportsModule } from '@anslag/reports';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { ShutdownDrain } from './health/shutdown-drain';

@Module({
  imports: [
    ConfigModule,
    CommonModule,
    DatabaseModule.forApi(),
    RedisModule,
    AuthCoreModule,
    AuthModule,
    IdentityModule,
    CasesModule,
    PolicyModule,
    ReportsModule,
    DecisionsModule,
    LettersModule,
    PaymentsModule,
  ],
  controllers: [HealthController],
  providers: [
    HealthService,
    ShutdownDrain,
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
  ],
})
export class ApiModule {}
