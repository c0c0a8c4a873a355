import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { PageQueryDto } from '@anslag/common';
import { CaseSummaryDto } from './case-response.dto';

/** A query value given once (`status=a`), repeated (`status=a&status=b`) or comma-separated (`status=a,b`). */
const toList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]));

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
  @ApiPropertyOptional({
    type: [String],
    enum: CASE_STATUSES,
    description: 'en eller flera statusar (upprepa parametern eller skilj med komma)',
  })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(CASE_STATUSES.length)
  @IsIn(CASE_STATUSES, { each: true })
  status?: string[];
  @ApiPropertyOptional({ description: 'fritext: titel, diarienummer, organisationens namn eller nummer' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({
    description: "'mine' (tilldelade mig), 'unassigned' (ej tilldelade) eller en handläggares id",
    example: 'mine',
  })
  @IsOptional()
  @Matches(/^(mine|unassigned|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: "ska vara 'mine', 'unassigned' eller ett UUID",
  })
  assignee?: string;
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

/** How many cases of each status match the other filters (the work queue's tabs). */
export class StatusCountsDto implements Record<(typeof CASE_STATUSES)[number], number> {
  @ApiProperty() utkast: number;
  @ApiProperty() inskickad: number;
  @ApiProperty() under_handlaggning: number;
  @ApiProperty() komplettering_begard: number;
  @ApiProperty() komplettering_inkommen: number;
  @ApiProperty() beslutad: number;
  @ApiProperty() aterkallad: number;
  @ApiProperty() avslutad: number;
}

export class CasePageDto {
  @ApiProperty({ type: [CaseSummaryDto] }) items: CaseSummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: StatusCountsDto, description: 'antal per status med övriga filter' })
  counts: StatusCountsDto;
}
