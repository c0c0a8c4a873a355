import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '@anslag/common';

export const CASE_STATUSES = [
  'utkast',
  'inskickad',
  'under_handlaggning',
  'komplettering_begard',
  'komplettering_inkommen',
  'beslutad',
  'aterkallad',
  'avslutad',
] as const;

const SORTS = [
  'registrationDate',
  '-registrationDate',
  'diarienummer',
  '-diarienummer',
  'title',
  '-title',
] as const;

export class CaseQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CASE_STATUSES }) @IsOptional() @IsIn(CASE_STATUSES) status?: string;
  @ApiPropertyOptional({ enum: ['projekt', 'foretagsstod'] })
  @IsOptional()
  @IsIn(['projekt', 'foretagsstod'])
  track?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(60) aidForm?: string;
  @ApiPropertyOptional({ description: 'kommunkod' }) @IsOptional() @IsString() @MaxLength(10) kommun?: string;
  @ApiPropertyOptional({ description: 'diarienummer, helt eller början' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  diarienummer?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() organisationId?: string;
  @ApiPropertyOptional({ description: 'organisationens namn eller nummer, del av' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organisation?: string;
  @ApiPropertyOptional({ description: 'registrerad från och med' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;
  @ApiPropertyOptional({ description: 'registrerad till och med' })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;
  @ApiPropertyOptional({ enum: SORTS, default: '-registrationDate' })
  @IsOptional()
  @IsIn(SORTS)
  sort?: (typeof SORTS)[number];
}
