import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { OFFICER_ROLES, Roles } from '@anslag/auth';
import { PageQueryDto } from '@anslag/common';
import { CompletionRequestDto, PersonDto } from './case-response.dto';
import { CompletionRequestListService } from './completion-request-list.service';

export class CompletionRequestQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'bara de som passerat förfallodagen obesvarade' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}

export class OpenCompletionRequestDto extends CompletionRequestDto {
  @ApiProperty() caseId: string;
  @ApiProperty({ type: String, nullable: true }) diarienummer: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) organisationName: string | null;
  @ApiProperty({ type: PersonDto, nullable: true }) assignedTo: PersonDto | null;
}

export class CompletionRequestPageDto {
  @ApiProperty({ type: [OpenCompletionRequestDto] }) items: OpenCompletionRequestDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/completion-requests')
export class CompletionRequestsController {
  constructor(private readonly list: CompletionRequestListService) {}

  @Get()
  @Roles(...OFFICER_ROLES)
  @ApiOperation({
    summary:
      'Open completion requests, earliest due first; overdue=true for those past their due date. Officers.',
  })
  @ApiOkResponse({ type: CompletionRequestPageDto })
  open(@Query() q: CompletionRequestQueryDto): Promise<CompletionRequestPageDto> {
    return this.list.open(q);
  }
}
