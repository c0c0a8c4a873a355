export * from './letter-model';
export { renderLetter } from './render-letter';
export { LetterModelError } from './validate';
export { extractPdfText } from './extract-text';
