import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { CurrentUser, Principal, Role, Roles } from '@anslag/auth';
import { UuidPipe } from '@anslag/common';
import { DecisionDto } from '../signing/decision.dto';
import { DeMinimisRegisterService } from './de-minimis-register.service';

export class DeMinimisRegistrationDto {
  @ApiProperty({ description: 'registrets referens för stödet' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reference: string;
}

@ApiTags('decisions')
@ApiBearerAuth()
@Controller('api/decisions/:id/de-minimis-register')
export class DeMinimisRegisterController {
  constructor(private readonly register: DeMinimisRegisterService) {}

  @Post()
  @Roles(Role.handlaggare, Role.admin)
  @ApiOperation({
    summary:
      'Record that a de minimis decision was registered in the central de minimis register (from 2026), with its reference. Handläggare, admin.',
  })
  @ApiCreatedResponse({ type: DecisionDto })
  registered(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: DeMinimisRegistrationDto,
  ): Promise<DecisionDto> {
    return this.register.register(p, id, dto.reference);
  }
}
