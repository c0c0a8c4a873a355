import { ApiProperty } from '@nestjs/swagger';

export class UndeliveredDecisionDto {
  @ApiProperty() decisionId: string;
  @ApiProperty() caseId: string;
  @ApiProperty({ type: String, nullable: true }) diarienummer: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) organisationName: string | null;
  @ApiProperty({ type: String, nullable: true }) aidForm: string | null;
  @ApiProperty({ enum: ['bifall', 'delvis_bifall', 'avslag'] }) outcome: string;
  @ApiProperty({ type: Number, nullable: true }) amount: number | null;
  @ApiProperty() decisionDate: string;
  @ApiProperty({ type: String, nullable: true }) signedByName: string | null;
}

export class LastPresentationDto {
  @ApiProperty() periodTo: string;
  @ApiProperty() meetingDate: string;
  @ApiProperty() paragraph: string;
}

export class UndeliveredPointDto {
  @ApiProperty({ example: '3.3' }) point: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({
    type: LastPresentationDto,
    nullable: true,
    description: 'den senaste redovisningen som omfattade punkten',
  })
  lastPresentation: LastPresentationDto | null;
  @ApiProperty() count: number;
  @ApiProperty({ description: 'beviljat belopp, kronor' }) granted: number;
  @ApiProperty({ type: [UndeliveredDecisionDto] }) decisions: UndeliveredDecisionDto[];
}

export class UndeliveredDto {
  @ApiProperty({ type: [UndeliveredPointDto] }) points: UndeliveredPointDto[];
}
