import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class ExchangeRateInputDto {
  @ApiProperty({ example: '2024-05', description: 'månaden kursen gäller (ÅÅÅÅ-MM)' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'månad anges ÅÅÅÅ-MM' })
  month: string;
  @ApiProperty({ example: 1143, description: 'öre per euro (11,43 kr = 1143)' })
  @IsInt({ message: 'kursen anges i hela öre per euro' })
  @Min(1)
  @Max(100_000)
  orePerEur: number;
  @ApiProperty({ example: 'InforEuro, Europeiska kommissionen' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  source: string;
}

export class LoadExchangeRatesDto {
  @ApiProperty({ type: [ExchangeRateInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(600)
  @ValidateNested({ each: true })
  @Type(() => ExchangeRateInputDto)
  rates: ExchangeRateInputDto[];
}

export class ExchangeRateDto {
  @ApiProperty() month: string;
  @ApiProperty() orePerEur: number;
  @ApiProperty() source: string;
  @ApiProperty() loadedAt: string;
}
