export { requestDecisionLetter, DECISION_LETTER_TOPIC } from './letter-outbox';
export { DecisionLetter, type LetterStatus } from './entities/decision-letter.entity';
export { LettersModule } from './letters.module';
export { DecisionLettersService, LETTER_NOT_FAILED } from './http/decision-letters.service';
export {
  buildDecisionLetterModel,
  DecisionLetterModelBuilder,
  selectTemplate,
} from './model/decision-letter-model.builder';
export type * from './model/letter-input';
export { DecisionLetterStore } from './storage/decision-letter.store';
export { LetterDataLoader, LetterNotPossibleError, LetterNotReadyError } from './storage/letter-data.loader';
export {
  DecisionLetterJob,
  errorText,
  LetterNotOrderedError,
  isPermanentLetterError,
  type LetterJobResult,
  type LetterRenderer,
} from './storage/decision-letter.job';
export { letterFonts, FONT_BOLD, FONT_REGULAR } from './render/fonts';
export { asArtifact, startTagging, withRole } from './render/tagging';
export { extractPdfText } from './render/extract-text';
