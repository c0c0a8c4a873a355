import PDFDocument from 'pdfkit';
import { extractPdfText, renderLetter } from '../libs/letters/src/render';
import { mindLetterModel } from '../libs/letters/src/render/fixtures';
import { FONT_REGULAR, letterFonts } from '../libs/letters/src/render/fonts';

interface Result {
  name: string;
  figure: number;
  unit: string;
  ceiling: number;
  ratio: number;
  note?: string;
}

const WARM_UP = 30;
const LETTERS = 300;
const SOAK = 2_000;

/** Letters per second of `work`, run one after the other as a single worker would. */
async function perSecond(count: number, work: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARM_UP; i++) await work();
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await work();
  return count / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** The ceiling: the letter's lines written with plain pdfkit calls, same fonts, no layout logic. */
function bareLetter(lines: readonly string[]): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    font: '',
    info: { CreationDate: new Date(Date.UTC(2019, 10, 18)) },
  });
  doc.registerFont(FONT_REGULAR, letterFonts().regular);
  doc.font(FONT_REGULAR).fontSize(9);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const line of lines) doc.text(line);
  doc.end();
  return done;
}

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

export async function run(): Promise<Result[]> {
  const model = mindLetterModel();
  const lines = (await extractPdfText(await renderLetter(model))).split('\n').filter((l) => l !== '\f');

  const letters = await perSecond(LETTERS, () => renderLetter(model));
  const bare = await perSecond(LETTERS, () => bareLetter(lines));

  const before = process.memoryUsage().rss;
  for (let i = 0; i < SOAK; i++) await renderLetter(model);
  const after = process.memoryUsage().rss;

  return [
    {
      name: `renderLetter, MIND two-page decision letter (${LETTERS} in a row) vs bare pdfkit writing the same lines`,
      figure: Math.round(letters),
      unit: 'letters/s',
      ceiling: Math.round(bare),
      ratio: letters / bare,
      note: 'one core; both embed the same DejaVu fonts; the bare loop has no letterhead, tables, bullets or page furniture',
    },
    {
      name: `resident memory after ${SOAK} more letters vs before`,
      figure: mib(after),
      unit: 'MiB',
      ceiling: mib(before),
      ratio: after / before,
      note: 'a ratio near 1 means memory stays flat',
    },
  ];
}
