import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, OFFICER_ROLES, type Principal, Role, Roles } from '@anslag/auth';
import { UuidPipe } from '@anslag/common';
import { BatchService } from './batch.service';
import { AdvanceDto, ConfirmPaymentDto, CreateBatchDto, CancelReasonDto, RecoveryDraftDto } from './dto';
import { PaymentsService } from './payments.service';
import { RecoveryService } from './recovery.service';
import { BatchDto, CodeLabelDto, PaymentDto, RecoveryDto } from './responses';

export class PaymentListQueryDto {
  @ApiPropertyOptional({ enum: ['forslag', 'attesterad', 'i_bunt', 'betald', 'makulerad'] })
  @IsOptional()
  @IsIn(['forslag', 'attesterad', 'i_bunt', 'betald', 'makulerad'], {
    message: 'ska vara forslag, attesterad, i_bunt, betald eller makulerad',
  })
  status?: string;
}

@ApiTags('payments')
@ApiBearerAuth()
@Controller('api')
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly batches: BatchService,
    private readonly recoveries: RecoveryService,
  ) {}

  @Get('decisions/:id/payments')
  @Roles(Role.sokande, ...OFFICER_ROLES)
  @ApiOperation({ summary: "The decision's payments and advances." })
  @ApiOkResponse({ type: [PaymentDto] })
  forDecision(@CurrentUser() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<PaymentDto[]> {
    return this.payments.forDecision(p, id);
  }

  @Get('payments')
  @Roles(Role.handlaggare, Role.beslutsfattare)
  @ApiOperation({
    summary: 'Payments by status (e.g. proposals awaiting authorisation). Handläggare, beslutsfattare.',
  })
  @ApiOkResponse({ type: [PaymentDto] })
  list(@Query() q: PaymentListQueryDto): Promise<PaymentDto[]> {
    return this.payments.list(q.status);
  }

  @Get('payments/deduction-reasons')
  @Roles(...OFFICER_ROLES)
  @ApiOperation({ summary: "The region's reasons for deducting a cost at verification (data)." })
  @ApiOkResponse({ type: [CodeLabelDto] })
  deductionReasons(): Promise<CodeLabelDto[]> {
    return this.payments.deductionReasons();
  }

  @Get('payments/:id')
  @Roles(Role.sokande, ...OFFICER_ROLES)
  @ApiOperation({ summary: 'One payment.' })
  @ApiOkResponse({ type: PaymentDto })
  get(@CurrentUser() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<PaymentDto> {
    return this.payments.get(p, id);
  }

  @Get('payments/:id/letter')
  @Roles(Role.sokande, ...OFFICER_ROLES)
  @ApiOperation({
    summary: 'The letter of an authorised payment or advance (PDF); 404 until it is produced.',
  })
  @ApiProduces('application/pdf')
  async letter(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendPdf(reply, await this.payments.letter(p, id));
  }

  @Post('payments/:id/authorise')
  @HttpCode(200)
  @Roles(Role.beslutsfattare)
  @ApiOperation({
    summary:
      'Authorise (attestera) a proposed payment within the attest order; never the one who verified it. Beslutsfattare.',
  })
  @ApiOkResponse({ type: PaymentDto })
  authorise(@CurrentUser() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<PaymentDto> {
    return this.payments.authorise(p, id);
  }

  @Post('payments/:id/cancel')
  @HttpCode(200)
  @Roles(Role.handlaggare, Role.beslutsfattare)
  @ApiOperation({ summary: 'Cancel (makulera) a payment not yet sent to the bank, with a reason.' })
  @ApiOkResponse({ type: PaymentDto })
  cancel(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: CancelReasonDto,
  ): Promise<PaymentDto> {
    return this.payments.cancel(p, id, dto.reason);
  }

  @Post('payments/:id/confirmation')
  @HttpCode(200)
  @Roles(Role.handlaggare)
  @ApiOperation({ summary: "Record the bank's confirmation of a payment (date, reference). Handläggare." })
  @ApiOkResponse({ type: PaymentDto })
  confirm(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: ConfirmPaymentDto,
  ): Promise<PaymentDto> {
    return this.payments.confirm(p, id, dto);
  }

  @Post('decisions/:id/advances')
  @Roles(Role.handlaggare)
  @ApiOperation({
    summary:
      'Propose an advance (förskott) with its special reasons and offset plan; at most half the grant and the ceiling. Handläggare.',
  })
  @ApiCreatedResponse({ type: PaymentDto })
  advance(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: AdvanceDto,
  ): Promise<PaymentDto> {
    return this.payments.proposeAdvance(p, id, dto);
  }

  @Post('payment-batches')
  @Roles(Role.handlaggare)
  @ApiOperation({
    summary:
      'Collect every authorised payment into a batch: a pain.001 file and the accounting CSV. Handläggare.',
  })
  @ApiCreatedResponse({ type: BatchDto })
  createBatch(@CurrentUser() p: Principal, @Body() dto: CreateBatchDto): Promise<BatchDto> {
    return this.batches.create(p, dto.executionDate);
  }

  @Get('payment-batches')
  @Roles(Role.handlaggare, Role.beslutsfattare)
  @ApiOperation({ summary: 'Payment batches, newest first.' })
  @ApiOkResponse({ type: [BatchDto] })
  listBatches(): Promise<BatchDto[]> {
    return this.batches.list();
  }

  @Get('payment-batches/:id/pain001')
  @Roles(Role.handlaggare)
  @ApiOperation({ summary: "The batch's ISO 20022 pain.001 file, as stored. Handläggare." })
  @ApiProduces('application/xml')
  async pain001(@Param('id', new UuidPipe()) id: string, @Res() reply: FastifyReply): Promise<void> {
    const f = await this.batches.file(id, 'pain001');
    await reply
      .header('content-type', 'application/xml; charset=utf-8')
      .header('content-disposition', `attachment; filename="${f.name}"`)
      .send(f.body);
  }

  @Get('payment-batches/:id/csv')
  @Roles(Role.handlaggare)
  @ApiOperation({
    summary: "The batch as the accounting's CSV import (semicolons, UTF-8 with BOM). Handläggare.",
  })
  @ApiProduces('text/csv')
  async csv(@Param('id', new UuidPipe()) id: string, @Res() reply: FastifyReply): Promise<void> {
    const f = await this.batches.file(id, 'csv');
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${f.name}"`)
      .send(f.body);
  }

  @Post('decisions/:id/recoveries')
  @Roles(Role.handlaggare)
  @ApiOperation({
    summary: 'Draft a recovery (återkrav) on one of the grounds, never above what was paid. Handläggare.',
  })
  @ApiCreatedResponse({ type: RecoveryDto })
  draftRecovery(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: RecoveryDraftDto,
  ): Promise<RecoveryDto> {
    return this.recoveries.draft(p, id, dto);
  }

  @Get('decisions/:id/recoveries')
  @Roles(Role.sokande, ...OFFICER_ROLES)
  @ApiOperation({ summary: "The decision's recoveries. Sökande: decided ones only." })
  @ApiOkResponse({ type: [RecoveryDto] })
  recoveriesFor(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
  ): Promise<RecoveryDto[]> {
    return this.recoveries.forDecision(p, id);
  }

  @Get('recoveries/:id')
  @Roles(Role.sokande, ...OFFICER_ROLES)
  @ApiOperation({ summary: 'One recovery with its interest, period by period.' })
  @ApiOkResponse({ type: RecoveryDto })
  recovery(@CurrentUser() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<RecoveryDto> {
    return this.recoveries.get(p, id);
  }

  @Get('recoveries/:id/letter')
  @Roles(Role.sokande, ...OFFICER_ROLES)
  @ApiOperation({ summary: 'The letter of a decided recovery (PDF); 404 until it is produced.' })
  @ApiProduces('application/pdf')
  async recoveryLetter(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendPdf(reply, await this.recoveries.letter(p, id));
  }

  @Post('recoveries/:id/decide')
  @HttpCode(200)
  @Roles(Role.beslutsfattare)
  @ApiOperation({
    summary: 'Decide a drafted recovery; interest runs to the decision date. Not the one who drafted it.',
  })
  @ApiOkResponse({ type: RecoveryDto })
  decideRecovery(@CurrentUser() p: Principal, @Param('id', new UuidPipe()) id: string): Promise<RecoveryDto> {
    return this.recoveries.decide(p, id);
  }

  @Post('recoveries/:id/settle')
  @HttpCode(200)
  @Roles(Role.handlaggare)
  @ApiOperation({ summary: 'Record that a decided recovery is paid (invoice) or settled. Handläggare.' })
  @ApiOkResponse({ type: RecoveryDto })
  settleRecovery(
    @CurrentUser() p: Principal,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: ConfirmPaymentDto,
  ): Promise<RecoveryDto> {
    return this.recoveries.settle(p, id, dto);
  }
}

async function sendPdf(reply: FastifyReply, f: { pdf: Buffer; sha256: string; name: string }): Promise<void> {
  await reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${f.name.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
    .header('x-content-sha256', f.sha256)
    .send(f.pdf);
}
