import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ProblemDto {
  @ApiProperty({ example: 'payoutAccount' }) field: string;
  @ApiProperty({ example: 'ska anges' }) problem: string;
}

export class ScheduleItemDto {
  @ApiProperty() seq: number;
  @ApiProperty({ enum: ['lagesrapport', 'slutrapport'] }) kind: 'lagesrapport' | 'slutrapport';
  @ApiProperty({ example: '2020-01-01' }) periodFrom: string;
  @ApiProperty({ example: '2020-05-31' }) periodTo: string;
  @ApiProperty({ example: '2020-07-01' }) dueDate: string;
  @ApiPropertyOptional({ type: String, nullable: true }) overrideReason: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) requestId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) requestStatus: string | null;
}

export class PayableTermDto {
  @ApiProperty() term: string;
  @ApiProperty() amount: number;
  @ApiProperty() reason: string;
}

export class CalculationDto {
  @ApiProperty() entitledTotal: number;
  @ApiProperty() gross: number;
  @ApiProperty() advanceOffset: number;
  @ApiProperty() net: number;
  @ApiProperty({ type: [PayableTermDto] }) terms: PayableTermDto[];
}

export class VoucherResponseDto {
  @ApiProperty() lineNo: number;
  @ApiProperty() voucherNumber: string;
  @ApiProperty() supplier: string;
  @ApiProperty() costCategory: string;
  @ApiProperty() costType: string;
  @ApiProperty() invoiceDate: string;
  @ApiPropertyOptional({ type: String, nullable: true }) paymentDate: string | null;
  @ApiProperty() amountExVat: number;
  @ApiProperty() vat: number;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) attachmentId: string | null;
  @ApiProperty({ type: [ProblemDto], description: 'Vad reglerna har flaggat.' }) flags: ProblemDto[];
  @ApiProperty({ enum: ['ej_granskad', 'godkand', 'avdragen', 'flyttad'] }) verdict: string;
  @ApiPropertyOptional({ type: String, nullable: true }) deductionReason: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) deductionText: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) approvedAmount: number | null;
}

export class NamedAmountDto {
  @ApiProperty() name: string;
  @ApiProperty() amount: number;
}

export class IndicatorValueDto {
  @ApiProperty() code: string;
  @ApiProperty() value: number;
}

export class PayoutAccountResponseDto {
  @ApiProperty({ enum: ['bankgiro', 'plusgiro', 'iban'] }) type: string;
  @ApiProperty() number: string;
  @ApiPropertyOptional({ type: String, nullable: true }) bic?: string | null;
}

export class PaymentRequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ type: String, nullable: true }) diarienummer: string | null;
  @ApiProperty({ format: 'uuid' }) decisionId: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() seq: number;
  @ApiProperty({ enum: ['lagesrapport', 'slutrapport'] }) kind: string;
  @ApiProperty() periodFrom: string;
  @ApiProperty() periodTo: string;
  @ApiProperty({ enum: ['utkast', 'inskickad', 'granskad', 'makulerad'] }) status: string;
  @ApiProperty() reportText: string;
  @ApiProperty({ type: [IndicatorValueDto] }) indicators: IndicatorValueDto[];
  @ApiProperty({ type: [NamedAmountDto] }) cofinancing: NamedAmountDto[];
  @ApiProperty({ type: [NamedAmountDto] }) inKind: NamedAmountDto[];
  @ApiPropertyOptional({ type: PayoutAccountResponseDto, nullable: true })
  payoutAccount: PayoutAccountResponseDto | null;
  @ApiProperty({ type: [VoucherResponseDto] }) vouchers: VoucherResponseDto[];
  @ApiProperty() bookedTotal: number;
  @ApiPropertyOptional({ type: String, nullable: true }) submittedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) verifiedAt: string | null;
  @ApiProperty() finalReportApproved: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true }) approvedCosts: number | null;
  @ApiPropertyOptional({ type: CalculationDto, nullable: true }) calculation: CalculationDto | null;
}

export class CheckResultDto {
  @ApiProperty({ description: 'Kan skickas in.' }) ok: boolean;
  @ApiProperty({ type: [ProblemDto], description: 'Måste rättas innan ansökan skickas in.' })
  problems: ProblemDto[];
  @ApiProperty({ type: [ProblemDto], description: 'Handläggaren kommer att pröva dessa rader.' })
  warnings: ProblemDto[];
}

export class PaymentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ type: String, nullable: true }) diarienummer?: string | null;
  @ApiProperty({ format: 'uuid' }) decisionId: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) requestId: string | null;
  @ApiProperty({ enum: ['utbetalning', 'forskott'] }) kind: string;
  @ApiProperty({ enum: ['forslag', 'attesterad', 'i_bunt', 'betald', 'makulerad'] }) status: string;
  @ApiProperty() gross: number;
  @ApiProperty() advanceOffset: number;
  @ApiProperty() recoveryOffset: number;
  @ApiProperty() net: number;
  @ApiProperty() payeeName: string;
  @ApiProperty({ type: PayoutAccountResponseDto }) payoutAccount: PayoutAccountResponseDto;
  @ApiPropertyOptional({ type: String, nullable: true }) specialReasons: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) authorisedByName: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) authorisedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) batchId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) paidOn: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) bankReference: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) cancelReason: string | null;
}

export class BatchDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() messageId: string;
  @ApiProperty() executionDate: string;
  @ApiProperty() count: number;
  @ApiProperty() total: number;
  @ApiProperty() pain001Sha256: string;
  @ApiProperty() createdAt: string;
}

export class InterestLineDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty() days: number;
  @ApiProperty() rateBp: number;
  @ApiProperty() amount: number;
}

export class RecoveryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) decisionId: string;
  @ApiProperty({ enum: ['utkast', 'beslutad', 'reglerad'] }) status: string;
  @ApiProperty() groundsCode: string;
  @ApiProperty() groundsLabel: string;
  @ApiProperty() groundsText: string;
  @ApiProperty() amount: number;
  @ApiProperty() interestFrom: string;
  @ApiPropertyOptional({ type: String, nullable: true }) interestTo: string | null;
  @ApiProperty({ type: [InterestLineDto] }) interestLines: InterestLineDto[];
  @ApiProperty() interest: number;
  @ApiProperty({ enum: ['kvittning', 'faktura'] }) settlement: string;
  @ApiPropertyOptional({ type: String, nullable: true }) decidedByName: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decisionDate: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) settledOn: string | null;
}

export class PaymentRequestListItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) decisionId: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiPropertyOptional({ type: String, nullable: true }) diarienummer: string | null;
  @ApiProperty() organisationName: string;
  @ApiProperty() seq: number;
  @ApiProperty({ enum: ['lagesrapport', 'slutrapport'] }) kind: string;
  @ApiProperty({ enum: ['utkast', 'inskickad', 'granskad', 'makulerad'] }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true }) submittedAt: string | null;
  @ApiProperty() bookedTotal: number;
}

export class CodeLabelDto {
  @ApiProperty() code: string;
  @ApiProperty() label: string;
}
