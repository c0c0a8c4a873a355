import { Module } from '@nestjs/common';
import { CasesModule } from '@anslag/cases';
import { AssessmentController } from './assessment/assessment.controller';
import { AssessmentService } from './assessment/assessment.service';
import { CurrentEvaluations } from './assessment/current-evaluations';
import { EvaluationInputService } from './assessment/evaluation-input.service';
import { FramesService } from './assessment/frames.service';
import { WhatIfService } from './assessment/what-if.service';
import { PolicyService } from './inriktningsbeslut/policy.service';
import { PolicyController } from './policy.controller';
import { ExchangeRatesController } from './exchange-rates/exchange-rates.controller';
import { ExchangeRatesService } from './exchange-rates/exchange-rates.service';

@Module({
  imports: [CasesModule],
  controllers: [PolicyController, AssessmentController, ExchangeRatesController],
  providers: [
    AssessmentService,
    CurrentEvaluations,
    EvaluationInputService,
    ExchangeRatesService,
    FramesService,
    PolicyService,
    WhatIfService,
  ],
  exports: [AssessmentService, EvaluationInputService, ExchangeRatesService, FramesService, PolicyService],
})
export class PolicyModule {}
