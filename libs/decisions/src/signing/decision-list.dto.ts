import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PersonDto } from '@anslag/cases';
import { PageQueryDto } from '@anslag/common';

export class DecisionListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['utkast', 'signerat'], default: 'utkast' })
  @IsOptional()
  @IsIn(['utkast', 'signerat'])
  status?: 'utkast' | 'signerat';

  @ApiPropertyOptional({ description: 'bara beslut som den inloggade får signera nu' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  signableByMe?: boolean;
}

export class DecisionListItemDto {
  @ApiProperty() id: string;
  @ApiProperty() caseId: string;
  @ApiProperty({ type: String, nullable: true }) diarienummer: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) organisationName: string | null;
  @ApiProperty({ enum: ['projekt', 'foretagsstod'] }) track: string;
  @ApiProperty({ enum: ['beslut', 'andringsbeslut'] }) kind: string;
  @ApiProperty({ enum: ['utkast', 'signerat'] }) status: string;
  @ApiProperty({ enum: ['bifall', 'delvis_bifall', 'avslag'] }) outcome: string;
  @ApiProperty({ type: Number, nullable: true, description: 'belopp, kronor (projekt: taket)' })
  amount: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'projekt: andel i baspunkter' }) shareBp:
    number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'bedömningens högsta belopp' }) evaluatedMax:
    number | null;
  @ApiProperty({ description: 'beloppet är högre än bedömningens högsta: signering kräver skäl' })
  aboveEvaluatedMax: boolean;
  @ApiProperty({ type: String, nullable: true }) aidForm: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'delegationspunkten som omfattar beslutet (signerat: den som användes)',
  })
  delegationPoint: string | null;
  @ApiProperty() decidedByNamnd: boolean;
  @ApiProperty({ type: [String], description: 'ramar som beslutet skulle överskrida (indikativa)' })
  frameWarnings: string[];
  @ApiProperty({ type: [PersonDto], description: 'de som anmält jäv i ärendet' }) jav: PersonDto[];
  @ApiProperty({ type: PersonDto, nullable: true }) draftedBy: PersonDto | null;
  @ApiProperty({ type: PersonDto, nullable: true }) signedBy: PersonDto | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'när utkastet skickades tillbaka till handläggaren',
  })
  returnedAt: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'beslutsfattarens kommentar när det skickades tillbaka',
  })
  returnComment: string | null;
  @ApiProperty() decisionDate: string;
  @ApiProperty({ description: 'den inloggade får signera beslutet nu' }) signableByMe: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'varför den inloggade inte får signera' })
  notSignableReason: string | null;
}

export class DecisionPageDto {
  @ApiProperty({ type: [DecisionListItemDto] }) items: DecisionListItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
