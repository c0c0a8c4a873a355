/** The application line, Beslutet with its financing frame, and the conditions. */
import { formatKronor } from '@anslag/money';
import type { DecisionItem, FinancingSource, LetterModel } from './letter-model';
import {
  body,
  bulletItem,
  bulletList,
  type Doc,
  ensureSpace,
  heading,
  LEFT,
  paragraph,
  placeRight,
} from './style';

const SOURCE_INDENT = 28;
const SOURCE_AMOUNT_RIGHT = LEFT + 400;

export function drawApplication(doc: Doc, model: LetterModel): void {
  model.application.forEach((line, i) => paragraph(doc, line, i === model.application.length - 1 ? 0.4 : 0));
}

function sourceLine(doc: Doc, source: FinancingSource): void {
  body(doc);
  ensureSpace(doc, doc.currentLineHeight(true) + 2);
  const y = doc.y;
  doc.text(`◦  ${source.label}`, LEFT + SOURCE_INDENT, y, { width: SOURCE_AMOUNT_RIGHT - LEFT - 110 });
  const after = doc.y;
  placeRight(doc, formatKronor(source.amount), SOURCE_AMOUNT_RIGHT, y);
  doc.y = after + 1;
}

function decisionItem(doc: Doc, item: DecisionItem, keep: number): void {
  bulletItem(doc, item.text, 0, item.sources?.length ? 0 : keep);
  if (!item.sources || item.sources.length === 0) return;
  for (const source of item.sources) sourceLine(doc, source);
  doc.moveDown(0.3);
}

/** `keep`: the height of what must stay on the page with the last line drawn here (the signatures). */
export function drawDecision(doc: Doc, model: LetterModel, keep = 0): void {
  heading(doc, model.labels.decision);
  model.decision.forEach((item, i) =>
    decisionItem(doc, item, !model.conditions && i === model.decision.length - 1 ? keep : 0),
  );
  doc.moveDown(0.3);
  if (!model.conditions) return;
  paragraph(doc, model.conditions.intro, 0.3);
  bulletList(doc, model.conditions.items, keep);
}
