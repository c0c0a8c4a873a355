/**
 * What stands on the pages around the running text: the first page's letterhead and addressee, and on
 * every page the secrecy marking, the continuation header and the footer with the page number ("page 1 of 2").
 */
import type { LetterModel } from './letter-model';
import { body, bold, CONTENT_WIDTH, type Doc, LEFT, PAGE, place, placeRight, SIZE } from './style';
import { asArtifact, withRole } from './tagging';

const RIGHT = PAGE.width - PAGE.margins.right;
const COLUMN_DATE = LEFT + 250;
const COLUMN_REFERENCE = LEFT + 340;
const ADDRESSEE_TOP = 120;
const TITLE_TOP = 175;
const GREY = '#555555';

function label(doc: Doc, text: string, x: number, y: number): void {
  body(doc, SIZE.small).fillColor(GREY);
  place(doc, text, x, y);
}

function contactLine(model: LetterModel): string | null {
  const { phone, email } = model.region.handlaggare;
  const parts: string[] = [];
  if (phone) parts.push(`${model.labels.phone} ${phone}`);
  if (email) parts.push(`${model.labels.email} ${email}`);
  return parts.length > 0 ? parts.join(', ') : null;
}

function officerBlock(doc: Doc, model: LetterModel): void {
  const { labels, region } = model;
  label(doc, labels.organAndOfficer, LEFT, 84);
  label(doc, labels.date, COLUMN_DATE, 84);
  label(doc, labels.reference, COLUMN_REFERENCE, 84);
  body(doc);
  doc.text(`${region.organ}, ${region.handlaggare.name}`, LEFT, 95, { width: COLUMN_DATE - LEFT - 10 });
  const contact = contactLine(model);
  if (contact) {
    body(doc, SIZE.small + 0.5);
    doc.text(contact, LEFT, doc.y + 1, { width: COLUMN_DATE - LEFT - 10 });
  }
  body(doc);
  place(doc, model.date, COLUMN_DATE, 95);
  place(doc, model.reference, COLUMN_REFERENCE, 95);
}

function addresseeBlock(doc: Doc, model: LetterModel): number {
  body(doc);
  const lines = [model.addressee.name, ...model.addressee.addressLines].join('\n');
  doc.text(lines, COLUMN_DATE, ADDRESSEE_TOP, { width: RIGHT - COLUMN_DATE, lineGap: 1 });
  return doc.y;
}

/** The first page down to the title; leaves the flow under the title. */
export function drawLetterhead(doc: Doc, model: LetterModel): void {
  bold(doc, 15);
  place(doc, model.region.name, LEFT, 40);
  officerBlock(doc, model);
  const below = addresseeBlock(doc, model);
  bold(doc, SIZE.title);
  withRole(doc, 'H1', () =>
    doc.text(model.title, LEFT, Math.max(TITLE_TOP, below + 26), { width: CONTENT_WIDTH }),
  );
  doc.moveDown(0.5);
}

function continuationHeader(doc: Doc, model: LetterModel): void {
  bold(doc, SIZE.body);
  place(doc, model.region.name, LEFT, 34);
  body(doc, SIZE.small + 0.5);
  placeRight(
    doc,
    `${model.labels.date} ${model.date}   ${model.labels.reference} ${model.reference}`,
    RIGHT,
    36,
  );
}

function footer(doc: Doc, model: LetterModel, page: number, pages: number): void {
  const top = PAGE.height - 44;
  doc
    .moveTo(LEFT, top - 6)
    .lineTo(RIGHT, top - 6)
    .lineWidth(0.5)
    .strokeColor(GREY)
    .stroke();
  body(doc, SIZE.small).fillColor(GREY);
  model.region.postalAddress.forEach((line, i) => place(doc, line, LEFT, top + i * 8.5));
  const contact = [model.region.web, model.region.email].filter((v): v is string => Boolean(v));
  contact.forEach((line, i) => place(doc, line, COLUMN_DATE - 60, top + i * 8.5));
  const text = model.labels.page.replace('{page}', String(page)).replace('{pages}', String(pages));
  placeRight(doc, text, RIGHT, top);
}

/** Draws, once the text has been laid out and the page count is known, what every page carries. */
export function drawPageFurniture(doc: Doc, model: LetterModel): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // drawing in the margin must not open a new page
    asArtifact(doc, () => {
      if (i > start) continuationHeader(doc, model);
      footer(doc, model, i - start + 1, count);
    });
    // The secrecy marking is part of the letter's content, read out on every page.
    if (model.secrecy) {
      bold(doc, SIZE.small + 1);
      placeRight(doc, model.secrecy, RIGHT, 22);
    }
    if (model.draftMarking) {
      bold(doc, SIZE.small + 1);
      place(doc, model.draftMarking, LEFT, 22);
    }
    doc.page.margins.bottom = bottom;
  }
}
