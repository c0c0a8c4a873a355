import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, OFFICER_ROLES, Principal, Role, Roles } from '@anslag/auth';
import { ExchangeRateDto, LoadExchangeRatesDto } from './exchange-rates.dto';
import { ExchangeRatesService } from './exchange-rates.service';

@ApiTags('policy')
@ApiBearerAuth()
@Controller('api/policy/exchange-rates')
export class ExchangeRatesController {
  constructor(private readonly rates: ExchangeRatesService) {}

  @Get()
  @Roles(...OFFICER_ROLES)
  @ApiOperation({ summary: 'The loaded monthly euro rates (InforEuro), by month. Officers.' })
  @ApiOkResponse({ type: [ExchangeRateDto] })
  list(): Promise<ExchangeRateDto[]> {
    return this.rates.list();
  }

  @Put()
  @Roles(Role.admin)
  @ApiOperation({
    summary:
      'Load the Commission’s monthly euro rates (one per month; a month loaded again is corrected). Admin.',
  })
  @ApiOkResponse({ type: [ExchangeRateDto] })
  load(@CurrentUser() p: Principal, @Body() dto: LoadExchangeRatesDto): Promise<ExchangeRateDto[]> {
    return this.rates.load(p, dto);
  }
}
