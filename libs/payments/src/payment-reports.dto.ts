import { ApiProperty } from '@nestjs/swagger';

export class CommitmentLineDto {
  @ApiProperty() year: number;
  @ApiProperty() frame: string;
  @ApiProperty() aidForm: string;
  @ApiProperty() decisions: number;
  @ApiProperty() granted: number;
  @ApiProperty() paid: number;
  @ApiProperty({ description: 'Frigjort när ärendet avslutades.' }) released: number;
  @ApiProperty() outstanding: number;
}

export class PaidLineDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() diarienummer: string;
  @ApiProperty() payee: string;
  @ApiProperty({ enum: ['utbetalning', 'forskott'] }) kind: string;
  @ApiProperty() net: number;
  @ApiProperty() paidOn: string;
  @ApiProperty({ type: String, nullable: true }) reference: string | null;
}

export class PaymentsInPeriodDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty() total: number;
  @ApiProperty({ type: [PaidLineDto] }) payments: PaidLineDto[];
}

export class OverdueReportDto {
  @ApiProperty({ format: 'uuid' }) decisionId: string;
  @ApiProperty() diarienummer: string;
  @ApiProperty() organisation: string;
  @ApiProperty() seq: number;
  @ApiProperty({ enum: ['lagesrapport', 'slutrapport'] }) kind: string;
  @ApiProperty() dueDate: string;
  @ApiProperty() daysLate: number;
}

export class ReportedIndicatorDto {
  @ApiProperty() code: string;
  @ApiProperty() label: string;
  @ApiProperty() total: number;
  @ApiProperty() reports: number;
}

export class NamndIndicatorDto {
  @ApiProperty() code: string;
  @ApiProperty() label: string;
  @ApiProperty() grantedCount: number;
  @ApiProperty() previousCount: number;
}

export class IndicatorsReportDto {
  @ApiProperty() year: number;
  @ApiProperty({ type: [ReportedIndicatorDto] }) reported: ReportedIndicatorDto[];
  @ApiProperty({ type: [NamndIndicatorDto] }) namnd: NamndIndicatorDto[];
}
