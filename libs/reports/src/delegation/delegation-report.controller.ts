import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, type Principal, Role, Roles } from '@anslag/auth';
import { UuidPipe } from '@anslag/common';
import {
  CreatePresentationDto,
  DelegationReportQueryDto,
  PresentationDto,
  PresentedReportQueryDto,
} from './delegation-report.dto';
import { DelegationReportService } from './delegation-report.service';
import { ReportPresentationService } from './report-presentation.service';
import { UndeliveredDto } from './undelivered.dto';
import { UndeliveredService } from './undelivered.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/reports/delegation-decisions')
export class DelegationReportController {
  constructor(
    private readonly report: DelegationReportService,
    private readonly presentations: ReportPresentationService,
    private readonly undeliveredDecisions: UndeliveredService,
  ) {}

  @Get()
  @Roles(Role.namndsekreterare, Role.admin, Role.beslutsfattare, Role.handlaggare)
  @ApiOperation({
    summary:
      'Redovisning av delegationsbeslut for a period, grouped by delegation point with totals, as CSV, XLSX, PDF or JSON (streamed). Nämndsekreterare, admin, beslutsfattare and handläggare.',
  })
  @ApiProduces(
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/pdf',
    'application/json',
  )
  async get(@Query() q: DelegationReportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.report.export({
      from: q.from,
      to: q.to,
      point: q.point ?? null,
      onlyUnreported: q.onlyUnreported ?? false,
      format: q.format,
      csv: { numberFormat: q.numberFormat },
    });
    await reply
      .header('content-type', file.contentType)
      .header('content-disposition', file.contentDisposition)
      .send(file.stream);
  }

  @Post('presentations')
  @HttpCode(201)
  @Roles(Role.namndsekreterare, Role.admin)
  @ApiOperation({
    summary:
      'Mark the report for a period (and point) as presented to a nämnd meeting (date, §): stamps its not yet reported decisions. Nämndsekreterare and admin.',
  })
  @ApiCreatedResponse({ type: PresentationDto })
  present(@CurrentUser() p: Principal, @Body() dto: CreatePresentationDto): Promise<PresentationDto> {
    return this.presentations.present(p, dto);
  }

  @Get('undelivered')
  @Roles(Role.namndsekreterare, Role.admin, Role.beslutsfattare, Role.handlaggare)
  @ApiOperation({
    summary:
      'Signed delegated decisions not yet in a presented report, per delegation point, with the last report presented. Nämndsekreterare, admin, beslutsfattare and handläggare.',
  })
  @ApiOkResponse({ type: UndeliveredDto })
  undelivered(): Promise<UndeliveredDto> {
    return this.undeliveredDecisions.list();
  }

  @Get('presentations')
  @Roles(Role.namndsekreterare, Role.admin, Role.beslutsfattare, Role.handlaggare)
  @ApiOperation({
    summary:
      'The delegation reports presented to the nämnd, newest meeting first. Nämndsekreterare, admin, beslutsfattare and handläggare.',
  })
  @ApiOkResponse({ type: [PresentationDto] })
  list(): Promise<PresentationDto[]> {
    return this.presentations.list();
  }

  @Get('presentations/:id')
  @Roles(Role.namndsekreterare, Role.admin, Role.beslutsfattare, Role.handlaggare)
  @ApiOperation({
    summary:
      'A presented delegation report exactly as it was presented, in one format (the SHA-256 in the x-content-sha256 header). Nämndsekreterare, admin, beslutsfattare and handläggare.',
  })
  @ApiProduces(
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/pdf',
    'application/json',
  )
  async presented(
    @Param('id', new UuidPipe()) id: string,
    @Query() q: PresentedReportQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.presentations.file(id, q.format, q.numberFormat);
    await reply
      .header('content-type', file.contentType)
      .header('content-disposition', file.contentDisposition)
      .header('x-content-sha256', file.sha256)
      .send(file.content);
  }
}
