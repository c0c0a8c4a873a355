import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsOptionalNonNull } from '@anslag/common';
import { IsSections } from './sections';

const MAX_KR = 1_000_000_000_000;

/** A project budget amount: a cost category in a calendar year. */
export class CostLineDto {
  @ApiProperty({
    example: 'egen_personal',
    description: 'kostnadskategori (GET /api/catalogues/cost-categories)',
  })
  @IsString()
  @MaxLength(60)
  category: string;
  @ApiProperty({ example: 2020 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ description: 'hela kronor' })
  @IsInt({ message: 'belopp ska vara hela kronor' })
  @Min(0)
  @Max(MAX_KR)
  amount: number;
}

export class FinancingLineDto {
  @ApiProperty({ example: 'anslag_1_1', description: 'finansiärens kod (GET /api/catalogues/financiers)' })
  @IsString()
  @MaxLength(60)
  financier: string;
  @ApiProperty({ example: 2020 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty() @IsInt({ message: 'belopp ska vara hela kronor' }) @Min(0) @Max(MAX_KR) amount: number;
  @ApiPropertyOptional({ enum: ['kontant', 'arbetad_tid'], default: 'kontant' })
  @IsOptional()
  @IsIn(['kontant', 'arbetad_tid'])
  form?: 'kontant' | 'arbetad_tid';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) label?: string;
}

export class InKindLineDto {
  @ApiProperty({ example: 'Möckelnföretagen' }) @IsString() @MinLength(1) @MaxLength(200) contributor: string;
  @ApiProperty() @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty() @IsInt({ message: 'belopp ska vara hela kronor' }) @Min(0) @Max(MAX_KR) amount: number;
}

export class ProjectBudgetDto {
  @ApiProperty({ type: [CostLineDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => CostLineDto)
  costs: CostLineDto[];
  @ApiProperty({ type: [FinancingLineDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => FinancingLineDto)
  financing: FinancingLineDto[];
  @ApiPropertyOptional({ type: [InKindLineDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => InKindLineDto)
  inKind?: InKindLineDto[];
}

/** Company support: one line of the investment or purchase. */
export class CompanyCostLineDto {
  @ApiProperty({ example: 'CNC-maskin' }) @IsString() @MinLength(1) @MaxLength(300) description: string;
  @ApiProperty({
    example: 'machinery',
    description:
      'kostnadstyp (GET /api/catalogues/cost-types); fordon, leasing, eget arbete och driftkostnader är inte stödberättigande',
  })
  @IsString()
  @MaxLength(60)
  costType: string;
  @ApiProperty() @IsInt({ message: 'belopp ska vara hela kronor' }) @Min(0) @Max(MAX_KR) amount: number;
  @ApiPropertyOptional({ description: 'datum för beställning/faktura, om någon finns' })
  @IsOptional()
  @IsDateString({ strict: true })
  dated?: string;
}

/** One de minimis aid the single undertaking ("ett enda företag": the applicant and linked organisations) received. */
export class DeMinimisDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) grantor: string;
  @ApiProperty() @IsDateString({ strict: true }) grantedOn: string;
  @ApiProperty() @IsInt() @Min(0) @Max(MAX_KR) amount: number;
  @ApiProperty({ enum: ['SEK', 'EUR'] }) @IsIn(['SEK', 'EUR']) currency: 'SEK' | 'EUR';
  @ApiPropertyOptional({
    example: '(EU) nr 1407/2013',
    description:
      'förordningen stödet beviljades enligt (1407/2013, 360/2012, 1408/2013, 717/2014, 2023/2831, 2023/2832)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  regulation?: string;
  @ApiPropertyOptional({
    description: 'det företag inom det enda företaget som fick stödet, om inte sökanden',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  recipient?: string;
}

/** Facts of the applicant that the EU conditions need (GBER art. 17 and 22, difficulty, excluded activities). */
export class StateAidFactsDto {
  @ApiPropertyOptional() @IsOptional() @IsDateString({ strict: true }) registeredOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() listed?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() distributedProfits?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() formedThroughMerger?: boolean;
  @ApiPropertyOptional({ description: 'årsarbetskrafter, med anknutna företag och partnerföretag' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  headcount?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(MAX_KR) turnoverKronor?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(MAX_KR) balanceSheetKronor?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() includesLinked?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() inDifficulty?: boolean;
  @ApiPropertyOptional({ type: [String], example: ['exportverksamhet'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  activities?: string[];
}

export class HomeDeliveryDto {
  @ApiProperty({ description: 'kommunens nettokostnad för hemsändningen, hela kronor' })
  @IsInt()
  @Min(0)
  @Max(MAX_KR)
  netCost: number;
  @ApiProperty({ description: 'antal hushåll × hemsändningstillfällen' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  householdDeliveries: number;
}

export class ProjectStateAidDto {
  @ApiProperty({ description: 'om projektmedlen utgör statligt stöd till någon' })
  @IsBoolean()
  isStateAid: boolean;
  @ApiPropertyOptional() @IsOptional() @IsDateString({ strict: true }) governmentNotifiedOn?: string;
  @ApiPropertyOptional({ type: [String], example: ['SFS 2000:284'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  overlapsWith?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) reasoning?: string;
}

/** Fields an applicant or officer may set on a case; which apply depends on the track. */
export class CaseFieldsDto {
  @ApiPropertyOptional() @IsOptionalNonNull() @IsString() @MinLength(1) @MaxLength(500) title?: string;
  @ApiPropertyOptional() @IsOptionalNonNull() @IsString() @MaxLength(20000) description?: string;

  // Project co-financing
  @ApiPropertyOptional({ example: '2020-01-01' })
  @IsOptional()
  @IsDateString({ strict: true })
  periodStart?: string;
  @ApiPropertyOptional({ example: '2021-12-31' })
  @IsOptional()
  @IsDateString({ strict: true })
  periodEnd?: string;
  @ApiPropertyOptional() @IsOptionalNonNull() @IsBoolean() forstudie?: boolean;
  @ApiPropertyOptional() @IsOptionalNonNull() @IsBoolean() euCofinancing?: boolean;
  @ApiPropertyOptional() @IsOptionalNonNull() @IsBoolean() buildsOnEarlier?: boolean;
  @ApiPropertyOptional({
    type: [String],
    example: ['innovationskraft_specialisering'],
    description: 'RUS-områden (GET /api/catalogues/rus)',
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  rusAreas?: string[];
  @ApiPropertyOptional({
    type: [String],
    example: ['SK2'],
    description: 'effektmål (GET /api/catalogues/rus)',
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  effektmal?: string[];
  @ApiPropertyOptional({
    description: 'Ansökans avsnitt, kod → text (koderna i GET /api/catalogues/sections)',
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { sammanfattning: 'Projektet stärker samverkan mellan länets industriföretag.' },
  })
  @IsOptionalNonNull()
  @IsObject()
  @IsSections()
  sections?: Record<string, string>;
  @ApiPropertyOptional({
    type: ProjectStateAidDto,
    description: 'handläggarens statsstödsbedömning (2003:596 2 §)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProjectStateAidDto)
  stateAidAssessment?: ProjectStateAidDto;
  @ApiPropertyOptional({ type: ProjectBudgetDto })
  @IsOptionalNonNull()
  @ValidateNested()
  @Type(() => ProjectBudgetDto)
  budget?: ProjectBudgetDto;

  // Company support
  @ApiPropertyOptional({ example: 'mikrobidrag', description: 'stödform (GET /api/catalogues/aid-forms)' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  aidForm?: string;
  @ApiPropertyOptional({ example: 'hemsandningsbidrag', description: 'delform av stödformen' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  aidSubform?: string;
  @ApiPropertyOptional({ description: 'sökt belopp, hela kronor' })
  @IsOptional()
  @IsInt({ message: 'belopp ska vara hela kronor' })
  @Min(0)
  @Max(MAX_KR)
  amountApplied?: number;
  @ApiPropertyOptional({ type: [CompanyCostLineDto] })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CompanyCostLineDto)
  costLines?: CompanyCostLineDto[];
  @ApiPropertyOptional({ type: [DeMinimisDto] })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DeMinimisDto)
  deMinimis?: DeMinimisDto[];
  @ApiPropertyOptional({ example: '2020-03-01' })
  @IsOptional()
  @IsDateString({ strict: true })
  plannedStart?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() collectiveAgreement?: boolean;
  @ApiPropertyOptional({ type: StateAidFactsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => StateAidFactsDto)
  stateAidFacts?: StateAidFactsDto;
  @ApiPropertyOptional({ type: HomeDeliveryDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => HomeDeliveryDto)
  homeDelivery?: HomeDeliveryDto;
  @ApiPropertyOptional({
    example: '(EU) nr 1407/2013',
    description: 'EU-grund där två kan gälla (övergången 2024)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  euBasis?: string;
  @ApiPropertyOptional({
    type: [String],
    example: ['nya_affarsideer', 'avancerad_tillverkning'],
    description: 'prioriteringsgrunder (GET /api/catalogues/priority-criteria)',
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  priorityClaims?: string[];
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  secrecyMarking?: string;
}

export class CreateCaseDto extends CaseFieldsDto {
  @ApiProperty({ enum: ['projekt', 'foretagsstod'] }) @IsIn(['projekt', 'foretagsstod']) track:
    'projekt' | 'foretagsstod';
  @ApiProperty() @IsUUID() organisationId: string;
  // IsDefined: the inherited IsOptional would otherwise let a missing title through to the database.
  @ApiProperty({ example: 'Ny CNC-maskin för tillverkning av reservdelar' })
  @IsDefined()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  declare title: string;
}

export class UpdateCaseDto extends CaseFieldsDto {}

export class TransitionDto {
  @ApiProperty({
    enum: [
      'skicka_in',
      'paborja_handlaggning',
      'begar_komplettering',
      'lamna_komplettering',
      'ateruppta_handlaggning',
      'aterkalla',
    ],
  })
  @IsIn([
    'skicka_in',
    'paborja_handlaggning',
    'begar_komplettering',
    'lamna_komplettering',
    'ateruppta_handlaggning',
    'aterkalla',
  ])
  transition: string;

  @ApiPropertyOptional({ description: 'varför; krävs när komplettering begärs' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  reason?: string;
}

export class AssignDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'handläggarens id (GET /api/users?role=handlaggare); null tar bort tilldelningen',
  })
  @IsDefined()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  assignedTo: string | null;

  @ApiPropertyOptional({ example: 'Semester vecka 7' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
