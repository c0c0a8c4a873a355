import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Role, Roles } from '@anslag/auth';
import { UuidPipe } from '@anslag/common';
import { AccountChangeDto, CreateStaffDto, StaffDto, UpdateStaffDto } from './staff.dto';
import { StaffAdminService } from './staff-admin.service';

@ApiTags('staff administration')
@ApiBearerAuth()
@Controller('api/admin/staff')
@Roles(Role.admin)
export class StaffAdminController {
  constructor(private readonly staff: StaffAdminService) {}

  @Get()
  @ApiOperation({ summary: 'Staff accounts with their roles and delegation points. Admin.' })
  @ApiOkResponse({ type: [StaffDto] })
  list(): Promise<StaffDto[]> {
    return this.staff.list();
  }

  @Post()
  @ApiOperation({
    summary:
      'Create a staff account (a local break-glass account when a password is given). Admin; logged with why.',
  })
  @ApiCreatedResponse({ type: StaffDto })
  create(@CurrentUser() p: Principal, @Body() dto: CreateStaffDto): Promise<StaffDto> {
    return this.staff.create(p, dto);
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      'Change, assign roles and delegation points, deactivate (active: false). Admin; logged with why.',
  })
  @ApiOkResponse({ type: StaffDto })
  update(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: UpdateStaffDto,
  ): Promise<StaffDto> {
    return this.staff.update(p, id, dto);
  }

  @Get(':id/changes')
  @ApiOperation({ summary: 'Every change of the account: who, when, before and after, why. Admin.' })
  @ApiOkResponse({ type: [AccountChangeDto] })
  changes(@Param('id', new UuidPipe()) id: string): Promise<AccountChangeDto[]> {
    return this.staff.changes(id);
  }
}
