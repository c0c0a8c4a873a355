import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, OFFICER_ROLES, type Principal, Role, Roles } from '@anslag/auth';
import { DomainError, UuidPipe } from '@anslag/common';
import {
  CreatePaymentRequestDto,
  PaymentRequestFieldsDto,
  RequestListQueryDto,
  ScheduleOverrideDto,
  VerificationDto,
} from './dto';
import { PaymentRequestsService } from './payment-requests.service';
import { CheckResultDto, PaymentRequestDto, PaymentRequestListItemDto, ScheduleItemDto } from './responses';
import { VerificationService } from './verification.service';

@ApiTags('payments')
@ApiBearerAuth()
@Controller('api')
export class PaymentRequestsController {
  constructor(
    private readonly requests: PaymentRequestsService,
    private readonly verification: VerificationService,
  ) {}

  @Get('decisions/:id/reporting-schedule')
  @Roles(Role.sokande, ...OFFICER_ROLES)
  @ApiOperation({
    summary:
      "The decision's reporting schedule: progress reports and the final report, with their due dates.",
  })
  @ApiOkResponse({ type: [ScheduleItemDto] })
  schedule(@CurrentUser() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<ScheduleItemDto[]> {
    return this.requests.schedule(p, id);
  }

  @Put('decisions/:id/reporting-schedule/:seq')
  @Roles(Role.handlaggare)
  @ApiOperation({ summary: "Change one report's due date for this decision, with a reason. Handläggare." })
  @ApiOkResponse({ type: [ScheduleItemDto] })
  overrideSchedule(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Param(
      'seq',
      new ParseIntPipe({ exceptionFactory: () => DomainError.validation('seq', 'ska vara ett heltal') }),
    )
    seq: number,
    @Body() dto: ScheduleOverrideDto,
  ): Promise<ScheduleItemDto[]> {
    return this.requests.overrideSchedule(p, id, seq, dto);
  }

  @Get('decisions/:id/payment-requests')
  @Roles(Role.sokande, ...OFFICER_ROLES)
  @ApiOperation({ summary: "The decision's payment requests (utbetalningsansökningar)." })
  @ApiOkResponse({ type: [PaymentRequestDto] })
  list(@CurrentUser() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<PaymentRequestDto[]> {
    return this.requests.list(p, id);
  }

  @Post('decisions/:id/payment-requests')
  @Roles(Role.sokande)
  @ApiOperation({
    summary: 'Start a payment request for the next report in the schedule (a draft). Sökande.',
  })
  @ApiCreatedResponse({ type: PaymentRequestDto })
  create(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: CreatePaymentRequestDto,
  ): Promise<PaymentRequestDto> {
    return this.requests.create(p, id, dto);
  }

  @Get('payment-requests')
  @Roles(Role.handlaggare, Role.beslutsfattare)
  @ApiOperation({
    summary:
      'Payment requests by status: the submitted ones await verification. Handläggare, beslutsfattare.',
  })
  @ApiOkResponse({ type: [PaymentRequestListItemDto] })
  byStatus(@Query() q: RequestListQueryDto): Promise<PaymentRequestListItemDto[]> {
    return this.requests.listByStatus(q.status ?? 'inskickad');
  }

  @Get('payment-requests/:id')
  @Roles(Role.sokande, ...OFFICER_ROLES)
  @ApiOperation({
    summary: 'One payment request with its vouchers, their flags and verdicts, and the computation.',
  })
  @ApiOkResponse({ type: PaymentRequestDto })
  get(@CurrentUser() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<PaymentRequestDto> {
    return this.requests.get(p, id);
  }

  @Patch('payment-requests/:id')
  @Roles(Role.sokande)
  @ApiOperation({ summary: 'Change a draft payment request (vouchers are replaced as a whole). Sökande.' })
  @ApiOkResponse({ type: PaymentRequestDto })
  update(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: PaymentRequestFieldsDto,
  ): Promise<PaymentRequestDto> {
    return this.requests.update(p, id, dto);
  }

  @Post('payment-requests/:id/check')
  @HttpCode(200)
  @Roles(Role.sokande, Role.handlaggare)
  @ApiOperation({
    summary: 'Every problem that stops submission, and the lines the officer will look at, at once.',
  })
  @ApiOkResponse({ type: CheckResultDto })
  check(@CurrentUser() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<CheckResultDto> {
    return this.requests.check(p, id);
  }

  @Post('payment-requests/:id/submit')
  @HttpCode(200)
  @Roles(Role.sokande)
  @ApiOperation({ summary: 'Submit the payment request with its report. Sökande.' })
  @ApiOkResponse({ type: PaymentRequestDto })
  submit(@CurrentUser() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<PaymentRequestDto> {
    return this.requests.submit(p, id);
  }

  @Post('payment-requests/:id/verification')
  @HttpCode(200)
  @Roles(Role.handlaggare)
  @ApiOperation({
    summary:
      'Verify every voucher (approve, deduct with a reason, move), compute the amount and propose the payment. Handläggare.',
  })
  @ApiOkResponse({ type: PaymentRequestDto })
  verify(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: VerificationDto,
  ): Promise<PaymentRequestDto> {
    return this.verification.verify(p, id, dto);
  }
}
