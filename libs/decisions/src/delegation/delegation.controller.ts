import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  PartialType,
} from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { OFFICER_ROLES, Role, Roles } from '@anslag/auth';
import { UuidPipe } from '@anslag/common';
import type { DelegationPoint } from '../entities/delegation-point.entity';
import { DelegationService, type DelegationPointView } from './delegation.service';

export class DelegationPointDto {
  @ApiProperty({ example: '3.3' }) @IsString() @MinLength(1) @MaxLength(20) point: string;
  @ApiProperty({ example: 'Beslut om företagsstöd' }) @IsString() @MinLength(1) @MaxLength(300) title: string;
  @ApiProperty({ example: 'Områdeschef näringslivsutveckling' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  decisionMakerTitle: string;
  @ApiProperty({ type: [String], example: ['foretagsstod'] })
  @IsArray()
  @IsIn(['projekt', 'foretagsstod'], { each: true })
  tracks: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  aidForms?: string[];
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'beloppsgräns i kronor; null = ingen' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  limitKronor?: number | null;
  @ApiPropertyOptional({
    type: [String],
    description:
      'ersättare: konton (beslutsfattare) som beslutar när innehavaren anmält jäv eller är frånvarande',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  substitutes?: string[];
  @ApiProperty() @IsDateString({ strict: true }) validFrom: string;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsDateString({ strict: true })
  validTo?: string | null;
}

export class UpdateDelegationPointDto extends PartialType(DelegationPointDto, {
  skipNullProperties: false,
}) {}

export class PersonRefDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
}

export class DelegationPointResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: '3.3' }) point: string;
  @ApiProperty() title: string;
  @ApiProperty() decisionMakerTitle: string;
  @ApiProperty({ type: [String] }) tracks: string[];
  @ApiProperty({ type: [String] }) aidForms: string[];
  @ApiProperty({ type: Number, nullable: true }) limitKronor: number | null;
  @ApiProperty() validFrom: string;
  @ApiProperty({ type: String, nullable: true }) validTo: string | null;
  @ApiProperty({ type: [String] }) substituteAccountIds: string[];
}

export class DelegationPointViewDto extends DelegationPointResponseDto {
  @ApiProperty({ type: [PersonRefDto] }) holders: PersonRefDto[];
  @ApiProperty({ type: [PersonRefDto] }) substitutes: PersonRefDto[];
}

@ApiTags('delegation')
@ApiBearerAuth()
@Controller('api/delegation-points')
export class DelegationController {
  constructor(private readonly delegation: DelegationService) {}

  @Get()
  @Roles(...OFFICER_ROLES)
  @ApiOperation({
    summary:
      'The delegation order: points, case types, amount limits, validity, holders and substitutes by name. Officers.',
  })
  @ApiOkResponse({ type: [DelegationPointViewDto] })
  list(): Promise<DelegationPointView[]> {
    return this.delegation.list();
  }

  @Post()
  @Roles(Role.admin)
  @ApiOperation({ summary: 'Add a point to the delegation order. Admin.' })
  @ApiCreatedResponse({ type: DelegationPointResponseDto })
  create(@Body() dto: DelegationPointDto): Promise<DelegationPoint> {
    const { substitutes, ...rest } = dto;
    return this.delegation.create({
      aidForms: [],
      limitKronor: null,
      validTo: null,
      ...rest,
      substituteAccountIds: substitutes ?? [],
    });
  }

  @Patch(':id')
  @Roles(Role.admin)
  @ApiOperation({ summary: 'Change a point (limit, validity, substitutes). Admin.' })
  @ApiOkResponse({ type: DelegationPointResponseDto })
  update(
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: UpdateDelegationPointDto,
  ): Promise<DelegationPoint> {
    const { substitutes, ...rest } = dto;
    return this.delegation.update(id, {
      ...rest,
      ...(substitutes ? { substituteAccountIds: substitutes } : {}),
    });
  }
}
