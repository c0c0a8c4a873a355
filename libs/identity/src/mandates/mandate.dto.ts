import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { Mandate, MandateKind, MandateStatus } from '../entities/mandate.entity';

export class InviteDto {
  @ApiProperty({ example: '19811218-9876', description: 'Den inbjudnas personnummer' })
  @IsString()
  @MaxLength(20)
  personnummer: string;

  @ApiPropertyOptional({ enum: ['ombud', 'firmatecknare'], description: 'Sökande ger bara ombud' })
  @IsOptional()
  @IsIn(['ombud', 'firmatecknare'])
  kind?: 'ombud' | 'firmatecknare';

  @ApiPropertyOptional({ example: '2027-12-31', description: 'Sista giltighetsdag; utelämnas: tills vidare' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'datum ska skrivas ÅÅÅÅ-MM-DD' })
  validUntil?: string;
}

export class AccessRequestDto {
  @ApiProperty({ example: '556016-0680' }) @IsString() @MaxLength(20) organisationsnummer: string;
}

export class GrantDto {
  @ApiPropertyOptional({ enum: ['ombud', 'firmatecknare'], description: 'Handläggare kan ge firmatecknare' })
  @IsOptional()
  @IsIn(['ombud', 'firmatecknare'])
  kind?: 'ombud' | 'firmatecknare';
}

export class ReasonDto {
  @ApiProperty({ description: 'Varför' }) @IsString() @MinLength(1) @MaxLength(1000) reason: string;
}

export class VerifyDto {
  @ApiProperty({ description: 'Vad behörigheten prövades mot, t.ex. registreringsbeviset i bilaga' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  note: string;
}

export class MandateDto {
  @ApiProperty() id: string;
  @ApiProperty() organisationId: string;
  @ApiProperty({ type: String, nullable: true }) organisationName: string | null;
  @ApiProperty({ description: 'Personnummer, de fyra sista siffrorna dolda' }) personnummer: string;
  @ApiProperty({ type: String, nullable: true }) personName: string | null;
  @ApiProperty({ enum: ['firmatecknare', 'ombud', 'enskild_naringsidkare'] }) kind: MandateKind;
  @ApiProperty({ enum: ['begard', 'overifierad', 'giltig', 'aterkallad', 'avslagen'] }) status: MandateStatus;
  @ApiProperty({ type: String, nullable: true }) grantedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) grantedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) validUntil: string | null;
  @ApiProperty({ type: String, nullable: true }) verifiedAt: string | null;

  static from(m: Mandate, org: string | null, person: string | null): MandateDto {
    return {
      id: m.id,
      organisationId: m.organisationId,
      organisationName: org,
      personnummer: `${m.personnummer.slice(0, 8)}-****`,
      personName: person,
      kind: m.kind,
      status: m.status,
      grantedBy: m.grantedByName,
      grantedAt: m.grantedAt?.toISOString() ?? null,
      validUntil: m.validUntil,
      verifiedAt: m.verifiedAt?.toISOString() ?? null,
    };
  }
}
