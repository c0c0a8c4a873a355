import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Account, Role, effectiveRoles } from '@anslag/auth';

const STAFF_ROLE_VALUES = [Role.handlaggare, Role.beslutsfattare, Role.namndsekreterare, Role.admin];

export class CreateStaffDto {
  @ApiProperty({ example: 'lena.kihl', description: 'Användarnamnet hos organisationens inloggningstjänst' })
  @Matches(/^[A-Za-z0-9._@-]{2,100}$/, { message: 'bokstäver a–z, siffror och . _ @ -' })
  username: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) displayName: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(200) title?:
    string | null;

  @ApiProperty({ enum: STAFF_ROLE_VALUES, isArray: true })
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(STAFF_ROLE_VALUES, { each: true })
  roles: Role[];

  @ApiPropertyOptional({
    type: [String],
    example: ['3.3'],
    description: 'Delegationspunkter personen innehar',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  delegationPoints?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['3.2'],
    description: 'Delegationspunkter där personen är ersättare (för innehavare som är jäviga eller borta)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  substituteFor?: string[];

  @ApiPropertyOptional({
    description: 'Bara för ett lokalt nödkonto (break-glass): lösenord, minst 12 tecken',
  })
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'lösenordet ska ha minst 12 tecken' })
  @MaxLength(200)
  password?: string;

  @ApiProperty({ description: 'Varför ändringen görs' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;
}

export class UpdateStaffDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) displayName?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(200) title?:
    string | null;

  @ApiPropertyOptional({ enum: STAFF_ROLE_VALUES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(STAFF_ROLE_VALUES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  delegationPoints?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['3.2'],
    description: 'Delegationspunkter där personen är ersättare (för innehavare som är jäviga eller borta)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  substituteFor?: string[];

  @ApiPropertyOptional({ description: 'false spärrar kontot och avslutar dess sessioner' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ description: 'Varför ändringen görs' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;
}

export class StaffDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ enum: STAFF_ROLE_VALUES, isArray: true, description: 'Tilldelade av en administratör' })
  roles: Role[];
  @ApiProperty({
    enum: STAFF_ROLE_VALUES,
    isArray: true,
    description: 'Från grupperna vid senaste inloggningen',
  })
  groupRoles: Role[];
  @ApiProperty({ enum: STAFF_ROLE_VALUES, isArray: true }) effectiveRoles: Role[];
  @ApiProperty({ type: [String] }) delegationPoints: string[];
  @ApiProperty({ type: [String], description: 'Punkter där personen är ersättare' }) substituteFor: string[];
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Lokalt nödkonto med lösenord' }) breakGlass: boolean;
  @ApiProperty({ description: 'Har loggat in via organisationens inloggningstjänst' }) linked: boolean;

  static from(a: Account, substituteFor: string[]): StaffDto {
    return {
      id: a.id,
      username: a.username,
      displayName: a.displayName,
      title: a.title,
      roles: a.roles,
      groupRoles: a.groupRoles,
      effectiveRoles: effectiveRoles(a),
      delegationPoints: a.delegationPoints,
      substituteFor,
      active: a.active,
      breakGlass: a.breakGlass,
      linked: a.externalSubject !== null,
    };
  }
}

export class AccountChangeDto {
  @ApiProperty() at: string;
  @ApiProperty() actor: string;
  @ApiProperty() action: string;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) before: object | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) after: object | null;
  @ApiProperty() reason: string;
}
