/**
 * Page geometry and the drawing primitives every section uses: paragraphs, headings, bullet lists.
 * All measures are PDF points (1/72 inch) on an A4 page.
 */
import { formatKronor, formatShare } from '@anslag/money';
import type { Block, Inline, RichText } from './letter-model';
import { FONT_BOLD, FONT_REGULAR } from './fonts';
import { withRole } from './tagging';

export type Doc = PDFKit.PDFDocument;

export const PAGE = {
  width: 595.28,
  height: 841.89,
  margins: { top: 58, bottom: 56, left: 58, right: 52 },
} as const;

export const LEFT = PAGE.margins.left;
export const CONTENT_WIDTH = PAGE.width - PAGE.margins.left - PAGE.margins.right;
export const BOTTOM = PAGE.height - PAGE.margins.bottom;

export const SIZE = { title: 13, heading: 11, subheading: 9.5, body: 9, table: 8.5, small: 7 } as const;
const LINE_GAP = 1;
const BULLET_INDENT = 14;
const BULLET = '•';
const SUB_BULLET = '◦';

export function inlineText(text: RichText): string {
  if (typeof text === 'string') return text;
  return text.map(inlinePart).join('');
}

function inlinePart(part: Inline): string {
  if (typeof part === 'string') return part;
  if ('kronor' in part) return formatKronor(part.kronor);
  return formatShare(part.share);
}

export function body(doc: Doc, size: number = SIZE.body): Doc {
  return doc.font(FONT_REGULAR).fontSize(size).fillColor('black');
}

export function bold(doc: Doc, size: number = SIZE.body): Doc {
  return doc.font(FONT_BOLD).fontSize(size).fillColor('black');
}

/** Starts a new page unless `height` points still fit above the bottom margin. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > BOTTOM) doc.addPage();
}

function lineHeight(doc: Doc): number {
  return doc.currentLineHeight(true) + LINE_GAP;
}

/** `keep`: the height of what must follow on the same page (the signatures after the last paragraph). */
export function paragraph(doc: Doc, text: RichText, gapAfter = 0.3, keep = 0): void {
  body(doc);
  const plain = inlineText(text);
  const own = keep > 0 ? doc.heightOfString(plain, { width: CONTENT_WIDTH, lineGap: LINE_GAP }) : 0;
  ensureSpace(doc, Math.max(lineHeight(doc), own + keep));
  doc.text(plain, LEFT, doc.y, { width: CONTENT_WIDTH, lineGap: LINE_GAP });
  doc.moveDown(gapAfter);
}

/** A heading that is kept together with at least two lines of what follows it. */
export function heading(doc: Doc, text: string, size: number = SIZE.heading): void {
  doc.moveDown(size >= SIZE.heading ? 0.4 : 0.1);
  bold(doc, size);
  const own = doc.heightOfString(text, { width: CONTENT_WIDTH });
  ensureSpace(doc, own + 3 * SIZE.body * 1.4);
  withRole(doc, size >= SIZE.heading ? 'H2' : 'H3', () =>
    doc.text(text, LEFT, doc.y, { width: CONTENT_WIDTH }),
  );
  doc.moveDown(0.1);
}

export function bulletItem(doc: Doc, text: RichText, level = 0, keep = 0): void {
  body(doc);
  const x = LEFT + level * BULLET_INDENT;
  const width = CONTENT_WIDTH - (x - LEFT) - BULLET_INDENT;
  const plain = inlineText(text);
  const own = keep > 0 ? doc.heightOfString(plain, { width, lineGap: LINE_GAP }) : 0;
  ensureSpace(doc, Math.max(lineHeight(doc), own + keep));
  const y = doc.y;
  withRole(doc, 'Lbl', () => doc.text(level === 0 ? BULLET : SUB_BULLET, x, y, { lineBreak: false }));
  doc.text(plain, x + BULLET_INDENT, y, { width, lineGap: LINE_GAP });
  doc.moveDown(0.15);
}

export function bulletList(doc: Doc, items: readonly RichText[], keep = 0): void {
  items.forEach((item, i) => bulletItem(doc, item, 0, i === items.length - 1 ? keep : 0));
  doc.moveDown(0.25);
}

/** `keep`: the height of what must stay on the page with the last block. */
export function blocks(doc: Doc, content: readonly Block[], keep = 0): void {
  content.forEach((block, i) => {
    const k = i === content.length - 1 ? keep : 0;
    if (typeof block !== 'string' && 'bullets' in block) bulletList(doc, block.bullets, k);
    else paragraph(doc, block, 0.3, k);
  });
}

/** Draws text at a fixed place without moving the flow or breaking the page. */
export function place(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  options: PDFKit.Mixins.TextOptions = {},
): void {
  doc.text(text, x, y, { lineBreak: false, ...options });
}

/** Draws text on one line that ends at `right`. */
export function placeRight(doc: Doc, text: string, right: number, y: number): void {
  doc.text(text, right - doc.widthOfString(text), y, { lineBreak: false });
}
