/**
 * What every report PDF shares: A4, the letters' embedded DejaVu faces (so å, ä, ö and – render and can be
 * copied), a footer with the title, period and page number drawn as each page is added (so pages can be
 * written out as they fill, not held until the end), and a table that repeats its heading on every page.
 */
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { FONT_BOLD, FONT_REGULAR, letterFonts } from '../../../letters/src/render/fonts';
import { drained } from './streams';

export type Doc = PDFKit.PDFDocument;

export const MARGIN = { top: 42, bottom: 48, left: 40, right: 40 } as const;
const A4 = { width: 595.28, height: 841.89 };
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const BOTTOM = A4.height - MARGIN.bottom;
const CELL_PAD = 2;

export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right';
}

/** A document piped into `out`, with the footer on every page; the first page is added. */
export function reportDocument(out: Writable, title: string, footer: string, author: string): Doc {
  const fonts = letterFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { ...MARGIN },
    autoFirstPage: false,
    font: '',
    info: { Title: title, Author: author },
    // pdfkit's own cache of laid-out words grows with every distinct word (names, numbers); the shared
    // fonts carry a bounded memo instead, so a 100 000-row report stays flat.
    fontLayoutCache: false,
  });
  doc.registerFont(FONT_REGULAR, fonts.regular);
  doc.registerFont(FONT_BOLD, fonts.bold);
  let page = 0;
  doc.on('pageAdded', () => {
    page += 1;
    const { x, y } = doc;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // the footer sits in the margin; no page break for it
    doc.font(FONT_REGULAR).fontSize(7).fillColor('#555555');
    doc.text(footer, MARGIN.left, A4.height - 30, { lineBreak: false });
    const label = `Sida ${page}`;
    doc.text(label, A4.width - MARGIN.right - doc.widthOfString(label), A4.height - 30, { lineBreak: false });
    doc.page.margins.bottom = bottom;
    doc.fillColor('black');
    doc.x = x;
    doc.y = y;
  });
  doc.pipe(out);
  doc.addPage();
  return doc;
}

export const regular = (doc: Doc, size = 7.5) => doc.font(FONT_REGULAR).fontSize(size).fillColor('black');
export const bold = (doc: Doc, size = 7.5) => doc.font(FONT_BOLD).fontSize(size).fillColor('black');

export function line(doc: Doc, text: string, size: number, isBold = false, gap = 0.2): void {
  (isBold ? bold : regular)(doc, size);
  ensureSpace(doc, doc.currentLineHeight(true) * 2);
  doc.text(text, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(gap);
}

export function ensureSpace(doc: Doc, height: number): boolean {
  if (doc.y + height <= BOTTOM) return false;
  doc.addPage();
  return true;
}

/** A line of a cell that fits its width, with its measured width. */
interface FittedLine {
  text: string;
  width: number;
}
/** A cell's lines when all fit; null when pdfkit has to wrap it. */
type CellLayout = FittedLine[] | null;
interface RowLayout {
  cells: CellLayout[];
  height: number;
}

/** pdfkit's drawing of one line of text at a point, given its width measured already (not measured again). */
function fragment(doc: Doc, text: string, x: number, y: number, textWidth: number): void {
  (doc as unknown as PdfFragments)._fragment(text, x, y, { textWidth });
}
interface PdfFragments {
  _fragment(text: string, x: number, y: number, options: { textWidth: number }): void;
}

/** A table drawn row by row; its heading is repeated after each page break. */
export class PdfTable {
  constructor(
    private readonly doc: Doc,
    private readonly columns: readonly Column[],
  ) {}

  header(): void {
    bold(this.doc);
    const titles = this.columns.map((c) => c.title);
    this.cells(titles, this.columns, true);
    this.rule(0.6);
  }

  /** One row; `span` lets the first cell run over that many columns (a sum row's label). */
  row(values: readonly string[], opts: { bold?: boolean; ruleAbove?: boolean; span?: number } = {}): void {
    const widths = this.widths(opts.span ?? 1);
    (opts.bold ? bold : regular)(this.doc);
    const layout = this.layout(values, widths);
    if (ensureSpace(this.doc, layout.height + 2)) {
      this.header();
      (opts.bold ? bold : regular)(this.doc);
    }
    if (opts.ruleAbove) this.rule(0.4);
    this.draw(values, widths, layout);
  }

  private widths(span: number): Column[] {
    if (span <= 1) return [...this.columns];
    const first = this.columns.slice(0, span).reduce((w, c) => w + c.width, 0);
    return [{ ...this.columns[0], width: first }, ...this.columns.slice(span)];
  }

  /**
   * Each cell's lines and the row's height. A cell whose lines all fit its width is drawn line by line
   * without pdfkit's line wrapper (which lays every word out again to measure it, and once more to draw);
   * a longer cell is wrapped by pdfkit.
   */
  private layout(values: readonly string[], columns: readonly Column[]): RowLayout {
    const lineHeight = this.doc.currentLineHeight(true);
    let height = 0;
    const cells = values.map((v, i): CellLayout => {
      const width = columns[i].width - 2 * CELL_PAD;
      const lines: FittedLine[] = [];
      for (const text of v.split('\n')) {
        const w = this.doc.widthOfString(text.trimEnd());
        if (w > width) {
          height = Math.max(height, this.doc.heightOfString(v || ' ', { width }));
          return null;
        }
        lines.push({ text, width: w });
      }
      height = Math.max(height, lines.length * lineHeight);
      return lines;
    });
    return { cells, height: height + 2 * CELL_PAD };
  }

  private cells(values: readonly string[], columns: readonly Column[], isHeader = false): void {
    this.draw(values, columns, this.layout(values, columns), isHeader);
  }

  private draw(
    values: readonly string[],
    columns: readonly Column[],
    row: RowLayout,
    isHeader = false,
  ): void {
    const doc = this.doc;
    const y = doc.y;
    const lineHeight = doc.currentLineHeight(true);
    let x = MARGIN.left;
    values.forEach((v, i) => {
      const c = columns[i];
      const width = c.width - 2 * CELL_PAD;
      const align = isHeader ? 'left' : (c.align ?? 'left');
      const lines = row.cells[i];
      if (lines) {
        lines.forEach((l, n) => {
          const left = x + CELL_PAD + (align === 'right' ? width - l.width : 0);
          fragment(doc, l.text, left, y + CELL_PAD + n * lineHeight, l.width);
        });
      } else {
        doc.text(v, x + CELL_PAD, y + CELL_PAD, { width, align });
      }
      x += c.width;
    });
    doc.x = MARGIN.left;
    doc.y = y + row.height;
  }

  private rule(width: number): void {
    const y = this.doc.y;
    this.doc
      .moveTo(MARGIN.left, y)
      .lineTo(MARGIN.left + CONTENT_WIDTH, y)
      .lineWidth(width)
      .strokeColor('#888888')
      .stroke();
  }
}

/** Ends the document and waits until its last byte has been handed to `out`. */
export function finish(doc: Doc): Promise<void> {
  return new Promise((resolve, reject) => {
    doc.once('end', resolve);
    doc.once('error', reject);
    doc.end();
  });
}

/** Waits while the reader is behind, so a long report does not pile up in memory. */
export const keepPace = (out: Writable) => drained(out);
