import { ServiceAreaAttestationViewDto } from './case-response.dto';
import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Role, Roles } from '@anslag/auth';
import { UuidPipe } from '@anslag/common';
import type { ServiceAreaAttestation } from '../entities/grant-case.entity';
import { ServiceAreaAttestationDto } from './service-area.dto';
import { ServiceAreaService } from './service-area.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases/:id/service-area')
export class ServiceAreaController {
  constructor(private readonly service: ServiceAreaService) {}

  @Put()
  @Roles(Role.handlaggare)
  @ApiOperation({
    summary:
      'Attest whether a kommersiell service site lies where service is sparse (overrides the service programme’s areas), with a reason kept in the history. Handläggare.',
  })
  @ApiOkResponse({ type: ServiceAreaAttestationViewDto })
  attest(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: ServiceAreaAttestationDto,
  ): Promise<ServiceAreaAttestation> {
    return this.service.attest(p, id, dto);
  }
}
