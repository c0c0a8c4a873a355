import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorDetailDto } from '@anslag/common';
import { HomeDeliveryDto, ProjectStateAidDto, StateAidFactsDto } from './case.dto';
import type { BudgetLine } from '../entities/budget-line.entity';
import type { DeMinimisDeclaration } from '../entities/de-minimis-declaration.entity';
import type { GrantCase } from '../entities/grant-case.entity';
import type { BudgetSummary } from './budget';

/** What a case's answer shows of its budget lines and de minimis declarations. */
export type BudgetLineOfCase = Pick<
  BudgetLine,
  'kind' | 'code' | 'label' | 'year' | 'amount' | 'financingForm' | 'costType' | 'dated'
>;
export type DeclarationOfCase = Pick<
  DeMinimisDeclaration,
  'grantor' | 'grantedOn' | 'amount' | 'currency' | 'regulation' | 'recipient'
>;

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
  @ApiProperty({ type: Number, nullable: true, description: 'andel av bokförda kostnader, baspunkter' })
  askedShareBp: number | null;
}

export class BudgetLineDto {
  @ApiProperty({ enum: ['cost', 'financing', 'in_kind'] }) kind: string;
  @ApiProperty() code: string;
  @ApiProperty({ type: String, nullable: true }) label: string | null;
  @ApiProperty({ type: Number, nullable: true }) year: number | null;
  @ApiProperty() amount: number;
  @ApiPropertyOptional({ type: String, nullable: true }) financingForm: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) costType: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) dated: string | null;
}

export class DeMinimisResponseDto {
  @ApiProperty() grantor: string;
  @ApiProperty() grantedOn: string;
  @ApiProperty() amount: number;
  @ApiProperty() currency: string;
  @ApiProperty({ type: String, nullable: true }) regulation: string | null;
  @ApiProperty({ type: String, nullable: true }) recipient: string | null;
}

/** A person as others see them: the user directory's display name and title, never just an id. */
export class PersonDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'Anna Handläggare' }) displayName: string;
  @ApiProperty({ type: String, nullable: true, example: 'Handläggare' }) title: string | null;
}

export class EvaluationSummaryDto {
  @ApiProperty({ enum: ['eligible', 'eligible_with_remarks', 'not_eligible'] }) outcome: string;
  @ApiProperty({ description: 'bedömningens högsta belopp, kronor' }) maxGrant: number;
  @ApiProperty() evaluatedAt: string;
}

export class DecisionSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['utkast', 'signerat'] }) status: string;
  @ApiProperty({ enum: ['bifall', 'delvis_bifall', 'avslag'] }) outcome: string;
  @ApiProperty({ type: Number, nullable: true }) amount: number | null;
  @ApiProperty({
    type: String,
    enum: ['queued', 'rendering', 'done', 'failed'],
    nullable: true,
    description: 'beslutsbrevets status; null innan beslutet är signerat',
  })
  letterStatus: string | null;
}

export class CompletionRequestDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'Bifoga offert på maskinen' }) reason: string;
  @ApiProperty() requestedAt: string;
  @ApiProperty({ type: PersonDto, nullable: true }) requestedBy: PersonDto | null;
  @ApiProperty({ example: '2020-02-14', description: 'svara senast (kalenderdatum)' }) dueDate: string;
  @ApiProperty({ type: String, nullable: true }) answeredAt: string | null;
  @ApiProperty({ description: 'obesvarad och förfallodagen har passerat' }) overdue: boolean;
}

export class ServiceAreaAttestationViewDto {
  @ApiProperty() eligible: boolean;
  @ApiProperty({ type: String, nullable: true }) area: string | null;
  @ApiProperty() reason: string;
  @ApiProperty() attestedBy: string;
}

