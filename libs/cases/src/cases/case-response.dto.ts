import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BudgetLine } from '../entities/budget-line.entity';
import type { DeMinimisDeclaration } from '../entities/de-minimis-declaration.entity';
import type { GrantCase } from '../entities/grant-case.entity';
import type { BudgetSummary } from './budget';

export class YearSummaryDto {
  @ApiProperty() year: number;
  @ApiProperty() costs: number;
  @ApiProperty() financing: number;
  @ApiProperty({ description: 'finansiering − kostnader' }) difference: number;
}

export class BudgetSummaryDto {
  @ApiProperty({ type: [YearSummaryDto] }) years: YearSummaryDto[];
  @ApiProperty() costsTotal: number;
  @ApiProperty() financingTotal: number;
  @ApiProperty() inKindTotal: number;
  @ApiProperty() balanced: boolean;
  @ApiProperty({ description: 'det som söks från regionen, härlett ur finansieringen' })
  askedOfRegion: number;
  @ApiProperty({ nullable: true, description: 'andel av bokförda kostnader, baspunkter' }) askedShareBp:
    number | null;
}

export class BudgetLineDto {
  @ApiProperty({ enum: ['cost', 'financing', 'in_kind'] }) kind: string;
  @ApiProperty() code: string;
  @ApiProperty({ nullable: true }) label: string | null;
  @ApiProperty({ nullable: true }) year: number | null;
  @ApiProperty() amount: number;
  @ApiPropertyOptional({ nullable: true }) financingForm: string | null;
  @ApiPropertyOptional({ nullable: true }) costType: string | null;
  @ApiPropertyOptional({ nullable: true }) dated: string | null;
}

export class DeMinimisResponseDto {
  @ApiProperty() grantor: string;
  @ApiProperty() grantedOn: string;
  @ApiProperty() amount: number;
  @ApiProperty() currency: string;
  @ApiProperty({ nullable: true }) regulation: string | null;
  @ApiProperty({ nullable: true }) recipient: string | null;
}

export class CaseSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true }) diarienummer: string | null;
  @ApiProperty({ nullable: true }) nypsId: string | null;
  @ApiProperty({ enum: ['projekt', 'foretagsstod'] }) track: string;
  @ApiProperty() status: string;
  @ApiProperty() title: string;
  @ApiProperty() organisationId: string;
  @ApiProperty({ nullable: true }) organisationName: string | null;
  @ApiProperty({ nullable: true }) kommunCode: string | null;
  @ApiProperty({ nullable: true }) aidForm: string | null;
  @ApiProperty({ nullable: true }) aidSubform: string | null;
  @ApiProperty({ nullable: true }) amountApplied: number | null;
  @ApiProperty({ nullable: true }) registrationDate: string | null;

  static from(c: GrantCase, amountApplied: number | null): CaseSummaryDto {
    return {
      id: c.id,
      diarienummer: c.diarienummer,
      nypsId: c.nypsId,
      track: c.track,
      status: c.status,
      title: c.title,
      organisationId: c.organisationId,
      organisationName: c.organisation?.name ?? null,
      kommunCode: c.organisation?.kommunCode ?? null,
      aidForm: c.aidForm,
      aidSubform: c.aidSubform,
      amountApplied,
      registrationDate: c.registrationDate,
    };
  }
}

export class CaseDto extends CaseSummaryDto {
  @ApiProperty({ nullable: true }) description: string | null;
  @ApiProperty({ nullable: true }) periodStart: string | null;
  @ApiProperty({ nullable: true }) periodEnd: string | null;
  @ApiProperty() forstudie: boolean;
  @ApiProperty() euCofinancing: boolean;
  @ApiProperty() buildsOnEarlier: boolean;
  @ApiProperty({ type: [String] }) rusAreas: string[];
  @ApiProperty({ type: [String] }) effektmal: string[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) sections: Record<
    string,
    string | undefined
  >;
  @ApiProperty({ nullable: true }) plannedStart: string | null;
  @ApiProperty({ nullable: true }) collectiveAgreement: boolean | null;
  @ApiProperty({ type: [String] }) priorityClaims: string[];
  @ApiProperty({ nullable: true }) secrecyMarking: string | null;
  @ApiProperty({ nullable: true, type: Object }) stateAidFacts: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: Object }) homeDelivery: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: Object }) serviceAreaAttestation: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: Object }) stateAidAssessment: Record<string, unknown> | null;
  @ApiProperty({ nullable: true }) euBasis: string | null;
  @ApiProperty({ nullable: true }) receivedAt: string | null;
  @ApiProperty({ type: [BudgetLineDto] }) budgetLines: BudgetLineDto[];
  @ApiProperty({ type: BudgetSummaryDto }) budgetSummary: BudgetSummaryDto;
  @ApiProperty({ type: [DeMinimisResponseDto] }) deMinimis: DeMinimisResponseDto[];
  @ApiProperty() version: number;

  static full(
    c: GrantCase,
    lines: BudgetLine[],
    dm: DeMinimisDeclaration[],
    summary: BudgetSummary,
  ): CaseDto {
    const amountApplied = c.track === 'projekt' ? summary.askedOfRegion : c.amountApplied;
    return {
      ...CaseSummaryDto.from(c, amountApplied),
      description: c.description,
      periodStart: c.periodStart,
      periodEnd: c.periodEnd,
      forstudie: c.forstudie,
      euCofinancing: c.euCofinancing,
      buildsOnEarlier: c.buildsOnEarlier,
      rusAreas: c.rusAreas,
      effektmal: c.effektmal,
      sections: c.sections,
      plannedStart: c.plannedStart,
      collectiveAgreement: c.collectiveAgreement,
      priorityClaims: c.priorityClaims,
      secrecyMarking: c.secrecyMarking,
      stateAidFacts: (c.stateAidFacts as Record<string, unknown> | null) ?? null,
      homeDelivery: (c.homeDelivery as Record<string, unknown> | null) ?? null,
      serviceAreaAttestation: (c.serviceAreaAttestation as Record<string, unknown> | null) ?? null,
      stateAidAssessment: (c.stateAidAssessment as Record<string, unknown> | null) ?? null,
      euBasis: c.euBasis,
      receivedAt: c.receivedAt?.toISOString() ?? null,
      budgetLines: lines.map((l) => ({
        kind: l.kind,
        code: l.code,
        label: l.label,
        year: l.year,
        amount: l.amount,
        financingForm: l.financingForm,
        costType: l.costType,
        dated: l.dated,
      })),
      budgetSummary: summary,
      deMinimis: dm.map((d) => ({
        grantor: d.grantor,
        grantedOn: d.grantedOn,
        amount: d.amount,
        currency: d.currency,
        regulation: d.regulation,
        recipient: d.recipient,
      })),
      version: c.version,
    };
  }
}

export class HistoryEntryDto {
  @ApiProperty() id: string;
  @ApiProperty() at: string;
  @ApiProperty() actor: string;
  @ApiProperty() action: string;
  @ApiProperty({ nullable: true }) before: unknown;
  @ApiProperty({ nullable: true }) after: unknown;
  @ApiProperty({ nullable: true }) reason: string | null;
}
