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
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
  Matches,
} from 'class-validator';
import { IsOptionalNonNull } from '@anslag/common';
import type { Decision } from '../entities/decision.entity';

export class FinancingSourceDto {
  @ApiProperty({ example: 'anslag_1_1' }) @IsString() @MaxLength(60) source: string;
  @ApiProperty({ example: 'Regionalt utvecklingsstöd – statligt stöd 1:1' })
  @IsString()
  @MaxLength(200)
  label: string;
  @ApiProperty({ example: 232000 })
  @IsInt({ message: 'belopp ska vara hela kronor' })
  @Min(0)
  @Max(1_000_000_000_000)
  amount: number;
}

export class CoSignerDto {
  @ApiProperty({ example: 'Niklas Lundgren' }) @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiProperty({ example: 'Enhetschef' }) @IsString() @MaxLength(200) title: string;
}

export class ReasonsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) rusArea?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) effektmal?: string;
  @ApiPropertyOptional({ description: 'inriktningsbeslutets rangordning, citerad' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  rankQuote?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) text?: string;
}

export class DecisionFieldsDto {
  @ApiPropertyOptional({ enum: ['bifall', 'delvis_bifall', 'avslag'] })
  @IsOptionalNonNull()
  @IsIn(['bifall', 'delvis_bifall', 'avslag'])
  outcome?: Decision['outcome'];
  @ApiPropertyOptional({ description: 'beviljat belopp, eller taket för projekt ("dock högst")' })
  @IsOptionalNonNull()
  @IsInt({ message: 'belopp ska vara hela kronor' })
  @Min(1)
  @Max(1_000_000_000_000)
  amount?: number;
  @ApiPropertyOptional({ description: 'projekt: andel av bokförda kostnader i baspunkter (90 % = 9000)' })
  @IsOptionalNonNull()
  @IsInt()
  @Min(1)
  @Max(10_000)
  shareBp?: number;
  @ApiPropertyOptional() @IsOptional() @IsDateString({ strict: true }) earliestStart?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString({ strict: true }) latestEnd?: string;
  @ApiPropertyOptional({ type: [FinancingSourceDto] })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => FinancingSourceDto)
  financing?: FinancingSourceDto[];
  @ApiPropertyOptional({ type: [String], description: 'villkor; utelämnas för standardvillkoren' })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  conditions?: string[];
  @ApiPropertyOptional({ type: ReasonsDto })
  @IsOptionalNonNull()
  @ValidateNested()
  @Type(() => ReasonsDto)
  reasons?: ReasonsDto;
  @ApiPropertyOptional({ example: 'Uppfyller ej villkor' })
  @IsOptionalNonNull()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  rejectionGrounds?: string;
  @ApiPropertyOptional({ type: [CoSignerDto], description: 'fler som undertecknar brevet, i ordning' })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => CoSignerDto)
  coSigners?: CoSignerDto[];
  @ApiPropertyOptional({ enum: ['de_minimis', 'gber', 'none'] })
  @IsOptionalNonNull()
  @IsIn(['de_minimis', 'gber', 'none'])
  stateAidRoute?: 'de_minimis' | 'gber' | 'none';
}

export class DraftDecisionDto extends DecisionFieldsDto {
  @ApiProperty({ enum: ['bifall', 'delvis_bifall', 'avslag'] })
  @IsDefined()
  @IsIn(['bifall', 'delvis_bifall', 'avslag'])
  declare outcome: Decision['outcome'];
  @ApiPropertyOptional({
    description: 'beslutet fattas av nämnden själv (protokollförs av nämndsekreteraren)',
  })
  @IsOptional()
  @IsBoolean()
  decidedByNamnd?: boolean;
}

export class SignDto {
  @ApiPropertyOptional({
    description: 'skäl att bevilja mer än bedömningens högsta belopp; sparas i historiken',
  })
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(5000)
  overrideReason?: string;

