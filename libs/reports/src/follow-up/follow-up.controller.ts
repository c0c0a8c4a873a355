import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { OFFICER_ROLES, Roles } from '@anslag/auth';
import { FollowUpQueryDto } from './follow-up.dto';
import { FollowUpService } from './follow-up.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/reports/follow-up')
export class FollowUpController {
  constructor(private readonly followUp: FollowUpService) {}

  @Get()
  @Roles(...OFFICER_ROLES)
  @ApiOperation({
    summary:
      'Follow-up figures for a year: grants and rejections per aid form and kommun, the nämnd’s indicators against the year before, frames used against the inriktningsbeslut. JSON, CSV, XLSX or PDF. Officers (handläggare, beslutsfattare, nämndsekreterare, admin).',
  })
  @ApiProduces(
    'application/json',
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/pdf',
  )
  async get(@Query() q: FollowUpQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const format = q.format ?? 'json';
    if (format === 'json') {
      await reply.send(await this.followUp.figures(q.year));
      return;
    }
    const file = await this.followUp.export(q.year, format);
    await reply
      .header('content-type', file.contentType)
      .header('content-disposition', file.contentDisposition)
      .send(file.stream);
  }
}
