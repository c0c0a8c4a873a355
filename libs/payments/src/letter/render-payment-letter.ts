import PDFDocument from 'pdfkit';
import { asArtifact, FONT_BOLD, FONT_REGULAR, letterFonts, startTagging, withRole } from '@anslag/letters';

/**
 * A letter about money after a decision — a payment, an advance or a recovery — as plain blocks: the
 * letterhead, the addressee, a title, sections of paragraphs, tables, and the signature. PURE: the
 * model in, the PDF bytes out. Archival and accessible like the decision letters: PDF/A-2b, tagged,
 * in Swedish, with its title in the metadata.
 */
export interface PaymentLetterModel {
  region: {
    name: string;
    nameGenitive: string;
    addressLines: string[];
    office: string;
    signatureLine: string;
  };
  date: string;
  reference: string;
  addressee: { name: string; lines: string[] };
  title: string;
  sections: PaymentLetterSection[];
  signer: { name: string; title: string | null };
}

export interface PaymentLetterSection {
  heading: string;
  paragraphs: string[];
  table?: { columns: string[]; rows: string[][]; rightAligned: number[] };
}

const MARGIN = 56;

export function renderPaymentLetter(model: PaymentLetterModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN + 10, right: MARGIN },
    bufferPages: true,
    font: '',
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    lang: 'sv-SE',
    displayTitle: true,
    info: {
      Title: model.title,
      Author: model.region.name,
      Subject: model.reference,
      CreationDate: new Date(`${model.date}T12:00:00Z`),
    },
  });
  const fonts = letterFonts();
  doc.registerFont(FONT_REGULAR, fonts.regular);
  doc.registerFont(FONT_BOLD, fonts.bold);
  startTagging(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  doc.font(FONT_BOLD).fontSize(13).text(model.region.name);
  doc.font(FONT_REGULAR).fontSize(9).text(model.region.addressLines.join(', '));
  doc.moveDown(0.8);
  doc.fontSize(9).text(`${model.region.office}    Datum: ${model.date}    Beteckning: ${model.reference}`);
  doc.moveDown(1.2);
  doc.fontSize(10.5).text(model.addressee.name);
  for (const l of model.addressee.lines) doc.text(l);
  doc.moveDown(1.5);
  withRole(doc, 'H1', () => doc.font(FONT_BOLD).fontSize(15).text(model.title));
  doc.moveDown(0.6);

  for (const s of model.sections) {
    if (doc.y > doc.page.height - 160) doc.addPage();
    withRole(doc, 'H2', () => doc.font(FONT_BOLD).fontSize(11.5).text(s.heading));
    doc.moveDown(0.3);
    for (const p of s.paragraphs) {
      doc.font(FONT_REGULAR).fontSize(10.5).text(p, { width });
      doc.moveDown(0.5);
    }
    if (s.table) table(doc, s.table, width);
    doc.moveDown(0.6);
  }

  if (doc.y > doc.page.height - 140) doc.addPage();
  doc.moveDown(1);
  doc.font(FONT_REGULAR).fontSize(10.5).text(model.region.signatureLine);
  doc.moveDown(1.5);
  doc.text(model.signer.name);
  if (model.signer.title) doc.text(model.signer.title);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    asArtifact(doc, () =>
      doc
        .font(FONT_REGULAR)
        .fontSize(8)
        .text(`Sida ${i + 1} av ${range.count}`, doc.page.margins.left, doc.page.height - 36, {
          width,
          align: 'right',
        }),
    );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

function table(doc: PDFKit.PDFDocument, t: NonNullable<PaymentLetterSection['table']>, width: number): void {
  const cols = t.columns.length;
  // A two-column table gives its text column the room; otherwise columns share the width.
  const widths = cols === 2 ? [width * 0.78, width * 0.22] : Array.from({ length: cols }, () => width / cols);
  const xs = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));
  const left = doc.page.margins.left;
  const row = (cells: string[], header: boolean) => {
    if (doc.y > doc.page.height - 90) doc.addPage();
    const y = doc.y;
    let height = 0;
    cells.forEach((c, i) => {
      doc.font(header ? FONT_BOLD : FONT_REGULAR).fontSize(9);
      const opts = {
        width: widths[i] - 6,
        align: t.rightAligned.includes(i) ? ('right' as const) : ('left' as const),
      };
      height = Math.max(height, doc.heightOfString(c || ' ', opts));
      doc.text(c || ' ', left + xs[i], y, opts);
    });
    doc.x = left;
    doc.y = y + height + 3;
  };
  withRole(doc, 'P', () => {
    row(t.columns, true);
    for (const r of t.rows) row(r, false);
  });
  doc.moveDown(0.3);
}
