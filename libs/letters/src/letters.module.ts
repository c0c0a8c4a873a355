import { Module } from '@nestjs/common';
import { CasesModule } from '@anslag/cases';
import { DecisionLettersService } from './http/decision-letters.service';
import { LettersController } from './http/letters.controller';

/** The letters' HTTP side: download, state, retry. Rendering happens in the worker. */
@Module({
  imports: [CasesModule],
  controllers: [LettersController],
  providers: [DecisionLettersService],
  exports: [DecisionLettersService],
})
export class LettersModule {}
