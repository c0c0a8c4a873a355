import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Role, Roles, STAFF_ROLES } from '@anslag/auth';
import { UuidPipe } from '@anslag/common';
import { AccessRequestDto, GrantDto, InviteDto, MandateDto, ReasonDto, VerifyDto } from './mandate.dto';
import { MandateService } from './mandate.service';

@ApiTags('mandates')
@ApiBearerAuth()
@Controller('api')
export class MandatesController {
  constructor(private readonly mandates: MandateService) {}

  @Get('mandates/mine')
  @Roles(Role.sokande)
  @ApiOperation({ summary: "The signed-in person's mandates (asked for, unverified, valid). Sökande." })
  @ApiOkResponse({ type: [MandateDto] })
  mine(@CurrentUser() p: Principal): Promise<MandateDto[]> {
    return this.mandates.mine(p);
  }

  @Post('organisations/access-requests')
  @Roles(Role.sokande)
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Ask to represent an organisation. The same answer whether or not it is registered, and nothing about who represents it. Sökande.',
  })
  requestAccess(@CurrentUser() p: Principal, @Body() dto: AccessRequestDto): Promise<{ message: string }> {
    return this.mandates.requestAccess(p, dto);
  }

  @Get('organisations/:id/mandates')
  @Roles(Role.sokande, ...STAFF_ROLES)
  @ApiOperation({ summary: "The organisation's mandates. Its verified signatories, and officers." })
  @ApiOkResponse({ type: [MandateDto] })
  list(@CurrentUser() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<MandateDto[]> {
    return this.mandates.list(p, id);
  }

  @Post('organisations/:id/mandates')
  @Roles(Role.sokande, Role.handlaggare)
  @ApiOperation({
    summary:
      'Invite a person by personnummer: a verified signatory gives ombud; a handläggare may give firmatecknare.',
  })
  @ApiCreatedResponse({ type: MandateDto })
  invite(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: InviteDto,
  ): Promise<MandateDto> {
    return this.mandates.invite(p, id, dto);
  }

  @Post('mandates/:id/grant')
  @HttpCode(200)
  @Roles(Role.sokande, Role.handlaggare)
  @ApiOperation({
    summary: "Grant a mandate asked for. The organisation's verified signatories, or a handläggare.",
  })
  @ApiOkResponse({ type: MandateDto })
  grant(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: GrantDto,
  ): Promise<MandateDto> {
    return this.mandates.grant(p, id, dto);
  }

  @Post('mandates/:id/verify')
  @HttpCode(200)
  @Roles(Role.handlaggare)
  @ApiOperation({
    summary: "Verify the registering person's mandate against the trade register extract. Handläggare.",
  })
  @ApiOkResponse({ type: MandateDto })
  verify(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: VerifyDto,
  ): Promise<MandateDto> {
    return this.mandates.verify(p, id, dto);
  }

  @Post('mandates/:id/revoke')
  @HttpCode(200)
  @Roles(Role.sokande, Role.handlaggare)
  @ApiOperation({
    summary:
      "Revoke a mandate, or refuse one asked for. The organisation's verified signatories, or a handläggare.",
  })
  @ApiOkResponse({ type: MandateDto })
  revoke(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: ReasonDto,
  ): Promise<MandateDto> {
    return this.mandates.revoke(p, id, dto.reason);
  }
}
