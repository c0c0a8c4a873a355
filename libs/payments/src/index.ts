export { PaymentsModule } from './payments.module';
export * from './calc';
export { PaymentRequestsService } from './payment-requests.service';
export { VerificationService } from './verification.service';
export { PaymentsService } from './payments.service';
export { BatchService } from './batch.service';
export { RecoveryService } from './recovery.service';
export { DEFAULT_PAYMENT_SETTINGS, type PaymentSettings } from './payment-settings.service';
export { AttestRight } from './entities/attest-right.entity';
export { Payment } from './entities/payment.entity';
export { PaymentRequest } from './entities/payment-request.entity';
export { PaymentBatch } from './entities/payment-batch.entity';
export { Recovery } from './entities/recovery.entity';
export { validatePain001 } from './finance/schema';
export {
  PAYMENT_LETTER_TOPIC,
  PaymentLetterJob,
  PaymentLetterNotOrderedError,
  requestPaymentLetter,
} from './letter/payment-letter.job';
export { PaymentLetter } from './entities/payment-letter.entity';
export { renderPaymentLetter, type PaymentLetterModel } from './letter/render-payment-letter';
export { paymentLetterModel, recoveryLetterModel } from './letter/payment-letter-model';
