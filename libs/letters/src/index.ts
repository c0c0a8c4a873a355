export { requestDecisionLetter, DECISION_LETTER_TOPIC } from './letter-outbox';
export { DecisionLetter, type LetterStatus } from './entities/decision-letter.entity';
