import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@anslag/auth';
import { HealthService, HealthReportDto, LivenessDto } from './health.service';
import { ShutdownDrain } from './shutdown-drain';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly drain: ShutdownDrain,
  ) {}

  @Get('live')
  @Public()
  @ApiOperation({
    summary: 'The process answers (no I/O): the liveness probe. Open to anyone (orchestrators).',
  })
  @ApiOkResponse({ type: LivenessDto })
  // GET is answered the same way by an onRequest hook before routing (bootstrap.ts, answerLiveness);
  // this handler states the route and answers HEAD.
  live(): LivenessDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({
    summary: 'PostgreSQL and Redis answer: the readiness probe. Open to anyone (load balancers).',
  })
  @ApiOkResponse({ type: HealthReportDto })
  @ApiServiceUnavailableResponse({ type: HealthReportDto })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReportDto> {
    const report = await this.check(reply);
    // Stopping: still alive and answering, but no longer to be sent new work.
    if (this.drain.draining) reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }

  @Get()
  @Public()
  @ApiOperation({
    summary: 'State of PostgreSQL and Redis (as /health/ready). Open to anyone (load balancers).',
  })
  @ApiOkResponse({ type: HealthReportDto })
  @ApiServiceUnavailableResponse({ type: HealthReportDto })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReportDto> {
    const report = await this.health.check();
    reply.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
