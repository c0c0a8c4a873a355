import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsDateString, IsOptional } from 'class-validator';
import { ALL_ROLES, CurrentUser, OFFICER_ROLES, Principal, Role, Roles } from '@anslag/auth';
import { BodyLimit, Clock, DOCUMENT_BODY, PageQueryDto, UuidPipe } from '@anslag/common';
import type { FrameStatus, RusCatalogue } from '@anslag/rules';
import { FramesService } from './assessment/frames.service';
import { WhatIfResult, WhatIfService } from './assessment/what-if.service';
import { FramesInForceDto, RusCatalogueDto, WhatIfResultDto } from './assessment/what-if.dto';
import {
  AdoptDto,
  ExtendDto,
  InriktningsbeslutDto,
  RuleSetBodyDto,
} from './inriktningsbeslut/inriktningsbeslut.dto';
import { PolicyService } from './inriktningsbeslut/policy.service';

class DateQueryDto {
  @ApiPropertyOptional({ example: '2019-11-18', description: 'dagens datum om det utelämnas' })
  @IsOptional()
  @IsDateString({ strict: true })
  date?: string;
}

@ApiTags('policy')
@ApiBearerAuth()
@Controller('api/policy')
export class PolicyController {
  constructor(
    private readonly policy: PolicyService,
    private readonly frames: FramesService,
    private readonly whatIf: WhatIfService,
    private readonly clock: Clock,
  ) {}

  @Get('rus')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'The RUS catalogue versions (goals, effektmål, priority areas). Any signed-in role.',
  })
  @ApiOkResponse({ type: [RusCatalogueDto] })
  rus(): Promise<RusCatalogue[]> {
    return this.policy.rusCatalogues();
  }

  @Get('inriktningsbeslut')
  @Roles(...OFFICER_ROLES)
  @ApiOperation({ summary: 'Every version of the inriktningsbeslut, drafts included. Officers.' })
  @ApiOkResponse({ type: [InriktningsbeslutDto] })
  list(): Promise<InriktningsbeslutDto[]> {
    return this.policy.list();
  }

  @Get('inriktningsbeslut/:id')
  @Roles(...OFFICER_ROLES)
  @ApiOperation({ summary: 'One inriktningsbeslut with its rules. Officers.' })
  @ApiOkResponse({ type: InriktningsbeslutDto })
  get(@Param('id', new UuidPipe()) id: string): Promise<InriktningsbeslutDto> {
    return this.policy.get(id);
  }

  @Post('inriktningsbeslut')
  @Roles(Role.admin)
  @ApiOperation({ summary: 'Create a draft inriktningsbeslut (validated). Admin.' })
  @BodyLimit(DOCUMENT_BODY)
  @ApiCreatedResponse({ type: InriktningsbeslutDto })
  create(@CurrentUser() p: Principal, @Body() dto: RuleSetBodyDto): Promise<InriktningsbeslutDto> {
    return this.policy.createDraft(p, dto.content);
  }

  @Put('inriktningsbeslut/:id')
  @Roles(Role.admin)
  @ApiOperation({ summary: 'Edit a draft (adopted versions are never edited). Admin.' })
  @BodyLimit(DOCUMENT_BODY)
  @ApiOkResponse({ type: InriktningsbeslutDto })
  update(
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: RuleSetBodyDto,
  ): Promise<InriktningsbeslutDto> {
    return this.policy.updateDraft(id, dto.content);
  }

  @Post('inriktningsbeslut/:id/adopt')
  @Roles(Role.admin)
  @ApiOperation({
    summary:
      "Adopt a draft with the nämnd's date and §; it replaces the earlier decision from its start. Admin.",
  })
  @ApiCreatedResponse({ type: InriktningsbeslutDto })
  adopt(@Param('id', new UuidPipe()) id: string, @Body() dto: AdoptDto): Promise<InriktningsbeslutDto> {
    return this.policy.adopt(id, dto);
  }

  @Post('inriktningsbeslut/:id/extend')
  @Roles(Role.admin)
  @ApiOperation({ summary: 'Extend an adopted decision ("förlängning tills vidare" or to a date). Admin.' })
  @ApiCreatedResponse({ type: InriktningsbeslutDto })
  extend(@Param('id', new UuidPipe()) id: string, @Body() dto: ExtendDto): Promise<InriktningsbeslutDto> {
    return this.policy.extend(id, dto);
  }

  @Get('frames')
  @Roles(...OFFICER_ROLES)
  @ApiOperation({
    summary:
      "The frames of the decision in force on the date, for the date's year: indicative, granted in that year, left (the follow-up's figures). Officers.",
  })
  @ApiOkResponse({ type: FramesInForceDto })
  async framesInForce(
    @Query() q: DateQueryDto,
  ): Promise<FrameStatus & { inriktningsbeslut: string; year: number }> {
    const date = q.date ?? this.clock.today();
    const year = Number(date.slice(0, 4));
    const rules = await this.policy.inForce(date);
    return {
      inriktningsbeslut: rules.ruleSet.title,
      year,
      ...(await this.frames.status(rules.ruleSet, year)),
    };
  }

  @Post('what-if')
  @Roles(Role.admin, Role.handlaggare, Role.namndsekreterare)
  @ApiOperation({
    summary:
      'Every open case under a rule set sent in full, beside the decision in force, with frame totals: the cases that change in full, of the unchanged their number and one page (page, pageSize). Changes nothing; logs the personal facts it reads. Admin, handläggare, nämndsekreterare.',
  })
  @BodyLimit(DOCUMENT_BODY)
  @ApiCreatedResponse({ type: WhatIfResultDto })
  whatIfRun(
    @CurrentUser() p: Principal,
    @Body() dto: RuleSetBodyDto,
    @Query() q: PageQueryDto,
  ): Promise<WhatIfResult> {
    return this.whatIf.run(p, dto.content, q);
  }

  @Get('inriktningsbeslut/:id/what-if')
  @Roles(Role.admin, Role.handlaggare, Role.namndsekreterare)
  @ApiOperation({
    summary:
      'Every open case under a stored draft, by its id, beside the decision in force: per case the organisation, aid form, amount applied and which terms change; the unchanged cases as a count and one page (page, pageSize). Writes nothing. Admin, handläggare, nämndsekreterare.',
  })
  @ApiOkResponse({ type: WhatIfResultDto })
  whatIfOf(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Query() q: PageQueryDto,
  ): Promise<WhatIfResult> {
    return this.whatIf.runFor(p, id, q);
  }
}
