import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { RouteSchema } from '@nestjs/platform-fastify';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ALL_ROLES, CurrentUser, OFFICER_ROLES, Principal, Role, Roles } from '@anslag/auth';
import { BodyLimit, DOCUMENT_BODY, responseSchema, UuidPipe } from '@anslag/common';
import { CasePageDto, CaseQueryDto } from './case-query.dto';
import { CaseQueryService } from './case-query.service';
import { CaseDto, HistoryEntryDto, SubmissionCheckDto } from './case-response.dto';
import { CaseAssignmentService } from './case-assignment.service';
import { SubmissionCheckService } from './submission-check.service';
import { CaseTransitionService } from './case-transition.service';
import { CaseWriteService } from './case-write.service';
import { AssignDto, CreateCaseDto, TransitionDto, UpdateCaseDto } from './case.dto';
import type { TransitionName } from './case-lifecycle';

const uuid = new UuidPipe();

/** Documented request examples; a test posts each one (organisationId replaced) and expects 201. */
const CREATE_CASE_EXAMPLES = {
  foretagsstod: {
    summary: 'Företagsstöd: mikrobidrag till en maskin',
    value: {
      track: 'foretagsstod',
      organisationId: '00000000-0000-4000-8000-000000000000',
      title: 'Ny CNC-maskin för tillverkning av reservdelar',
      aidForm: 'mikrobidrag',
      amountApplied: 30000,
      costLines: [{ description: 'CNC-maskin', costType: 'machinery', amount: 60000 }],
      plannedStart: '2030-03-01',
      collectiveAgreement: true,
      priorityClaims: ['nya_affarsideer'],
    },
  },
  projekt: {
    summary: 'Projekt: medfinansiering med budget per år',
    value: {
      track: 'projekt',
      organisationId: '00000000-0000-4000-8000-000000000000',
      title: 'Kompetenslyft för länets tillverkningsindustri',
      periodStart: '2030-01-01',
      periodEnd: '2030-12-31',
      rusAreas: ['kompetensforsorjning_matchning'],
      sections: { sammanfattning: 'Ett kompetenslyft för industriföretag i länet.' },
      budget: {
        costs: [{ category: 'egen_personal', year: 2030, amount: 400000 }],
        financing: [
          { financier: 'anslag_1_1', year: 2030, amount: 200000 },
          { financier: 'egen_insats', year: 2030, amount: 200000 },
        ],
      },
    },
  },
};

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class CasesController {
  constructor(
    private readonly write: CaseWriteService,
    private readonly query: CaseQueryService,
    private readonly transitions: CaseTransitionService,
    private readonly assignment: CaseAssignmentService,
    private readonly submission: SubmissionCheckService,
  ) {}

  @Post()
  @Roles(Role.sokande, Role.handlaggare)
  @ApiOperation({ summary: 'Create a draft application. Sökande (own organisations) and handläggare.' })
  @BodyLimit(DOCUMENT_BODY)
  @ApiBody({ type: CreateCaseDto, examples: CREATE_CASE_EXAMPLES })
  @ApiCreatedResponse({ type: CaseDto })
  create(@CurrentUser() p: Principal, @Body() dto: CreateCaseDto): Promise<CaseDto> {
    return this.write.create(p, dto);
  }

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary:
      "Search and list cases, the officers' work queue: several statuses, free text, mine/unassigned, counts per status. Officers see all; sökande their own organisations.",
  })
  @ApiOkResponse({ type: CasePageDto })
  // Written by a serializer made from the page's OpenAPI decorators: the same text as JSON.stringify's.
  @RouteSchema({ response: { 200: responseSchema(CasePageDto) } })
  list(@CurrentUser() p: Principal, @Query() q: CaseQueryDto): Promise<CasePageDto> {
    return this.query.list(p, q);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'One case with its budget and derived totals. Sökande only their own.' })
  @ApiOkResponse({ type: CaseDto })
  get(@CurrentUser() p: Principal, @Param('id', uuid) id: string): Promise<CaseDto> {
    return this.query.get(p, id);
  }

  @Patch(':id')
  @Roles(Role.sokande, Role.handlaggare)
  @BodyLimit(DOCUMENT_BODY)
  @ApiOperation({
    summary:
      'Change an application: sökande while utkast or komplettering begärd; handläggare until decided.',
  })
  @ApiOkResponse({ type: CaseDto })
  update(
    @CurrentUser() p: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: UpdateCaseDto,
  ): Promise<CaseDto> {
    return this.write.update(p, id, dto);
  }

  @Post(':id/transitions')
  @Roles(Role.sokande, Role.handlaggare)
  @ApiOperation({
    summary:
      'Move the case in its life cycle (skicka_in, begar_komplettering, aterkalla …); each transition names its roles.',
  })
  @ApiCreatedResponse({ type: CaseDto })
  transition(
    @CurrentUser() p: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: TransitionDto,
  ): Promise<CaseDto> {
    return this.transitions.transition(p, id, dto.transition as TransitionName, dto.reason);
  }

  @Get(':id/history')
  @Roles(Role.sokande, ...OFFICER_ROLES)
  @ApiOperation({
    summary:
      'The append-only history of the case. Officers all entries; sökande only the public ones of their own cases.',
  })
  @ApiOkResponse({ type: [HistoryEntryDto] })
  history(@CurrentUser() p: Principal, @Param('id', uuid) id: string): Promise<HistoryEntryDto[]> {
    return this.query.historyOf(p, id);
  }

  @Get(':id/submission-check')
  @Roles(Role.sokande, Role.handlaggare)
  @ApiOperation({
    summary:
      'Every problem that would stop submission (missing fields and sections, unbalanced budget, attachments the aid form needs, unknown codes), without submitting. Sökande own; handläggare.',
  })
  @ApiOkResponse({ type: SubmissionCheckDto })
  submissionCheck(@CurrentUser() p: Principal, @Param('id', uuid) id: string): Promise<SubmissionCheckDto> {
    return this.submission.check(p, id);
  }

  @Put(':id/assignee')
  @Roles(Role.handlaggare)
  @ApiOperation({
    summary:
      'Assign the case to a handläggare, reassign it, or (null) unassign it; kept in the history. Handläggare.',
  })
  @ApiOkResponse({ type: CaseDto })
  assign(
    @CurrentUser() p: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: AssignDto,
  ): Promise<CaseDto> {
    return this.assignment.assign(p, id, dto.assignedTo?.toLowerCase() ?? null, dto.reason);
  }
}
