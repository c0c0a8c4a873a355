import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, CurrentUser, OFFICER_ROLES, Principal, Role, Roles } from '@anslag/auth';
import { type Page, UuidPipe } from '@anslag/common';
import { CaseQueryDto } from './case-query.dto';
import { CaseQueryService } from './case-query.service';
import { CaseDto, CaseSummaryDto, HistoryEntryDto } from './case-response.dto';
import { CaseTransitionService } from './case-transition.service';
import { CaseWriteService } from './case-write.service';
import { CreateCaseDto, TransitionDto, UpdateCaseDto } from './case.dto';
import type { TransitionName } from './case-lifecycle';

const uuid = new UuidPipe();

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class CasesController {
  constructor(
    private readonly write: CaseWriteService,
    private readonly query: CaseQueryService,
    private readonly transitions: CaseTransitionService,
  ) {}

  @Post()
  @Roles(Role.sokande, Role.handlaggare)
  @ApiOperation({ summary: 'Create a draft application. Sökande (own organisations) and handläggare.' })
  @ApiCreatedResponse({ type: CaseDto })
  create(@CurrentUser() p: Principal, @Body() dto: CreateCaseDto): Promise<CaseDto> {
    return this.write.create(p, dto);
  }

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Search and list cases. Officers see all; sökande their own organisations.' })
  list(@CurrentUser() p: Principal, @Query() q: CaseQueryDto): Promise<Page<CaseSummaryDto>> {
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
  @ApiOperation({ summary: 'The append-only history of the case. Sökande only their own.' })
  @ApiOkResponse({ type: [HistoryEntryDto] })
  history(@CurrentUser() p: Principal, @Param('id', uuid) id: string): Promise<HistoryEntryDto[]> {
    return this.query.historyOf(p, id);
  }
}
