import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import type { OrganisationLink, UndertakingRelation } from '../entities/organisation-link.entity';

export const RELATIONS: UndertakingRelation[] = [
  'majority_votes',
  'board_majority',
  'dominant_influence',
  'voting_agreement',
];

export class OrganisationLinkInputDto {
  @ApiProperty({ example: '556000-0001', description: 'det andra företagets organisationsnummer' })
  @IsString()
  @MaxLength(20)
  organisationsnummer: string;
  @ApiProperty({ example: 'Moderbolaget AB' }) @IsString() @MinLength(1) @MaxLength(300) name: string;
  @ApiProperty({
    enum: RELATIONS,
    description:
      'artikel 2.2 i 1407/2013 och 2023/2831: majoritet av rösterna, rätt att utse eller avsätta majoriteten av styrelsen, ' +
      'bestämmande inflytande genom avtal eller bolagsordning, kontroll över rösterna genom avtal med andra delägare',
  })
  @IsIn(RELATIONS)
  relation: UndertakingRelation;
}

export class SetOrganisationLinksDto {
  @ApiProperty({ type: [OrganisationLinkInputDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => OrganisationLinkInputDto)
  links: OrganisationLinkInputDto[];
}

export class OrganisationLinkDto {
  @ApiProperty() organisationsnummer: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: RELATIONS }) relation: string;
  @ApiProperty({ description: 'hur länken registrerades: av organisationen själv eller av den länkade' })
  direction: 'egen' | 'omvand';
  @ApiProperty() registeredHere: boolean;

  static from(l: OrganisationLink, registeredHere: boolean): OrganisationLinkDto {
    return {
      organisationsnummer: l.linkedOrganisationsnummer,
      name: l.linkedName,
      relation: l.relation,
      direction: 'egen',
      registeredHere,
    };
  }
}
