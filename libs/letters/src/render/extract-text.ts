/**
 * Test helper: the text of a PDF as lines in reading order (top to bottom, left to right on each page),
 * pages separated by a form feed. Uses pdf2json (a development dependency), loaded only when called.
 */
interface TextItem {
  readonly x: number;
  readonly y: number;
  readonly R: readonly { readonly T: string }[];
}

interface ParsedPdf {
  readonly Pages: readonly { readonly Texts: readonly TextItem[] }[];
}

const SAME_LINE = 0.3; // pdf2json units (1/24 inch)

function pageLines(texts: readonly TextItem[]): string[] {
  const sorted = [...texts].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: TextItem[][] = [];
  for (const item of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last[0].y - item.y) <= SAME_LINE) last.push(item);
    else lines.push([item]);
  }
  return lines.map((line) =>
    line
      .sort((a, b) => a.x - b.x)
      .map((t) => t.R.map((r) => r.T).join(''))
      .join(' ')
      .trimEnd(),
  );
}

/** pdf2json announces on the console that it runs without a worker; that one line is dropped. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = (...args: unknown[]) => {
    if (!String(args[0]).includes('Setting up fake worker')) log(...args);
  };
  try {
    return await work();
  } finally {
    console.log = log;
  }
}

export async function parsePdf(buf: Buffer): Promise<ParsedPdf> {
  return quietly(async () => {
    const { default: PDFParser } = await import('pdf2json');
    return new Promise<ParsedPdf>((resolve, reject) => {
      const parser = new PDFParser(null, false);
      parser.on('pdfParser_dataReady', (data) => resolve(data as unknown as ParsedPdf));
      parser.on('pdfParser_dataError', (err) => reject('parserError' in err ? err.parserError : err));
      parser.parseBuffer(buf);
    });
  });
}

export async function extractPdfText(buf: Buffer): Promise<string> {
  const pdf = await parsePdf(buf);
  return pdf.Pages.map((p) => pageLines(p.Texts).join('\n')).join('\n\f\n');
}
