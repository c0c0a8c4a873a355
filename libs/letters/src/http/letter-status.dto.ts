import { ApiProperty } from '@nestjs/swagger';
import type { LetterStatus } from '../entities/decision-letter.entity';

export class LetterStatusDto {
  @ApiProperty({ enum: ['queued', 'rendering', 'done', 'failed'] }) status: LetterStatus;
  @ApiProperty({ description: 'Hur många gånger brevet har börjat skapas' }) attempts: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Senaste felet; bara för handläggare och andra tjänstepersoner',
  })
  lastError: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 av den lagrade PDF-filen' })
  sha256: string | null;
}
