import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

const KR = { message: 'ska vara ett belopp i hela kronor' };
const MAX_KR = 10_000_000_000;

export class PayoutAccountDto {
  @ApiProperty({ enum: ['bankgiro', 'plusgiro', 'iban'] })
  @IsIn(['bankgiro', 'plusgiro', 'iban'], { message: 'ska vara bankgiro, plusgiro eller iban' })
  type: 'bankgiro' | 'plusgiro' | 'iban';

  @ApiProperty({ example: '5678-0000' })
  @IsString()
  @Length(2, 40)
  number: string;

  @ApiPropertyOptional({ example: 'ESSESESS', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Length(8, 14)
  bic?: string | null;
}

export class VoucherDto {
  @ApiProperty({ example: 'V-1001' }) @IsString() @Length(1, 40) voucherNumber: string;
  @ApiProperty({ example: 'Konsultbolaget AB' }) @IsString() @Length(1, 200) supplier: string;
  @ApiProperty({ example: 'externa_tjanster' }) @IsString() @Length(1, 60) costCategory: string;
  @ApiProperty({ example: 'konsulttjanst', description: 'Kostnadsslag; vissa är aldrig stödberättigande.' })
  @IsString()
  @Length(1, 60)
  costType: string;
  @ApiProperty({ example: '2020-03-01' }) @IsDateString({ strict: true }) invoiceDate: string;
  @ApiPropertyOptional({ example: '2020-03-20', nullable: true, type: String })
  @IsOptional()
  @IsDateString({ strict: true })
  paymentDate?: string | null;
  @ApiProperty({ example: 40_000 }) @IsInt(KR) @Min(0) @Max(MAX_KR) amountExVat: number;
  @ApiPropertyOptional({ example: 10_000 }) @IsOptional() @IsInt(KR) @Min(0) @Max(MAX_KR) vat?: number;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'ska vara ett id' })
  attachmentId?: string | null;
}

export class AmountLineDto {
  @ApiProperty({ example: 'kommuner' }) @IsString() @Length(1, 120) name: string;
  @ApiProperty({ example: 26_000 }) @IsInt(KR) @Min(0) @Max(MAX_KR) amount: number;
}

export class IndicatorDto {
  @ApiProperty({ example: 'nya_arbetstillfallen' }) @IsString() @Length(1, 60) code: string;
  @ApiProperty({ example: 3 })
  @IsInt({ message: 'ska vara ett heltal' })
  @Min(0)
  @Max(1_000_000)
  value: number;
}

