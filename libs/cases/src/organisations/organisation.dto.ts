import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
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
import type { Organisation, RunBy, TatortBasis } from '../entities/organisation.entity';
import type { OrganisationHistory } from '../entities/organisation-history.entity';

const RUN_BY = ['kvinnor', 'man', 'bada'];

export class CreateOrganisationDto {
  @ApiProperty({
    example: '556016-0680',
    description: '10 siffror, med eller utan bindestreck; kontrollsiffran prövas',
  })
  @IsString()
  @MaxLength(20)
  organisationsnummer: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) name: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) streetAddress: string;
  @ApiProperty({ example: '701 16' })
  @Matches(/^\d{3} ?\d{2}$/, { message: 'postnummer ska vara fem siffror' })
  postalCode: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) city: string;

  @ApiPropertyOptional({
    type: String,
    description: 'Kommunkod i länet; utelämnas för en organisation utanför länet',
    nullable: true,
  })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  kommunCode?: string | null;

  @ApiProperty({ example: 'Aktiebolag' }) @IsString() @MinLength(1) @MaxLength(100) legalForm: string;

  @ApiPropertyOptional({ type: Number }) @IsOptional() @IsInt() @Min(0) @Max(1_000_000) employees?:
    number | null;

  @ApiPropertyOptional({ type: Number, description: 'Heltidsekvivalenter i hundradelar (0,5 = 50)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  fteHundredths?: number | null;

  @ApiPropertyOptional({ enum: RUN_BY, nullable: true }) @IsOptional() @IsIn(RUN_BY) runBy?: RunBy | null;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Anges bara för mikrobidragets undantag',
    nullable: true,
  })
  @IsOptional()
  @IsBoolean()
  bornOutsideNordics?: boolean | null;

  @ApiPropertyOptional({ type: String }) @IsOptional() @IsString() @MaxLength(300) bransch?: string | null;
  @ApiPropertyOptional({ type: String, example: '25620' })
  @IsOptional()
  @Matches(/^\d{2}(\.?\d{1,3})?$/)
  sniCode?: string | null;
}

/** Every field may be left out; only those that may be empty accept null (see CreateOrganisationDto). */
export class UpdateOrganisationDto extends PartialType(CreateOrganisationDto, {
  skipNullProperties: false,
}) {
  @ApiPropertyOptional({
    description: 'skäl till ändringen; krävs när en handläggare rättar organisationsnumret',
  })
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  reason?: string;
}

export class CorrectTatortDto {
  @ApiProperty({ description: 'om verksamheten ligger i regionens tätort (det område reglerna avser)' })
  @IsBoolean()
  inTatort: boolean;

  @ApiProperty({ example: 'Verksamheten bedrivs på gården utanför tätorten, inte på postadressen' })
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  reason: string;
}

export class OrganisationHistoryDto {
  @ApiProperty() at: string;
  @ApiProperty() actor: string;
  @ApiProperty() action: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) before: object | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) after: object | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;

  static from(h: OrganisationHistory): OrganisationHistoryDto {
    return {
      at: h.at.toISOString(),
      actor: h.actorName,
      action: h.action,
      before: h.before,
      after: h.after,
      reason: h.reason,
    };
  }
}

export class OrganisationDto {
  @ApiProperty() id: string;
  @ApiProperty() organisationsnummer: string;
  @ApiProperty() name: string;
  @ApiProperty() streetAddress: string;
  @ApiProperty() postalCode: string;
  @ApiProperty() city: string;
  @ApiProperty({ type: String, nullable: true }) kommunCode: string | null;
  @ApiProperty({ type: String, nullable: true }) kommun: string | null;
  @ApiProperty({ description: 'i regionens tätort: härlett ur postnumret, eller rättat av en handläggare' })
  inTatort: boolean;
  @ApiProperty({ enum: ['postnummer', 'handlaggare'] }) inTatortBasis: TatortBasis;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'den tätort som postnumret ligger i enligt regionens data',
  })
  tatort: string | null;
  @ApiProperty() legalForm: string;
  @ApiProperty({ type: Number, nullable: true }) employees: number | null;
  @ApiProperty({ type: Number, nullable: true }) fteHundredths: number | null;
  @ApiProperty({ nullable: true, enum: RUN_BY }) runBy: RunBy | null;
  @ApiProperty({ type: Boolean, nullable: true }) bornOutsideNordics: boolean | null;
  @ApiProperty({ type: String, nullable: true }) bransch: string | null;
  @ApiProperty({ type: String, nullable: true }) sniCode: string | null;

  static from(o: Organisation, kommunName: string | null, tatort: string | null): OrganisationDto {
    return {
      id: o.id,
      organisationsnummer: o.organisationsnummer,
      name: o.name,
      streetAddress: o.streetAddress,
      postalCode: o.postalCode,
      city: o.city,
      kommunCode: o.kommunCode,
      kommun: kommunName,
      inTatort: o.inTatort,
      inTatortBasis: o.inTatortBasis,
      tatort,
      legalForm: o.legalForm,
      employees: o.employees,
      fteHundredths: o.fteHundredths,
      runBy: o.runBy,
      bornOutsideNordics: o.bornOutsideNordics,
      bransch: o.bransch,
      sniCode: o.sniCode,
    };
  }
}
