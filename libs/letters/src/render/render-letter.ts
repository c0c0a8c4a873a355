/**
 * Renders a decision letter to PDF: pure (a model in, bytes out), the same bytes for the same model.
 * The parts come in the order of the region's real letters: letterhead, title, the application,
 * Beslutet and conditions, Sammanfattning, Skäl till beslut, Beskrivning av ärendet, the budget,
 * the signatures, and how to appeal.
 */
import PDFDocument from 'pdfkit';
import { drawAppeal, drawSignatures } from './closing';
import { drawBudget } from './budget-table';
import { drawApplication, drawDecision } from './decision';
import { FONT_BOLD, FONT_REGULAR, letterFonts } from './fonts';
import { drawLetterhead, drawPageFurniture } from './header';
import type { LetterModel } from './letter-model';
import { blocks, type Doc, heading, PAGE, SIZE } from './style';
import { letterDate, validateLetterModel } from './validate';

function createDocument(model: LetterModel): Doc {
  const fonts = letterFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { ...PAGE.margins },
    bufferPages: true,
    font: '', // no default Helvetica: only the embedded faces end up in the file
    info: {
      Title: model.title,
      Author: model.region.name,
      Subject: model.reference,
      CreationDate: letterDate(model.date),
    },
  });
  doc.registerFont(FONT_REGULAR, fonts.regular);
  doc.registerFont(FONT_BOLD, fonts.bold);
  return doc;
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function drawSections(doc: Doc, model: LetterModel): void {
  const { labels } = model;
  if (model.summary.length > 0) heading(doc, labels.summary);
  blocks(doc, model.summary);
  if (model.reasons.length > 0) heading(doc, labels.reasons);
  blocks(doc, model.reasons);
  if (model.description.length > 0 || model.budget) heading(doc, labels.description);
  for (const sub of model.description) {
    heading(doc, sub.heading, SIZE.subheading);
    blocks(doc, sub.blocks);
  }
  if (!model.budget) return;
  heading(doc, labels.budget, SIZE.subheading);
  drawBudget(doc, model.budget, labels.total);
}

function drawLetter(doc: Doc, model: LetterModel): void {
  drawLetterhead(doc, model);
  drawApplication(doc, model);
  drawDecision(doc, model);
  drawSections(doc, model);
  drawSignatures(doc, model.signatures);
  drawAppeal(doc, model);
  drawPageFurniture(doc, model);
}

export async function renderLetter(model: LetterModel): Promise<Buffer> {
  validateLetterModel(model);
  const doc = createDocument(model);
  const bytes = collect(doc);
  try {
    drawLetter(doc, model);
  } finally {
    doc.end();
  }
  return bytes;
}
