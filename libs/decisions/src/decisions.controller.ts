import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, OFFICER_ROLES, Principal, Role, Roles } from '@anslag/auth';
import { UuidPipe } from '@anslag/common';
import { JavEntry, JavService } from './jav/jav.service';
import {
  DecisionDto,
  DecisionFieldsDto,
  DraftDecisionDto,
  JavDto,
  JavEntryDto,
  RecordNamndDto,
  RecordParagraphDto,
  ReturnDecisionDto,
  SignDto,
} from './signing/decision.dto';
import { NamndParagraphService } from './signing/namnd-paragraph.service';
import { DecisionQueryService } from './signing/decision-query.service';
import { DecisionListQueryDto, DecisionPageDto } from './signing/decision-list.dto';
import { DecisionListService } from './signing/decision-list.service';
import { DraftDecisionService } from './signing/draft-decision.service';
import { SignDecisionService } from './signing/sign-decision.service';

@ApiTags('decisions')
@ApiBearerAuth()
@Controller('api')
export class DecisionsController {
  constructor(
    private readonly drafts: DraftDecisionService,
    private readonly signing: SignDecisionService,
    private readonly query: DecisionQueryService,
    private readonly jav: JavService,
    private readonly listing: DecisionListService,
    private readonly paragraphs: NamndParagraphService,
  ) {}

  @Post('cases/:caseId/decisions')
  @Roles(Role.handlaggare)
  @ApiOperation({
    summary: 'Draft a decision from the stored evaluation (replaces an earlier draft). Handläggare.',
  })
  @ApiCreatedResponse({ type: DecisionDto })
  draft(
    @CurrentUser() p: Principal,
    @Param('caseId', new UuidPipe('caseId')) caseId: string,
    @Body() dto: DraftDecisionDto,
  ): Promise<DecisionDto> {
    return this.drafts.draft(p, caseId, dto);
  }

  @Get('cases/:caseId/decisions')
  @Roles(Role.sokande, ...OFFICER_ROLES)
  @ApiOperation({
    summary: "The case's decisions. Sökande: signed decisions of their own cases; officers: all, drafts too.",
  })
  @ApiOkResponse({ type: [DecisionDto] })
  forCase(
    @CurrentUser() p: Principal,
    @Param('caseId', new UuidPipe('caseId')) caseId: string,
  ): Promise<DecisionDto[]> {
    return this.query.forCase(p, caseId);
  }

  @Get('decisions')
  @Roles(...OFFICER_ROLES)
  @ApiOperation({
    summary:
      'Decisions by status (default utkast) with what signing needs: amount, delegation point, evaluated maximum, frame warnings, jäv, and whether the reader may sign each (signableByMe=true: only those). Officers.',
  })
  @ApiOkResponse({ type: DecisionPageDto })
  list(@CurrentUser() p: Principal, @Query() q: DecisionListQueryDto): Promise<DecisionPageDto> {
    return this.listing.list(p, q);
  }

  @Get('decisions/:id')
  @Roles(Role.sokande, ...OFFICER_ROLES)
  @ApiOperation({ summary: 'One decision. Sökande: only signed decisions of their own cases.' })
  @ApiOkResponse({ type: DecisionDto })
  get(@CurrentUser() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<DecisionDto> {
    return this.query.get(p, id);
  }

  @Patch('decisions/:id')
  @Roles(Role.handlaggare)
  @ApiOperation({ summary: 'Change a draft decision; a signed one is immutable. Handläggare.' })
  @ApiOkResponse({ type: DecisionDto })
  update(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: DecisionFieldsDto,
  ): Promise<DecisionDto> {
    return this.drafts.update(p, id, dto);
  }

  @Post('decisions/:id/sign')
  @Roles(Role.beslutsfattare)
  @ApiOperation({
    summary:
      'Sign (take) the decision under a delegation point the signer holds, or as its substitute (ersättare) when every holder declared jäv or is away. Beslutsfattare.',
  })
  @ApiCreatedResponse({ type: DecisionDto })
  sign(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: SignDto,
  ): Promise<DecisionDto> {
    return this.signing.sign(p, id, dto);
  }

  @Post('decisions/:id/return')
  @Roles(Role.beslutsfattare)
  @ApiOperation({
    summary:
      'Send a draft back to the handläggare with a comment instead of signing it; it leaves the signable list until the handläggare changes it. Beslutsfattare who could sign it.',
  })
  @ApiCreatedResponse({ type: DecisionDto })
  returnToOfficer(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: ReturnDecisionDto,
  ): Promise<DecisionDto> {
    return this.signing.returnToOfficer(p, id, dto.comment);
  }

  @Post('decisions/:id/namnd')
  @Roles(Role.namndsekreterare)
  @ApiOperation({ summary: "Record the nämnd's own decision with meeting date and §. Nämndsekreterare." })
  @ApiCreatedResponse({ type: DecisionDto })
  recordNamnd(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: RecordNamndDto,
  ): Promise<DecisionDto> {
    return this.signing.recordNamnd(p, id, dto);
  }

  @Post('decisions/:id/namnd/paragraph')
  @Roles(Role.namndsekreterare)
  @ApiOperation({
    summary:
      "Record the protocol's § of a nämnd decision recorded without it; its letter, which waited for it, is produced. Nämndsekreterare.",
  })
  @ApiCreatedResponse({ type: DecisionDto })
  recordParagraph(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: RecordParagraphDto,
  ): Promise<DecisionDto> {
    return this.paragraphs.record(p, id, dto);
  }

  @Post('decisions/:id/amendments')
  @Roles(Role.handlaggare)
  @ApiOperation({
    summary: 'Draft a change decision (ändringsbeslut) linked to a signed decision. Handläggare.',
  })
  @ApiCreatedResponse({ type: DecisionDto })
  amend(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: DecisionFieldsDto,
  ): Promise<DecisionDto> {
    return this.drafts.amend(p, id, dto);
  }

  @Post('cases/:caseId/jav')
  @Roles(Role.handlaggare, Role.beslutsfattare)
  @ApiOperation({
    summary: 'Declare your own conflict of interest (jäv) in the case. Handläggare and beslutsfattare.',
  })
  @ApiCreatedResponse({ type: JavEntryDto })
  declareJav(
    @CurrentUser() p: Principal,
    @Param('caseId', new UuidPipe('caseId')) caseId: string,
    @Body() dto: JavDto,
  ): Promise<JavEntry> {
    return this.jav.declare(p, caseId, dto.reason);
  }

  @Get('cases/:caseId/jav')
  @Roles(...OFFICER_ROLES)
  @ApiOperation({ summary: 'Who has declared jäv in the case, and why. Officers.' })
  @ApiOkResponse({ type: [JavEntryDto] })
  listJav(@Param('caseId', new UuidPipe('caseId')) caseId: string): Promise<JavEntry[]> {
    return this.jav.list(caseId);
  }
}
