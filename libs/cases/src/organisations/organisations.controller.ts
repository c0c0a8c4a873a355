import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, OFFICER_ROLES, Principal, Role, Roles } from '@anslag/auth';
import { UuidPipe } from '@anslag/common';
import {
  CorrectTatortDto,
  CreateOrganisationDto,
  OrganisationDto,
  OrganisationHistoryDto,
  UpdateOrganisationDto,
} from './organisation.dto';
import { OrganisationsService } from './organisations.service';
import type { PersonalDataAccessEntry } from './personal-data-log.service';

export class PersonalDataAccessDto {
  @ApiProperty() at: string;
  @ApiProperty({ description: 'vem som läste' }) reader: string;
  @ApiProperty() field: string;
  @ApiProperty() purpose: string;
}

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('api/organisations')
export class OrganisationsController {
  constructor(private readonly orgs: OrganisationsService) {}

  @Post()
  @Roles(Role.sokande, Role.handlaggare, Role.admin)
  @ApiOperation({ summary: 'Register an organisation. A sökande who registers it acts for it.' })
  @ApiCreatedResponse({ type: OrganisationDto })
  create(@CurrentUser() p: Principal, @Body() dto: CreateOrganisationDto): Promise<OrganisationDto> {
    return this.orgs.create(p, dto);
  }

  @Get('mine')
  @Roles(Role.sokande)
  @ApiOperation({ summary: 'The organisations the signed-in sökande acts for.' })
  @ApiOkResponse({ type: [OrganisationDto] })
  mine(@CurrentUser() p: Principal): Promise<OrganisationDto[]> {
    return this.orgs.listMine(p);
  }

  @Get(':id')
  @Roles(Role.sokande, ...OFFICER_ROLES)
  @ApiOperation({ summary: 'One organisation. Sökande only their own.' })
  @ApiOkResponse({ type: OrganisationDto })
  get(@CurrentUser() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<OrganisationDto> {
    return this.orgs.get(p, id);
  }

  @Get(':id/personal-data-access')
  @Roles(Role.admin)
  @ApiOperation({
    summary:
      'Who read the personal facts kept for a rule (born outside the Nordic countries), and why. Admin.',
  })
  @ApiOkResponse({ type: [PersonalDataAccessDto] })
  personalDataAccess(@Param('id', new UuidPipe()) id: string): Promise<PersonalDataAccessEntry[]> {
    return this.orgs.personalDataAccess(id);
  }

  @Get(':id/history')
  @Roles(Role.sokande, ...OFFICER_ROLES)
  @ApiOperation({
    summary: 'Who changed the organisation, when, before/after and why. Sökande only their own.',
  })
  @ApiOkResponse({ type: [OrganisationHistoryDto] })
  history(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
  ): Promise<OrganisationHistoryDto[]> {
    return this.orgs.history(p, id);
  }

  @Post(':id/tatort')
  @HttpCode(200)
  @Roles(Role.handlaggare)
  @ApiOperation({
    summary:
      'Correct whether the business lies in the tätort (derived from the postal code), with a reason kept in the history. Handläggare.',
  })
  @ApiOkResponse({ type: OrganisationDto })
  correctTatort(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: CorrectTatortDto,
  ): Promise<OrganisationDto> {
    return this.orgs.correctTatort(p, id, dto);
  }

  @Patch(':id')
  @Roles(Role.sokande, Role.handlaggare, Role.admin)
  @ApiOperation({
    summary:
      'Change an organisation. Sökande only their own; the organisationsnummer is fixed once a case is submitted (an officer corrects it with a reason). Recorded in the history.',
  })
  @ApiOkResponse({ type: OrganisationDto })
  update(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: UpdateOrganisationDto,
  ): Promise<OrganisationDto> {
    return this.orgs.update(p, id, dto);
  }
}
