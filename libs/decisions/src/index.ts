export { DecisionsModule } from './decisions.module';
export {
  Decision,
  type DecisionOutcome,
  type DecisionSnapshot,
  type FinancingSource,
} from './entities/decision.entity';
export { DelegationPoint } from './entities/delegation-point.entity';
export { DeMinimisLedgerEntry } from './entities/de-minimis-ledger.entity';
export { ConflictOfInterest } from './entities/conflict-of-interest.entity';
export { ReportPresentation } from './entities/report-presentation.entity';
export { ReportPresentationFile } from './entities/report-presentation-file.entity';
export { OutboxRow } from './entities/outbox.entity';
