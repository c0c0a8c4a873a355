import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class ServiceAreaAttestationDto {
  @ApiProperty({ description: 'om verksamheten ligger i ett område med gles service (2000:284 5 §)' })
  @IsBoolean()
  eligible: boolean;
  @ApiPropertyOptional({ example: 'Ramundeboda' }) @IsOptional() @IsString() @MaxLength(200) area?: string;
  @ApiProperty({ description: 'varför; sparas i ärendets historik' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}
