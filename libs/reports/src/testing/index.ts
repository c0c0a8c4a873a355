export {
  insertSignedDecision,
  insertDelegationPoint,
  ensureAidForms,
  uniqueDiarienummer,
} from './report-factory';
export type { SignedDecisionSpec, Inserted } from './report-factory';
