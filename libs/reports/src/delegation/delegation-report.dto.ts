import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsCalendarDate, toBoolean } from '../shared/dto';
import { REPORT_FORMATS, type ReportFormat } from '../shared/formats';

/** A report_presentation row as read with raw SQL (dates as text). */
export interface PresentationRow {
  id: string;
  period_from: string;
  period_to: string;
  delegation_point: string | null;
  meeting_date: string;
  paragraph: string;
  decision_count: number;
  presented_by: string | null;
  created_at: Date;
  hashes: Record<string, string> | null;
}

const POINT = /^[0-9A-Za-z.]{1,20}$/;

export class DelegationReportQueryDto {
  @ApiProperty({ example: '2019-11-01', description: 'beslutsdatum från och med' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2019-12-03', description: 'beslutsdatum till och med' })
  @IsCalendarDate()
  to: string;

  @ApiProperty({ enum: REPORT_FORMATS, example: 'pdf' })
  @IsIn(REPORT_FORMATS, { message: `format ska vara ett av ${REPORT_FORMATS.join(', ')}` })
  format: ReportFormat;

  @ApiPropertyOptional({ example: '3.3', description: 'endast en punkt i delegationsordningen' })
  @IsOptional()
  @Matches(POINT, { message: 'point ska vara en punkt i delegationsordningen, t.ex. 3.3' })
  point?: string;

  @ApiPropertyOptional({ description: 'endast beslut som ännu inte redovisats för nämnden' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'onlyUnreported ska vara true eller false' })
  onlyUnreported?: boolean;

  @ApiPropertyOptional({
    enum: ['sv', 'plain'],
    description: 'CSV: sv ger belopp som "3 586 849" med hårt mellanslag (U+00A0); annars heltal',
  })
  @IsOptional()
  @IsIn(['sv', 'plain'], { message: 'numberFormat ska vara sv eller plain' })
  numberFormat?: 'sv' | 'plain';
}

export class CreatePresentationDto {
  @ApiProperty({ example: '2019-11-01' }) @IsCalendarDate() from: string;
  @ApiProperty({ example: '2019-12-03' }) @IsCalendarDate() to: string;

  @ApiPropertyOptional({ example: '3.3' })
  @IsOptional()
  @Matches(POINT, { message: 'point ska vara en punkt i delegationsordningen, t.ex. 3.3' })
  point?: string;

  @ApiProperty({ example: '2020-01-22', description: 'nämndens sammanträde' })
  @IsCalendarDate()
  meetingDate: string;

  @ApiProperty({ example: '§ 7', description: 'protokollets paragraf' })
  @IsString()
  @MaxLength(40)
  @Matches(/\S/, { message: 'paragraph får inte vara tom' })
  paragraph: string;
}

export class PresentationDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: '2019-11-01' }) periodFrom: string;
  @ApiProperty({ example: '2019-12-03' }) periodTo: string;
  @ApiProperty({ type: String, nullable: true, example: '3.3' }) delegationPoint: string | null;
  @ApiProperty({ example: '2020-01-22' }) meetingDate: string;
  @ApiProperty({ example: '§ 7' }) paragraph: string;
  @ApiProperty({ example: 22 }) decisionCount: number;
  @ApiProperty({ type: String, nullable: true }) presentedBy: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    nullable: true,
    description: 'SHA-256 av varje format som det föredrogs (pdf, xlsx, csv, csv-sv, json)',
  })
  hashes: Record<string, string> | null;

  static from(p: PresentationRow): PresentationDto {
    return {
      id: p.id,
      periodFrom: p.period_from,
      periodTo: p.period_to,
      delegationPoint: p.delegation_point,
      meetingDate: p.meeting_date,
      paragraph: p.paragraph,
      decisionCount: p.decision_count,
      presentedBy: p.presented_by,
      createdAt: p.created_at.toISOString(),
      hashes: p.hashes,
    };
  }
}

export class PresentedReportQueryDto {
  @ApiProperty({ enum: REPORT_FORMATS, example: 'pdf' })
  @IsIn(REPORT_FORMATS, { message: `format ska vara ett av ${REPORT_FORMATS.join(', ')}` })
  format: ReportFormat;

  @ApiPropertyOptional({ enum: ['sv', 'plain'], description: 'CSV: sv ger belopp med hårt mellanslag' })
  @IsOptional()
  @IsIn(['sv', 'plain'], { message: 'numberFormat ska vara sv eller plain' })
  numberFormat?: 'sv' | 'plain';
}
