export { PolicyModule } from './policy.module';
export { PolicyService, type RulesInForce } from './inriktningsbeslut/policy.service';
export { AssessmentService } from './assessment/assessment.service';
export { EvaluationInputService } from './assessment/evaluation-input.service';
export { FramesService } from './assessment/frames.service';
export { CaseEvaluation } from './entities/case-evaluation.entity';
export { Inriktningsbeslut } from './entities/inriktningsbeslut.entity';
export { RusCatalogueRow } from './entities/rus-catalogue.entity';
