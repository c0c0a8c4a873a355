import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { REPORT_FORMATS, type ReportFormat } from '../shared/formats';

export class FollowUpQueryDto {
  @ApiProperty({ example: 2019 })
  @Type(() => Number)
  @IsInt({ message: 'year ska vara ett årtal' })
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: `format ska vara ett av ${REPORT_FORMATS.join(', ')}` })
  format?: ReportFormat;
}
