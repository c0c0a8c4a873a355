import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { CATALOGUE_KINDS, type CatalogueEntry, type CatalogueKind } from '../entities/catalogue-entry.entity';

export class CatalogueDateQueryDto {
  @ApiPropertyOptional({
    example: '2019-11-18',
    description: 'regler i kraft detta datum; i dag om det utelämnas',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  date?: string;
}

export class CodeNameDto {
  @ApiProperty({ example: 'egen_personal' }) code: string;
  @ApiProperty({ example: 'Egen personal' }) name: string;
}

export class KommunDto {
  @ApiProperty({ example: '1880' }) code: string;
  @ApiProperty({ example: 'Örebro' }) name: string;
}

export class AidFormDto {
  @ApiProperty({ example: 'mikrobidrag' }) code: string;
  @ApiProperty({ example: 'Mikrobidrag' }) name: string;
  @ApiProperty({ type: [CodeNameDto], description: 'delformer (aidSubform)' }) subforms: CodeNameDto[];
  @ApiProperty({ type: [String], description: 'kostnadstyper (costLines[].costType) som stödformen godtar' })
  costTypes: string[];
  @ApiProperty({ type: Number, nullable: true, description: 'högsta andel i baspunkter' })
  maxShareBp: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'högsta belopp per beslut, kronor' })
  maxPerDecision: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'högsta belopp per företag, kronor' })
  maxPerCompany: number | null;
  @ApiProperty({ type: [String], description: 'prioriteringsgrunder (priorityClaims) som kan anges' })
  priorityCriteria: string[];
  @ApiProperty({ type: [String], description: 'bilagetyper som krävs för att skicka in' })
  requiredAttachmentTypes: string[];
  @ApiProperty({ type: Boolean, description: 'finns i inriktningsbeslutet som gäller' }) inRules: boolean;
}

export class CostTypeDto {
  @ApiProperty({ example: 'machinery' }) code: string;
  @ApiProperty({ example: 'Maskiner' }) name: string;
  @ApiProperty({ type: [String], description: 'stödformer som godtar kostnadstypen' }) aidForms: string[];
}

export class FinancierDto {
  @ApiProperty({ example: 'anslag_1_1' }) code: string;
  @ApiProperty({ example: 'Region Örebro län 1:1' }) name: string;
  @ApiProperty({ type: String, enum: ['offentlig', 'privat'], nullable: true })
  sector: 'offentlig' | 'privat' | null;
  @ApiProperty({ description: 'regionens egna medel: det ansökan söker från regionen' }) regionGrant: boolean;
}

export class RusAreaDto {
  @ApiProperty({ example: 'naringsliv_entreprenorskap' }) code: string;
  @ApiProperty({ example: 'Näringsliv och entreprenörskap' }) name: string;
  @ApiProperty({ type: Number, nullable: true }) number: number | null;
}

export class EffektmalDto {
  @ApiProperty({ example: 'SK1' }) code: string;
  @ApiProperty({ example: 'Förbättrad kompetensförsörjning' }) name: string;
  @ApiProperty({ type: String, nullable: true, description: 'det övergripande målets kod' }) goal:
    string | null;
}

export class RusInForceDto {
  @ApiProperty({ example: 'RUS 2018–2030' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [RusAreaDto] }) areas: RusAreaDto[];
  @ApiProperty({ type: [EffektmalDto] }) effektmal: EffektmalDto[];
  @ApiProperty({ type: [CodeNameDto] }) overallGoals: CodeNameDto[];
}

export class PriorityCriterionDto {
  @ApiProperty({ example: 'avancerad_tillverkning' }) code: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: [String], description: 'stödformer den gäller; tom lista: alla' }) aidForms: string[];
}

export class SectionDto {
  @ApiProperty({ example: 'sammanfattning' }) code: string;
  @ApiProperty({ example: 'Sammanfattning' }) name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: [String], example: ['projekt'] }) tracks: string[];
  @ApiProperty({
    type: [String],
    description: "krävs för: ett spår ('projekt') eller en stödform ('foretagsstod:konsultcheck')",
  })
  requiredFor: string[];
}

export class AttachmentTypesDto {
  @ApiProperty({ description: 'största filstorlek i byte' }) maxBytes: number;
  @ApiProperty({ type: [String] }) contentTypes: string[];
  @ApiProperty({ type: [SectionDto] }) types: SectionDto[];
}

export class CatalogueEntryDto {
  @ApiProperty({ enum: CATALOGUE_KINDS }) kind: CatalogueKind;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, enum: ['offentlig', 'privat'], nullable: true })
  sector: 'offentlig' | 'privat' | null;
  @ApiProperty() regionGrant: boolean;
  @ApiProperty({ type: String, nullable: true }) parent: string | null;
  @ApiProperty({ type: [String] }) tracks: string[];
  @ApiProperty({ type: [String] }) requiredFor: string[];
  @ApiProperty() active: boolean;
  @ApiProperty() sortOrder: number;

  static from(e: CatalogueEntry): CatalogueEntryDto {
    return {
      kind: e.kind,
      code: e.code,
      name: e.name,
      description: e.description,
      sector: e.sector,
      regionGrant: e.regionGrant,
      parent: e.parent,
      tracks: e.tracks,
      requiredFor: e.requiredFor,
      active: e.active,
      sortOrder: e.sortOrder,
    };
  }
}

const CODE = /^[a-z0-9_]{1,60}$/;

export class CatalogueEntryParamsDto {
  @ApiProperty({ enum: CATALOGUE_KINDS }) @IsIn(CATALOGUE_KINDS) kind: CatalogueKind;
  @ApiProperty({ example: 'egen_insats' })
  @Matches(CODE, { message: 'kod: små bokstäver a–z, siffror och _' })
  code: string;
}

export class UpsertCatalogueEntryDto {
  @ApiProperty({ example: 'Egen insats' }) @IsString() @MinLength(1) @MaxLength(300) name: string;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;
  @ApiPropertyOptional({ type: String, enum: ['offentlig', 'privat'], nullable: true })
  @IsOptional()
  @IsIn(['offentlig', 'privat'])
  sector?: 'offentlig' | 'privat' | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() regionGrant?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'delform: stödformens kod' })
  @IsOptional()
  @Matches(CODE, { message: 'kod: små bokstäver a–z, siffror och _' })
  parent?: string | null;
  @ApiPropertyOptional({ type: [String], enum: ['projekt', 'foretagsstod'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2)
  @IsIn(['projekt', 'foretagsstod'], { each: true })
  tracks?: string[];
  @ApiPropertyOptional({ type: [String], example: ['projekt', 'foretagsstod:konsultcheck'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^(projekt|foretagsstod)(:[a-z0-9_]{1,60})?$/, {
    each: true,
    message: "varje värde ska vara ett spår ('projekt') eller spår:stödform ('foretagsstod:konsultcheck')",
  })
  requiredFor?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100_000) sortOrder?: number;
}

export class KommunParamsDto {
  @ApiProperty({ example: '1880' })
  @Matches(/^\d{4}$/, { message: 'kommunkoden ska vara fyra siffror' })
  code: string;
}

export class UpsertKommunDto {
  @ApiProperty({ example: 'Örebro' }) @IsString() @MinLength(1) @MaxLength(100) name: string;
}
