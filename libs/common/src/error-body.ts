import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDetailDto {
  @ApiProperty({ example: 'organisationsnummer' }) field: string;
  @ApiProperty({ example: 'ogiltig kontrollsiffra' }) problem: string;
  @ApiPropertyOptional({
    type: [String],
    description: 'för en okänd kod: de koder som katalogen tillåter',
    example: ['machinery', 'equipment'],
  })
  allowed?: string[];
}

/** The one shape of every 4xx and 5xx answer. */
export class ErrorBodyDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'VALIDATION_FAILED' }) code: string;
  @ApiProperty({ example: 'Ogiltiga uppgifter i begäran' }) message: string;
  @ApiProperty({ type: [ErrorDetailDto] }) details: ErrorDetailDto[];
  @ApiProperty({ example: 'b7e1c0de-…' }) requestId: string;
}
