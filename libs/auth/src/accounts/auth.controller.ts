import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { BodyLimit, ErrorBodyDto, SMALL_BODY } from '@anslag/common';
import { CurrentUser, Principal } from '../principal';
import { ALL_ROLES, Public, Roles } from '../roles';
import { Clock } from '@anslag/common';
import { LoginService, type OwnPoint } from './login.service';

export class LoginDto {
  @ApiProperty({ example: 'handlaggare' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  username: string;

  @ApiProperty({ example: 'demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  password: string;
}

export class TokenDto {
  @ApiProperty() accessToken: string;
}

export class OwnPointDto {
  @ApiProperty({ example: '3.3' }) point: string;
  @ApiProperty() title: string;
  @ApiProperty() decisionMakerTitle: string;
  @ApiProperty({ enum: ['innehavare', 'ersattare'] }) as: 'innehavare' | 'ersattare';
}

export class MeDto {
  @ApiProperty() userId: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ALL_ROLES, isArray: true }) roles: string[];
  @ApiProperty({ type: [String] }) organisationIds: string[];
  @ApiProperty({
    type: [OwnPointDto],
    description: 'delegationspunkter i kraft i dag som du innehar (innehavare) eller är ersättare för',
  })
  delegationPoints: OwnPoint[];
}

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly login: LoginService,
    private readonly clock: Clock,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @BodyLimit(SMALL_BODY)
  @ApiOperation({
    summary:
      'Password login. Open to anyone; answers a short-lived bearer token. Failed attempts are limited per account and per address (429 with Retry-After).',
  })
  @ApiOkResponse({ type: TokenDto })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto })
  async signIn(@Body() dto: LoginDto, @Ip() address: string): Promise<TokenDto> {
    return { accessToken: await this.login.login(dto.username, dto.password, address) };
  }

  @Get('me')
  @Roles(...ALL_ROLES)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Who the token belongs to, with the delegation points held or substituted for. Any signed-in role.',
  })
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentUser() p: Principal): Promise<MeDto> {
    return {
      userId: p.userId,
      username: p.username,
      roles: p.roles,
      organisationIds: p.organisationIds,
      delegationPoints: await this.login.ownPoints(p.userId, this.clock.today()),
    };
  }
}
