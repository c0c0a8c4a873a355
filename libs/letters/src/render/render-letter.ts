/**
 * Renders a decision letter to PDF: pure (a model in, bytes out), the same bytes for the same model.
 * The parts come in the order of the region's real letters: letterhead, title, the application,
 * Beslutet and conditions, Sammanfattning, Skäl till beslut, Beskrivning av ärendet, the budget,
 * the signatures, and how to appeal.
 */
import PDFDocument from 'pdfkit';
import { drawAppeal, drawSignatures, signaturesHeight } from './closing';
import { drawBudget } from './budget-table';
import { drawApplication, drawDecision } from './decision';
import { FONT_BOLD, FONT_REGULAR, letterFonts } from './fonts';
import { drawLetterhead, drawPageFurniture } from './header';
import type { LetterModel } from './letter-model';
import { blocks, type Doc, heading, PAGE, SIZE } from './style';
import { startTagging } from './tagging';
import { letterDate, validateLetterModel } from './validate';

function createDocument(model: LetterModel): Doc {
  const fonts = letterFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { ...PAGE.margins },
    bufferPages: true,
    font: '', // no default Helvetica: only the embedded faces end up in the file
    // Archival (PDF/A-2) and accessible: tagged, in Swedish, its title shown instead of the file name.
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    lang: 'sv-SE',
    displayTitle: true,
    info: {
      Title: model.title,
      Author: model.region.name,
      Subject: model.reference,
      CreationDate: letterDate(model.date),
    },
  });
  doc.registerFont(FONT_REGULAR, fonts.regular);
  doc.registerFont(FONT_BOLD, fonts.bold);
  startTagging(doc);
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

/**
 * The sections after Beslutet. `keep` is the height of the signature block: the last thing drawn before
 * it starts a new page unless both fit, so that the signatures never stand alone on a page.
 */
function drawSections(doc: Doc, model: LetterModel, keep: number): void {
  const { labels } = model;
  const description = model.description.filter((s) => s.blocks.length > 0 || s.heading);
  const last = model.budget
    ? 'budget'
    : description.length > 0
      ? 'description'
      : model.reasons.length > 0
        ? 'reasons'
        : 'summary';
  if (model.summary.length > 0) heading(doc, labels.summary);
  blocks(doc, model.summary, last === 'summary' ? keep : 0);
  if (model.reasons.length > 0) heading(doc, labels.reasons);
  blocks(doc, model.reasons, last === 'reasons' ? keep : 0);
  if (model.description.length > 0 || model.budget) heading(doc, labels.description);
  model.description.forEach((sub, i) => {
    heading(doc, sub.heading, SIZE.subheading);
    blocks(doc, sub.blocks, last === 'description' && i === model.description.length - 1 ? keep : 0);
  });
  if (!model.budget) return;
  heading(doc, labels.budget, SIZE.subheading);
  drawBudget(doc, model.budget, labels.total, keep);
}

function drawLetter(doc: Doc, model: LetterModel): void {
  drawLetterhead(doc, model);
  drawApplication(doc, model);
  const keep = signaturesHeight(doc, model.signatures);
  const sectionsFollow =
    model.summary.length > 0 || model.reasons.length > 0 || model.description.length > 0 || !!model.budget;
  drawDecision(doc, model, sectionsFollow ? 0 : keep);
  drawSections(doc, model, keep);
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