  @ApiPropertyOptional({
    description:
      'ersättare: skälet att besluta i stället för innehavaren av delegationspunkten (t.ex. frånvaro); sparas med beslutet',
  })
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  substituteReason?: string;
}

export class ReturnDecisionDto {
  @ApiProperty({
    description: 'vad handläggaren behöver ändra; visas för handläggaren och sparas i historiken',
    example: 'Beloppet överstiger bedömningens högsta belopp utan skäl',
  })
  @IsString()
  @Matches(/\S/, { message: 'får inte vara tom' })
  @MinLength(5)
  @MaxLength(2000)
  comment: string;
}

export class RecordParagraphDto {
  @ApiProperty({ example: '§ 4' })
  @IsString()
  @Matches(/\S/, { message: 'får inte vara tom' })
  @MaxLength(40)
  paragraph: string;
}

export class RecordNamndDto {
  @ApiProperty({ example: '2020-01-22' }) @IsDateString({ strict: true }) meetingDate: string;
  @ApiProperty({ example: '§ 4' }) @IsString() @MinLength(1) @MaxLength(40) paragraph: string;
}

export class JavDto {
  @ApiProperty({ example: 'Min make är styrelseledamot i det sökande bolaget' })
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  reason: string;
}

/** A legal basis the decision rests on, with its validity dates (stored with the decision). */
export class LegalBasisDto {
  @ApiProperty({ example: 'SFS 2015:210' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['national', 'eu'] }) kind: 'national' | 'eu';
  @ApiPropertyOptional({ enum: ['de_minimis', 'gber', 'none'] }) route?: 'de_minimis' | 'gber' | 'none';
  @ApiPropertyOptional({ description: 'GBER-artikel' }) article?: string;
  @ApiPropertyOptional({ description: 'baspunkter' }) maxShareBp?: number;
  @ApiPropertyOptional({ description: 'baspunkter, medelstora företag' }) maxShareBpMedium?: number;
  @ApiProperty({ type: String, nullable: true }) validFrom: string | null;
  @ApiProperty({ type: String, nullable: true }) validTo: string | null;
  @ApiPropertyOptional() note?: string;
}

export class CapExceededDto {
  @ApiProperty({ example: 'per_beslut' }) term: string;
  @ApiProperty({ description: 'taket, kronor' }) cap: number;
  @ApiProperty() reason: string;
}

export class JavEntryDto {
  @ApiProperty() accountName: string;
  @ApiProperty() reason: string;
  @ApiProperty() declaredAt: string;
}

