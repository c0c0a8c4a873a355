import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CodeNameDto, EffektmalDto, RusAreaDto } from '@anslag/cases';

export class FrameStatusLineDto {
  @ApiProperty({ enum: ['frame', 'aid_form'] }) scope: 'frame' | 'aid_form';
  @ApiProperty() code: string;
  @ApiProperty() frame: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['indikativ', 'hogst'] }) binding: string;
  @ApiProperty() indicative: number;
  @ApiProperty() granted: number;
  @ApiProperty() proposed: number;
  @ApiProperty() left: number;
  @ApiProperty() overdrawn: boolean;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty() ref: string;
}

export class FrameStatusDto {
  @ApiProperty({ type: [FrameStatusLineDto] }) lines: FrameStatusLineDto[];
  @ApiProperty() overdrawn: boolean;
  @ApiProperty({ type: [String] }) reasons: string[];
}

export class FramesInForceDto extends FrameStatusDto {
  @ApiProperty({ description: 'inriktningsbeslutets titel' }) inriktningsbeslut: string;
  @ApiProperty({ description: 'året som ramarna gäller', example: 2019 }) year: number;
}

export class WhatIfViewDto {
  @ApiProperty({ enum: ['eligible', 'eligible_with_remarks', 'not_eligible'] }) outcome: string;
  @ApiProperty() maxGrant: number;
  @ApiProperty({ type: String, nullable: true }) rank: string | null;
  @ApiProperty({
    type: [String],
    enum: ['andel', 'per_beslut', 'per_foretag', 'de_minimis', 'ansokt'],
    description: 'termerna som sätter högsta beloppet',
  })
  limitedBy: string[];
}

export class WhatIfRowDto {
  @ApiProperty() caseId: string;
  @ApiProperty({ type: String, nullable: true }) diarienummer: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) organisationName: string | null;
  @ApiProperty({ enum: ['projekt', 'foretagsstod'] }) track: string;
  @ApiProperty({ type: String, nullable: true }) aidForm: string | null;
  @ApiProperty({ description: 'sökt belopp, kronor' }) amountApplied: number;
  @ApiProperty({ type: WhatIfViewDto, nullable: true, description: 'enligt beslutet i kraft' })
  current: WhatIfViewDto | null;
  @ApiProperty({ type: WhatIfViewDto, description: 'enligt utkastet' }) draft: WhatIfViewDto;
  @ApiProperty() changed: boolean;
  @ApiProperty({
    type: [String],
    description:
      "vad som ändras: 'outcome', 'rank', 'maxGrant' och de beloppstermer ('andel', 'per_beslut', 'per_foretag', 'de_minimis', 'ansokt') vars belopp ändras",
  })
  changedTerms: string[];
}

export class WhatIfFramesDto {
  @ApiProperty({ type: FrameStatusDto }) status: FrameStatusDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'öppna ärendens högsta belopp per ram',
  })
  openMaxByFrame: Record<string, number>;
}

export class WhatIfFramesPairDto {
  @ApiProperty({ type: WhatIfFramesDto, nullable: true }) current: WhatIfFramesDto | null;
  @ApiProperty({ type: WhatIfFramesDto }) draft: WhatIfFramesDto;
}

export class WhatIfUnchangedPageDto {
  @ApiProperty({ type: [WhatIfRowDto] }) items: WhatIfRowDto[];
  @ApiProperty({ description: 'antal öppna ärenden som utkastet inte ändrar' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class WhatIfResultDto {
  @ApiProperty() openCases: number;
  @ApiProperty() changedCases: number;
  @ApiProperty({ type: [WhatIfRowDto], description: 'alla ärenden som utkastet ändrar' })
  cases: WhatIfRowDto[];
  @ApiProperty({
    type: WhatIfUnchangedPageDto,
    description: 'en sida av de ärenden som utkastet inte ändrar (page, pageSize i frågan)',
  })
  unchanged: WhatIfUnchangedPageDto;
  @ApiProperty({ type: WhatIfFramesPairDto }) frames: WhatIfFramesPairDto;
}

export class RusCatalogueDto {
  @ApiProperty({ example: 'RUS 2018–2030' }) id: string;
  @ApiProperty() title: string;
  @ApiPropertyOptional() version?: string;
  @ApiProperty() validFrom: string;
  @ApiProperty({ type: String, nullable: true }) validTo: string | null;
  @ApiProperty({ type: [CodeNameDto] }) overallGoals: CodeNameDto[];
  @ApiProperty({ type: [EffektmalDto] }) effektmal: EffektmalDto[];
  @ApiProperty({ type: [RusAreaDto] }) areas: RusAreaDto[];
}
