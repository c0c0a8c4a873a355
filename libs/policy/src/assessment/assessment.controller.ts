import { Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, OFFICER_ROLES, Principal, Role, Roles } from '@anslag/auth';
import { UuidPipe } from '@anslag/common';
import { AssessmentService, StoredEvaluation } from './assessment.service';
import { StoredEvaluationDto } from './evaluation.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases/:id/evaluation')
export class AssessmentController {
  constructor(private readonly assessment: AssessmentService) {}

  @Post()
  @Roles(Role.handlaggare)
  @ApiOperation({
    summary:
      'Assess the case under the inriktningsbeslut in force on its registration date and store the evaluation. Handläggare.',
  })
  @ApiCreatedResponse({ type: StoredEvaluationDto })
  assess(@CurrentUser() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<StoredEvaluation> {
    return this.assessment.assess(p, id);
  }

  @Get()
  @Roles(...OFFICER_ROLES)
  @ApiOperation({ summary: 'The latest stored evaluation with its reasons, and the frames. Officers.' })
  @ApiOkResponse({ type: StoredEvaluationDto })
  latest(@CurrentUser() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<StoredEvaluation> {
    return this.assessment.latest(p, id);
  }
}