export class DecisionDto {
  @ApiProperty() id: string;
  @ApiProperty() caseId: string;
  @ApiProperty() kind: string;
  @ApiProperty({ type: String, nullable: true }) amendsDecisionId: string | null;
  @ApiProperty() status: string;
  @ApiProperty() outcome: string;
  @ApiProperty({ type: Number, nullable: true }) amount: number | null;
  @ApiProperty({ type: Number, nullable: true }) shareBp: number | null;
  @ApiProperty({ type: String, nullable: true }) earliestStart: string | null;
  @ApiProperty({ type: String, nullable: true }) latestEnd: string | null;
  @ApiProperty({ type: [FinancingSourceDto] }) financing: FinancingSourceDto[];
  @ApiProperty({ type: [String] }) conditions: string[];
  @ApiProperty({ type: ReasonsDto, nullable: true }) reasons: ReasonsDto | null;
  @ApiProperty({ type: String, nullable: true }) rejectionGrounds: string | null;
  @ApiProperty({ type: String, nullable: true }) aidForm: string | null;
  @ApiProperty({ type: [LegalBasisDto] }) legalBasis: LegalBasisDto[];
  @ApiProperty({ type: String, nullable: true }) stateAidRoute: string | null;
  @ApiProperty() appealable: boolean;
  @ApiProperty({ type: Number, nullable: true }) deMinimisEur: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'förordningen stödet av mindre betydelse ges enligt',
  })
  deMinimisRegime: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'kommissionens månadskurs som använts, öre per euro',
  })
  deMinimisOrePerEur: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'månaden kursen gäller (första dagen)' })
  deMinimisRateMonth: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['ej_tillampligt', 'ska_registreras', 'registrerad'] })
  deMinimisRegisterStatus: string | null;
  @ApiProperty({ type: String, nullable: true }) deMinimisRegisterReference: string | null;
  @ApiProperty({ type: Number, nullable: true }) evaluatedMax: number | null;
  @ApiProperty() decisionDate: string;
  @ApiProperty({ type: String, nullable: true }) delegationPoint: string | null;
  @ApiProperty() decidedByNamnd: boolean;
  @ApiProperty({ type: String, nullable: true }) namndMeetingDate: string | null;
  @ApiProperty({ type: String, nullable: true }) namndParagraph: string | null;
  @ApiProperty({ type: String, nullable: true }) signedByName: string | null;
  @ApiProperty({ type: String, nullable: true }) signedByTitle: string | null;
  @ApiProperty({ type: String, nullable: true }) signedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) overrideReason: string | null;
  @ApiProperty({ type: [CoSignerDto] }) coSigners: CoSignerDto[];
  @ApiProperty({
    type: [CapExceededDto],
    description: 'nämndens eget beslut: de tak i inriktningsbeslutet som beslutet går över',
  })
  capsExceeded: CapExceededDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'satt när en ersättare beslutade i stället för innehavaren (punkt, innehavare, skäl)',
  })
  substituteFor: object | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'när en beslutsfattare skickade tillbaka utkastet; null när det inte är tillbakaskickat',
  })
  returnedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'beslutsfattarens kommentar till handläggaren' })
  returnComment: string | null;
  @ApiPropertyOptional({
    type: [String],
    description: 'ramar som beslutet skulle överskrida (ramarna är indikativa: en flagga, inget hinder)',
  })
  frameWarnings?: string[];

  static from(d: Decision): DecisionDto {
    return {
      id: d.id,
      caseId: d.caseId,
      kind: d.kind,
      amendsDecisionId: d.amendsDecisionId,
      status: d.status,
      outcome: d.outcome,
      amount: d.amount,
      shareBp: d.shareBp,
      earliestStart: d.earliestStart,
      latestEnd: d.latestEnd,
      financing: d.financing,
      conditions: d.conditions,
      reasons: d.reasons
        ? {
            rusArea: d.reasons.rusArea ?? undefined,
            effektmal: d.reasons.effektmal ?? undefined,
            rankQuote: d.reasons.rankQuote ?? undefined,
            text: d.reasons.text ?? undefined,
          }
        : null,
      rejectionGrounds: d.rejectionGrounds,
      aidForm: d.aidForm,
      legalBasis: d.legalBasis,
      stateAidRoute: d.stateAidRoute,
      appealable: d.appealable,
      deMinimisEur: d.deMinimisEur,
      deMinimisRegime: d.deMinimisRegime,
      deMinimisOrePerEur: d.deMinimisOrePerEur,
      deMinimisRateMonth: d.deMinimisRateMonth,
      deMinimisRegisterStatus: d.deMinimisRegisterStatus,
      deMinimisRegisterReference: d.deMinimisRegisterReference,
      evaluatedMax: d.evaluatedMax,
      decisionDate: d.decisionDate,
      delegationPoint: d.delegationPoint,
      decidedByNamnd: d.decidedByNamnd,
      namndMeetingDate: d.namndMeetingDate,
      namndParagraph: d.namndParagraph,
      signedByName: d.signedByName,
      signedByTitle: d.signedByTitle,
      signedAt: d.signedAt?.toISOString() ?? null,
      overrideReason: d.overrideReason,
      coSigners: d.coSigners,
      capsExceeded: d.capsExceeded,
      substituteFor: d.substituteFor,
      returnedAt: d.returnedAt?.toISOString() ?? null,
      returnComment: d.returnComment,
    };
  }
}