export class CaseSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) diarienummer: string | null;
  @ApiProperty({ type: String, nullable: true }) nypsId: string | null;
  @ApiProperty({ enum: ['projekt', 'foretagsstod'] }) track: string;
  @ApiProperty() status: string;
  @ApiProperty() title: string;
  @ApiProperty() organisationId: string;
  @ApiProperty({ type: String, nullable: true }) organisationName: string | null;
  @ApiProperty({ type: String, nullable: true }) kommunCode: string | null;
  @ApiProperty({ type: String, nullable: true }) aidForm: string | null;
  @ApiProperty({ type: String, nullable: true }) aidSubform: string | null;
  @ApiProperty({ type: Number, nullable: true }) amountApplied: number | null;
  @ApiProperty({ type: String, nullable: true }) registrationDate: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'när ansökan kom in' }) receivedAt: string | null;
  @ApiProperty({ type: PersonDto, nullable: true, description: 'handläggaren som ärendet är tilldelat' })
  assignedTo: PersonDto | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'dagar sedan ansökan kom in' })
  ageDays?: number | null;
  @ApiPropertyOptional({ type: EvaluationSummaryDto, nullable: true })
  evaluation?: EvaluationSummaryDto | null;
  @ApiPropertyOptional({ type: DecisionSummaryDto, nullable: true, description: 'det senaste beslutet' })
  decision?: DecisionSummaryDto | null;
  @ApiPropertyOptional({ type: CompletionRequestDto, nullable: true })
  openCompletionRequest?: CompletionRequestDto | null;

  static from(
    c: GrantCase,
    amountApplied: number | null,
    assignedTo: PersonDto | null = null,
  ): CaseSummaryDto {
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
      receivedAt: c.receivedAt?.toISOString() ?? null,
      assignedTo,
    };
  }
}

export class CaseDto extends CaseSummaryDto {
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, nullable: true }) periodStart: string | null;
  @ApiProperty({ type: String, nullable: true }) periodEnd: string | null;
  @ApiProperty() forstudie: boolean;
  @ApiProperty() euCofinancing: boolean;
  @ApiProperty() buildsOnEarlier: boolean;
  @ApiProperty({ type: [String] }) rusAreas: string[];
  @ApiProperty({ type: [String] }) effektmal: string[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) sections: Record<
    string,
    string | undefined
  >;
  @ApiProperty({ type: String, nullable: true }) plannedStart: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) collectiveAgreement: boolean | null;
  @ApiProperty({ type: [String] }) priorityClaims: string[];
  @ApiProperty({ type: String, nullable: true }) secrecyMarking: string | null;
  @ApiProperty({ type: StateAidFactsDto, nullable: true })
  stateAidFacts: Record<string, unknown> | null;
  @ApiProperty({ type: HomeDeliveryDto, nullable: true })
  homeDelivery: Record<string, unknown> | null;
  @ApiProperty({ type: ServiceAreaAttestationViewDto, nullable: true })
  serviceAreaAttestation: Record<string, unknown> | null;
  @ApiProperty({ type: ProjectStateAidDto, nullable: true })
  stateAidAssessment: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) euBasis: string | null;
  @ApiProperty({ type: [BudgetLineDto] }) budgetLines: BudgetLineDto[];
  @ApiProperty({ type: BudgetSummaryDto }) budgetSummary: BudgetSummaryDto;
  @ApiProperty({ type: [DeMinimisResponseDto] }) deMinimis: DeMinimisResponseDto[];
  @ApiProperty({ type: [CompletionRequestDto], description: 'begärda kompletteringar, äldst först' })
  completionRequests: CompletionRequestDto[];
  @ApiProperty() version: number;

  static full(
    c: GrantCase,
    lines: BudgetLineOfCase[],
    dm: DeclarationOfCase[],
    summary: BudgetSummary,
    extra: {
      assignedTo: PersonDto | null;
      completionRequests: CompletionRequestDto[];
    } = { assignedTo: null, completionRequests: [] },
  ): CaseDto {
    const amountApplied = c.track === 'projekt' ? summary.askedOfRegion : c.amountApplied;
    // Object.assign, not a spread followed by the fields: on Node 20 each field added after a spread in an
    // object literal is a slow definition (the literal took 50 µs, most of the mapping of a case).
    return Object.assign(CaseSummaryDto.from(c, amountApplied, extra.assignedTo), {
      completionRequests: extra.completionRequests,
      openCompletionRequest: extra.completionRequests.find((r) => r.answeredAt === null) ?? null,
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
    });
  }
}

export class HistoryEntryDto {
  @ApiProperty() id: string;
  @ApiProperty() at: string;
  @ApiProperty({ description: 'användarnamn, eller "system"' }) actor: string;
  @ApiPropertyOptional({ type: PersonDto, nullable: true, description: 'vem, ur användarkatalogen' })
  actorPerson?: PersonDto | null;
  @ApiProperty() action: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) before: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) after: unknown;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

export class SubmissionCheckDto {
  @ApiProperty({ description: 'inga problem: ansökan kan skickas in' }) ready: boolean;
  @ApiProperty({ type: [ErrorDetailDto], description: 'alla problem på en gång, med fältet namngivet' })
  problems: ErrorDetailDto[];
}
