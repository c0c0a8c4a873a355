import { Module } from '@nestjs/common';
import { CasesModule } from '@anslag/cases';
import { ReportsModule } from '@anslag/reports';
import { BatchService } from './batch.service';
import { PaymentAdminController } from './payment-admin.controller';
import { PaymentReportsService } from './payment-reports.service';
import { PaymentRequestsController } from './payment-requests.controller';
import { PaymentRequestsService } from './payment-requests.service';
import { PaymentSettingsService } from './payment-settings.service';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';
import { RecoveryService } from './recovery.service';
import { VerificationService } from './verification.service';

@Module({
  imports: [CasesModule, ReportsModule],
  controllers: [PaymentRequestsController, PaymentsController, PaymentAdminController],
  providers: [
    BatchService,
    PaymentReportsService,
    PaymentRequestsService,
    PaymentSettingsService,
    PaymentsService,
    RecoveryService,
    VerificationService,
  ],
  exports: [PaymentRequestsService, VerificationService, PaymentsService, BatchService, RecoveryService],
})
export class PaymentsModule {}
