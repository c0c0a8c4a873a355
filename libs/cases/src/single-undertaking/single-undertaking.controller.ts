import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, OFFICER_ROLES, Principal, Role, Roles } from '@anslag/auth';
import { UuidPipe } from '@anslag/common';
import { OrganisationLinkDto, SetOrganisationLinksDto } from './single-undertaking.dto';
import { SingleUndertakingService } from './single-undertaking.service';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('api/organisations/:id/single-undertaking')
export class SingleUndertakingController {
  constructor(private readonly links: SingleUndertakingService) {}

  @Get()
  @Roles(Role.sokande, ...OFFICER_ROLES)
  @ApiOperation({
    summary:
      'The organisations this one forms a single undertaking with (de minimis art. 2.2), either side’s links. Sökande only their own.',
  })
  @ApiOkResponse({ type: [OrganisationLinkDto] })
  list(@CurrentUser() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<OrganisationLinkDto[]> {
    return this.links.list(p, id);
  }

  @Put()
  @Roles(Role.sokande, Role.handlaggare)
  @ApiOperation({
    summary:
      'Declare the organisation’s links (replaces them); recorded in its open cases’ history. Sökande (own), handläggare.',
  })
  @ApiOkResponse({ type: [OrganisationLinkDto] })
  set(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: SetOrganisationLinksDto,
  ): Promise<OrganisationLinkDto[]> {
    return this.links.set(p, id, dto);
  }
}
