import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsObject, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import type { RuleSet } from '@anslag/rules';
import type { Inriktningsbeslut } from '../entities/inriktningsbeslut.entity';

/** The rule set travels as one JSON document; its shape and policy are checked by the rules library. */
export class RuleSetBodyDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Inriktningsbeslutets regler (RuleSet)',
  })
  @IsObject()
  content: RuleSet;
}

export class AdoptDto {
  @ApiProperty({ example: '2018-11-28', description: 'nämndens beslutsdatum' })
  @IsDateString({ strict: true })
  adoptedOn: string;
  @ApiProperty({ example: '§ 83' }) @IsString() @MaxLength(40) paragraph: string;
}

export class ExtendDto {
  @ApiProperty({ example: '2020-01-22' }) @IsDateString({ strict: true }) decidedOn: string;
  @ApiProperty({ example: '§ 5' }) @IsString() @MaxLength(40) paragraph: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'nytt slutdatum; null = tills vidare' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsDateString({ strict: true })
  validTo?: string | null;
}

export class InriktningsbeslutDto {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty({ enum: ['utkast', 'antaget', 'upphavt'] }) status: string;
  @ApiProperty() title: string;
  @ApiProperty() validFrom: string;
  @ApiProperty({ type: String, nullable: true }) validTo: string | null;
  @ApiProperty({ type: String, nullable: true }) adoptedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) paragraph: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) content: RuleSet;

  static from(r: Inriktningsbeslut): InriktningsbeslutDto {
    return {
      id: r.id,
      code: r.code,
      status: r.status,
      title: r.content.title,
      validFrom: r.validFrom,
      validTo: r.validTo,
      adoptedOn: r.adoptedOn,
      paragraph: r.paragraph,
      version: r.version,
      content: r.content,
    };
  }
}
