/** The signatures and the appeal information that close the letter. */
import type { LetterModel, LetterSignatures } from './letter-model';
import { blocks, body, CONTENT_WIDTH, type Doc, ensureSpace, heading, LEFT, SIZE } from './style';

const PER_ROW = 2;
const SIGN_SPACE = 14;

function signatureRows(signatures: LetterSignatures) {
  const rows = [];
  for (let i = 0; i < signatures.signatories.length; i += PER_ROW) {
    rows.push(signatures.signatories.slice(i, i + PER_ROW));
  }
  return rows;
}

/** The height the signature block takes, with the space above it. */
export function signaturesHeight(doc: Doc, signatures: LetterSignatures): number {
  const lineHeight = SIZE.body * 1.3;
  body(doc);
  return (
    doc.currentLineHeight(true) * 0.4 +
    lineHeight +
    signatureRows(signatures).length * (SIGN_SPACE + 2 * lineHeight)
  );
}

export function drawSignatures(doc: Doc, signatures: LetterSignatures): void {
  const rows = signatureRows(signatures);
  const lineHeight = SIZE.body * 1.3;
  body(doc);
  doc.moveDown(0.4);
  ensureSpace(doc, lineHeight + rows.length * (SIGN_SPACE + 2 * lineHeight));
  doc.text(signatures.onBehalfOf, LEFT, doc.y, { width: CONTENT_WIDTH });
  const width = CONTENT_WIDTH / PER_ROW;
  for (const signatories of rows) {
    const top = doc.y + SIGN_SPACE;
    signatories.forEach((s, i) => {
      doc.text(s.name, LEFT + i * width, top, { width: width - 10 });
      doc.text(s.title, LEFT + i * width, doc.y, { width: width - 10 });
    });
    doc.y = top + 2 * lineHeight;
  }
  doc.x = LEFT;
}

export function drawAppeal(doc: Doc, model: LetterModel): void {
  if (!model.appeal || model.appeal.length === 0) return;
  doc.moveDown(1);
  heading(doc, model.labels.appeal);
  blocks(doc, model.appeal);
}
