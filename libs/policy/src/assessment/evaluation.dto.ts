import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FrameStatusDto } from './what-if.dto';

export class CheckDto {
  @ApiProperty({ example: 'geography' }) rule: string;
  @ApiProperty() passed: boolean;
  @ApiProperty({ enum: ['info', 'remark', 'refusal'] }) severity: string;
  @ApiProperty({ description: 'skälet, på svenska' }) reason: string;
  @ApiProperty() ref: string;
}

export class GrantTermDto {
  @ApiProperty({ enum: ['andel', 'per_beslut', 'per_foretag', 'de_minimis', 'ansokt'] }) term: string;
  @ApiProperty() amount: number;
  @ApiProperty() reason: string;
  @ApiProperty() ref: string;
}

export class MaxGrantDto {
  @ApiProperty() amount: number;
  @ApiProperty({ type: [GrantTermDto] }) terms: GrantTermDto[];
  @ApiProperty({ type: [String] }) limitedBy: string[];
}

export class CriterionMetDto {
  @ApiProperty() code: string;
  @ApiProperty() text: string;
  @ApiProperty() ref: string;
}

/** The priority: a project's rank, or the firm criteria met (by `track`). */
export class PriorityDto {
  @ApiProperty({ enum: ['projekt', 'foretagsstod'] }) track: string;
  @ApiPropertyOptional({ description: 'projekt: rangordning (1, 2a, 2b, 3, forstudie, none)' }) rank?: string;
  @ApiPropertyOptional() text?: string;
  @ApiPropertyOptional() statement?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) ref?: string | null;
  @ApiPropertyOptional({ type: [String] }) alsoMatches?: string[];
  @ApiPropertyOptional({ type: [CriterionMetDto], description: 'företagsstöd: uppfyllda kriterier' })
  criteria?: CriterionMetDto[];
}

export class DeMinimisStatusDto {
  @ApiProperty() regime: string;
  @ApiProperty() ceilingEur: number;
  @ApiProperty() windowFrom: string;
  @ApiProperty() windowTo: string;
  @ApiProperty() usedEur: number;
  @ApiProperty() roomEur: number;
  @ApiProperty() orePerEur: number;
  @ApiProperty() roomSek: number;
}

export class EvaluationLegalBasisDto {
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['national', 'eu'] }) kind: string;
  @ApiPropertyOptional({ enum: ['de_minimis', 'gber', 'none'] }) route?: string;
  @ApiPropertyOptional() article?: string;
  @ApiPropertyOptional() maxShareBp?: number;
  @ApiPropertyOptional() maxShareBpMedium?: number;
  @ApiProperty({ type: String, nullable: true }) validFrom: string | null;
  @ApiProperty({ type: String, nullable: true }) validTo: string | null;
  @ApiPropertyOptional() note?: string;
}

export class EvaluationDto {
  @ApiProperty() ruleSetId: string;
  @ApiProperty({ type: String, nullable: true }) rusId: string | null;
  @ApiProperty({ enum: ['projekt', 'foretagsstod'] }) track: string;
  @ApiProperty({ enum: ['eligible', 'eligible_with_remarks', 'not_eligible'] }) outcome: string;
  @ApiProperty({ type: [CheckDto] }) checks: CheckDto[];
  @ApiProperty({ type: PriorityDto }) priority: PriorityDto;
  @ApiProperty({ type: MaxGrantDto }) maxGrant: MaxGrantDto;
  @ApiProperty({ type: [EvaluationLegalBasisDto] }) legalBasis: EvaluationLegalBasisDto[];
  @ApiProperty() appealable: boolean;
  @ApiProperty() eligibleCosts: number;
  @ApiProperty({ type: DeMinimisStatusDto, nullable: true }) deMinimis: DeMinimisStatusDto | null;
}

export class StoredEvaluationDto {
  @ApiProperty() id: string;
  @ApiProperty() caseId: string;
  @ApiProperty() inriktningsbeslutId: string;
  @ApiProperty() evaluatedAt: string;
  @ApiProperty() evaluatedBy: string;
  @ApiProperty({ type: EvaluationDto }) evaluation: EvaluationDto;
  @ApiProperty({ type: FrameStatusDto, nullable: true, description: 'ramarna med detta ärende föreslaget' })
  frames: FrameStatusDto | null;
}
