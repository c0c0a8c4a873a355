import { Controller, Get, Param, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { DomainError, UuidPipe } from '@anslag/common';
import { ALL_ROLES, Role, Roles } from '../roles';
import { Account } from './account.entity';

const STAFF = Object.values(Role).filter((r) => r !== Role.sokande);

export class PeopleQueryDto {
  @ApiPropertyOptional({ enum: STAFF, description: 'bara de som har rollen' })
  @IsOptional()
  @IsIn(STAFF)
  role?: Role;
}

export class DirectoryPersonDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'Anna Andersson' }) displayName: string;
  @ApiProperty({ type: String, nullable: true, example: 'Handläggare' }) title: string | null;
  @ApiProperty({ type: [String], enum: Object.values(Role) }) roles: Role[];
}

const person = (a: Account): DirectoryPersonDto => ({
  id: a.id,
  displayName: a.displayName,
  title: a.title,
  roles: a.roles,
});

/**
 * The read-only directory of the region's staff, so that a client shows names and titles wherever the
 * API gives an id (assignees, signers, presenters, history actors). Applicants' accounts are not listed.
 */
@ApiTags('people')
@ApiBearerAuth()
@Controller('api/people')
export class PeopleController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: "The region's staff: display name, title and roles (role= filters). Any signed-in role.",
  })
  @ApiOkResponse({ type: [DirectoryPersonDto] })
  async list(@Query() q: PeopleQueryDto): Promise<DirectoryPersonDto[]> {
    const rows = await this.db
      .getRepository(Account)
      .createQueryBuilder('a')
      .where('a.active')
      .andWhere('a.roles && :staff', { staff: q.role ? [q.role] : STAFF })
      .orderBy('a.display_name', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
    return rows.map(person);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'One member of staff by id (an applicant account answers 404). Any signed-in role.',
  })
  @ApiOkResponse({ type: DirectoryPersonDto })
  async get(@Param('id', new UuidPipe()) id: string): Promise<DirectoryPersonDto> {
    const a = await this.db.getRepository(Account).findOne({ where: { id } });
    if (!a || !a.roles.some((r) => r !== Role.sokande)) throw DomainError.notFound('Personen');
    return person(a);
  }
}
