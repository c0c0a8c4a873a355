/**
 * The letter's two faces, DejaVu Sans Condensed and its bold (TrueType, so that å, ä, ö, – and ” render
 * and can be copied out of the PDF). They are read and parsed once per process and shared by every
 * document: pdfkit accepts a parsed fontkit font in place of a file, and parsing the font tables again
 * for each letter would cost more than laying the letter out.
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';

export const FONT_REGULAR = 'body';
export const FONT_BOLD = 'bold';

/** What pdfkit's registerFont is given: a parsed font (pdfkit's typings only name files and buffers). */
export type SharedFont = PDFKit.Mixins.PDFFontSource;

export interface LetterFonts {
  readonly regular: SharedFont;
  readonly bold: SharedFont;
}

/** Words whose shaped glyphs are kept across documents; past this the memo starts over (memory stays flat). */
const MAX_MEMO_RUNS = 20_000;

interface Shaped {
  readonly glyphs: fontkit.Glyph[];
  readonly positions: readonly fontkit.GlyphPosition[];
}

/** The part of a glyph run pdfkit reads; its positions are fresh objects because pdfkit scales them in place. */
class MemoRun {
  constructor(
    readonly glyphs: fontkit.Glyph[],
    readonly positions: fontkit.GlyphPosition[],
  ) {}

  get advanceWidth(): number {
    let width = 0;
    for (const p of this.positions) width += p.xAdvance;
    return width;
  }
}

function copyPosition(p: fontkit.GlyphPosition): fontkit.GlyphPosition {
  return { xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset };
}

/**
 * The font with a memo on `layout` for the plain case pdfkit uses (one word, default features), so that
 * OpenType shaping of a word is done once per process rather than once per letter.
 */
function withLayoutMemo(font: fontkit.Font): fontkit.Font {
  const memo = new Map<string, Shaped>();
  const shared: fontkit.Font = Object.create(font);
  shared.layout = (text, features, script, language, direction) => {
    if (features || script || language || direction)
      return font.layout(text, features, script, language, direction);
    let shaped = memo.get(text);
    if (!shaped) {
      if (memo.size >= MAX_MEMO_RUNS) memo.clear();
      const run = font.layout(text);
      shaped = { glyphs: run.glyphs, positions: run.positions.map(copyPosition) };
      memo.set(text, shaped);
    }
    return new MemoRun(shaped.glyphs, shaped.positions.map(copyPosition)) as unknown as fontkit.GlyphRun;
  };
  return shared;
}

/**
 * fontkit keeps one glyph object per glyph id, with the characters of its first fetch. A shared font is
 * also read by each document's subsetter, which fetches glyphs by id alone: a glyph first met there keeps
 * no characters, and every later document's text layer loses it (pdftotext read "Områdeschef" as
 * "mrådeschef" once earlier letters had been written). A later fetch with the characters fills them in.
 */
function keepCodePoints(font: fontkit.Font): void {
  const f = font as unknown as { getGlyph(id: number, chars?: number[]): fontkit.Glyph | null };
  const getGlyph = f.getGlyph.bind(f);
  f.getGlyph = (id, chars = []) => {
    const glyph = getGlyph(id, chars);
    if (glyph && glyph.codePoints.length === 0 && chars.length > 0)
      (glyph as { codePoints: number[] }).codePoints = chars;
    return glyph;
  };
}

function load(file: string): SharedFont {
  const font = fontkit.create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
  if (!('layout' in font)) throw new Error(`${file} is a font collection, not a single font`);
  keepCodePoints(font);
  return withLayoutMemo(font) as unknown as SharedFont;
}

let cached: LetterFonts | undefined;

export function letterFonts(): LetterFonts {
  cached ??= { regular: load('DejaVuSansCondensed.ttf'), bold: load('DejaVuSansCondensed-Bold.ttf') };
  return cached;
}
