import { Body, Controller, Get, Query } from '@nestjs/common';
import { Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsDateString, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { Account, CurrentUser, OFFICER_ROLES, type Principal, Role, Roles } from '@anslag/auth';
import { DomainError } from '@anslag/common';
import { AttestRight } from './entities/attest-right.entity';
import { PeriodQueryDto, YearQueryDto } from './dto';
import { PaymentReportsService } from './payment-reports.service';
import {
  CommitmentLineDto,
  IndicatorsReportDto,
  OverdueReportDto,
  PaymentsInPeriodDto,
} from './payment-reports.dto';

export class AttestRightDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'ska vara ett id' }) accountId: string;
  @ApiProperty({ example: 500_000 })
  @IsInt({ message: 'ska vara ett belopp i hela kronor' })
  @Min(0)
  @Max(10_000_000_000)
  maxAmount: number;
  @ApiProperty({ example: '2020-01-01' }) @IsDateString({ strict: true }) validFrom: string;
  @ApiPropertyOptional({ example: '2020-12-31', nullable: true, type: String })
  @IsOptional()
  @IsDateString({ strict: true })
  validTo?: string | null;
}

export class AttestRightResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty() name: string;
  @ApiProperty() maxAmount: number;
  @ApiProperty() validFrom: string;
  @ApiPropertyOptional({ type: String, nullable: true }) validTo: string | null;
}

export class OverdueQueryDto {
  @ApiPropertyOptional({ example: '2020-09-01', description: 'Standard: i dag.' })
  @IsOptional()
  @IsDateString({ strict: true })
  date?: string;
}

@ApiTags('payments')
@ApiBearerAuth()
@Controller('api')
export class PaymentAdminController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reports: PaymentReportsService,
  ) {}

  @Get('attest-rights')
  @Roles(Role.admin, Role.beslutsfattare, Role.handlaggare)
  @ApiOperation({ summary: 'The attest order: who may authorise payments up to which amount.' })
  @ApiOkResponse({ type: [AttestRightResponseDto] })
  async attestRights(): Promise<AttestRightResponseDto[]> {
    const rows = await this.db.query(
      `SELECT r.id, r.account_id, a.display_name, r.max_amount, r.valid_from::text, r.valid_to::text
       FROM attest_right r JOIN account a ON a.id = r.account_id ORDER BY a.display_name, r.valid_from`,
    );
    return rows.map((r: Record<string, string | null>) => ({
      id: r.id!,
      accountId: r.account_id!,
      name: r.display_name!,
      maxAmount: Number(r.max_amount),
      validFrom: r.valid_from!,
      validTo: r.valid_to,
    }));
  }

  @Post('attest-rights')
  @Roles(Role.admin)
  @ApiOperation({ summary: 'Give a person attest rights up to an amount for a period. Admin.' })
  @ApiCreatedResponse({ type: AttestRightResponseDto })
  async addAttestRight(
    @CurrentUser() _p: Principal,
    @Body() dto: AttestRightDto,
  ): Promise<AttestRightResponseDto> {
    const a = await this.db.manager.findOne(Account, { where: { id: dto.accountId } });
    if (!a || !a.roles.includes(Role.beslutsfattare))
      throw new DomainError('VALIDATION_FAILED', 'Attesträtt ges till en beslutsfattare', [
        { field: 'accountId', problem: 'ska vara en aktiv beslutsfattare' },
      ]);
    if (dto.validTo && dto.validTo < dto.validFrom)
      throw new DomainError('VALIDATION_FAILED', 'Perioden slutar före sin början', [
        { field: 'validTo', problem: 'ska vara samma dag som validFrom eller senare' },
      ]);
    const row = await this.db.manager.save(AttestRight, {
      accountId: dto.accountId,
      maxAmount: dto.maxAmount,
      validFrom: dto.validFrom,
      validTo: dto.validTo ?? null,
    });
    return {
      id: row.id,
      accountId: a.id,
      name: a.displayName,
      maxAmount: row.maxAmount,
      validFrom: row.validFrom,
      validTo: row.validTo,
    };
  }

  @Get('payments/reports/outstanding')
  @Roles(...OFFICER_ROLES)
  @ApiOperation({ summary: 'Outstanding commitments: decided but not paid, per year, frame and aid form.' })
  @ApiOkResponse({ type: [CommitmentLineDto] })
  outstanding(@Query() q: YearQueryDto): Promise<CommitmentLineDto[]> {
    return this.reports.outstanding(q.year);
  }

  @Get('payments/reports/payments')
  @Roles(...OFFICER_ROLES)
  @ApiOperation({ summary: 'Payments made in a period, with the total.' })
  @ApiOkResponse({ type: PaymentsInPeriodDto })
  paid(@Query() q: PeriodQueryDto): Promise<PaymentsInPeriodDto> {
    return this.reports.paymentsInPeriod(q.from, q.to);
  }

  @Get('payments/reports/overdue')
  @Roles(...OFFICER_ROLES)
  @ApiOperation({ summary: 'Reports due and not submitted.' })
  @ApiOkResponse({ type: [OverdueReportDto] })
  overdue(@Query() q: OverdueQueryDto): Promise<OverdueReportDto[]> {
    return this.reports.overdue(q.date);
  }

  @Get('payments/reports/indicators')
  @Roles(...OFFICER_ROLES)
  @ApiOperation({
    summary: "Indicators reported in approved final reports beside the nämnd's indicators, for a year.",
  })
  @ApiOkResponse({ type: IndicatorsReportDto })
  indicators(@Query() q: YearQueryDto): Promise<IndicatorsReportDto> {
    return this.reports.indicators(q.year ?? new Date().getFullYear());
  }
}