/** An utbetalningsansökan as the grantee writes it (all fields optional while it is a draft). */
export class PaymentRequestFieldsDto {
  @ApiPropertyOptional({ example: 'Projektet har genomfört fyra nätverksträffar …' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  reportText?: string;

  @ApiPropertyOptional({ type: [IndicatorDto] })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => IndicatorDto)
  indicators?: IndicatorDto[];

  @ApiPropertyOptional({ type: [AmountLineDto], description: 'Medfinansiering som har kommit in.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AmountLineDto)
  cofinancing?: AmountLineDto[];

  @ApiPropertyOptional({ type: [AmountLineDto], description: 'Direktfinansierade kostnader (in natura).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AmountLineDto)
  inKind?: AmountLineDto[];

  @ApiPropertyOptional({ type: PayoutAccountDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PayoutAccountDto)
  payoutAccount?: PayoutAccountDto;

  @ApiPropertyOptional({ type: [VoucherDto] })
  @IsOptional()
  @ArrayMaxSize(2_000)
  @ValidateNested({ each: true })
  @Type(() => VoucherDto)
  vouchers?: VoucherDto[];
}

export class CreatePaymentRequestDto extends PaymentRequestFieldsDto {
  @ApiPropertyOptional({
    enum: ['lagesrapport', 'slutrapport'],
    description: 'Standard: nästa i rapportplanen.',
  })
  @IsOptional()
  @IsIn(['lagesrapport', 'slutrapport'], { message: 'ska vara lagesrapport eller slutrapport' })
  kind?: 'lagesrapport' | 'slutrapport';
}

export class VerifyLineDto {
  @ApiProperty({ example: 1 }) @IsInt({ message: 'ska vara ett heltal' }) @Min(1) @Max(10_000) lineNo: number;
  @ApiProperty({ enum: ['godkand', 'avdragen', 'flyttad'] })
  @IsIn(['godkand', 'avdragen', 'flyttad'], { message: 'ska vara godkand, avdragen eller flyttad' })
  verdict: 'godkand' | 'avdragen' | 'flyttad';
  @ApiPropertyOptional({ example: 'ej_stodberattigande' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  deductionReason?: string;
  @ApiPropertyOptional({ example: 'Fakturan avser leasing av bil.' })
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  deductionText?: string;
  @ApiPropertyOptional({ description: 'Vid delvis avdrag: det belopp som godkänns.', example: 5_000 })
  @IsOptional()
  @IsInt(KR)
  @Min(0)
  @Max(MAX_KR)
  approvedAmount?: number;
}

export class VerificationDto {
  @ApiProperty({ type: [VerifyLineDto] })
  @ArrayMaxSize(2_000)
  @ValidateNested({ each: true })
  @Type(() => VerifyLineDto)
  lines: VerifyLineDto[];

  @ApiPropertyOptional({ description: 'Slutrapporten är godkänd (bara för en slutredovisning).' })
  @IsOptional()
  @IsBoolean()
  finalReportApproved?: boolean;
}

export class CancelReasonDto {
  @ApiProperty({ example: 'Fel bankgironummer' }) @IsString() @MinLength(3) @MaxLength(2_000) reason: string;
}

export class AdvanceStepDto {
  @ApiProperty({ example: 1, description: 'Utbetalningsansökans nummer i rapportplanen.' })
  @IsInt({ message: 'ska vara ett heltal' })
  @Min(1)
  @Max(200)
  seq: number;
  @ApiProperty({ example: 50_000 }) @IsInt(KR) @Min(1) @Max(MAX_KR) amount: number;
}

export class AdvanceDto {
  @ApiProperty({ example: 100_000 }) @IsInt(KR) @Min(1) @Max(MAX_KR) amount: number;
  @ApiProperty({ example: 'Projektägaren är en ideell förening utan rörelsekapital …', minLength: 20 })
  @IsString()
  @MinLength(20, { message: 'ska ange de särskilda skälen (minst 20 tecken)' })
  @MaxLength(5_000)
  specialReasons: string;
  @ApiProperty({ type: [AdvanceStepDto] })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AdvanceStepDto)
  offsetPlan: AdvanceStepDto[];
  @ApiProperty({ type: PayoutAccountDto })
  @ValidateNested()
  @Type(() => PayoutAccountDto)
  payoutAccount: PayoutAccountDto;
}

export class ConfirmPaymentDto {
  @ApiProperty({ example: '2020-07-20' }) @IsDateString({ strict: true }) paidOn: string;
  @ApiProperty({ example: 'BG-2020-07-20-0042' }) @IsString() @Length(1, 100) reference: string;
}

export class CreateBatchDto {
  @ApiProperty({ example: '2020-07-20', description: 'Begärd betalningsdag.' })
  @IsDateString({ strict: true })
  executionDate: string;
}

export class RecoveryDraftDto {
  @ApiProperty({ example: 'villkor_ej_uppfyllda' }) @IsString() @Length(1, 60) groundsCode: string;
  @ApiProperty({ example: 'Investeringen såldes inom tre år.' })
  @IsString()
  @MinLength(10)
  @MaxLength(5_000)
  groundsText: string;
  @ApiProperty({ example: 10_000 }) @IsInt(KR) @Min(1) @Max(MAX_KR) amount: number;
  @ApiProperty({ example: '2020-09-01', description: 'Räntan räknas från denna dag.' })
  @IsDateString({ strict: true })
  interestFrom: string;
  @ApiProperty({ enum: ['kvittning', 'faktura'] })
  @IsIn(['kvittning', 'faktura'], { message: 'ska vara kvittning eller faktura' })
  settlement: 'kvittning' | 'faktura';
}

export class ScheduleOverrideDto {
  @ApiProperty({ example: '2020-08-15' }) @IsDateString({ strict: true }) dueDate: string;
  @ApiProperty({ example: 'Projektet startade senare' })
  @IsString()
  @MinLength(3)
  @MaxLength(2_000)
  reason: string;
}

export class PeriodQueryDto {
  @ApiProperty({ example: '2020-01-01' }) @IsDateString({ strict: true }) from: string;
  @ApiProperty({ example: '2020-12-31' }) @IsDateString({ strict: true }) to: string;
}

export class YearQueryDto {
  @ApiPropertyOptional({ example: 2020 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'ska vara ett år' })
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class RequestListQueryDto {
  @ApiPropertyOptional({
    enum: ['utkast', 'inskickad', 'granskad', 'makulerad'],
    description: 'Standard: inskickad.',
  })
  @IsOptional()
  @IsIn(['utkast', 'inskickad', 'granskad', 'makulerad'], {
    message: 'ska vara utkast, inskickad, granskad eller makulerad',
  })
  status?: string;
}
