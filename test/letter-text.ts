/**
 * Checks of a rendered decision letter against the model it was built from: the text a reader (pdftotext,
 * a screen reader) gets out of the PDF, letter by letter, and what every letter must say.
 */
import { execFileSync } from 'node:child_process';
import { formatKronor, formatShare } from '@anslag/money';
import type { Block, LetterModel, RichText } from '../libs/letters/src/render';

/**
 * pdftotext (poppler-utils): in content-stream order (what screen readers follow), or in its default
 * reading-order analysis (what a person copying from a viewer gets).
 */
export function pdfToText(pdf: Buffer, order: 'stream' | 'reading' = 'stream'): string {
  const mode = order === 'stream' ? ['-raw'] : [];
  return execFileSync('pdftotext', [...mode, '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
}

function rich(text: RichText): string {
  if (typeof text === 'string') return text;
  return text
    .map((p) => (typeof p === 'string' ? p : 'kronor' in p ? formatKronor(p.kronor) : formatShare(p.share)))
    .join('');
}

function blockTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => (typeof b === 'object' && 'bullets' in b ? b.bullets.map(rich) : [rich(b)]));
}

const amount = (v: number) => formatKronor(v, { unit: false });

/** Every word of the letter's content in the order the renderer draws it. */
export function modelPieces(m: LetterModel): string[] {
  const out: string[] = [m.region.name, m.labels.organAndOfficer, m.labels.date, m.labels.reference];
  out.push(`${m.region.organ}, ${m.region.handlaggare.name}`, m.date, m.reference);
  out.push(m.addressee.name, ...m.addressee.addressLines, m.title);
  out.push(...m.application.map(rich), m.labels.decision);
  for (const item of m.decision) {
    out.push(rich(item.text));
    for (const s of item.sources ?? []) out.push(s.label, formatKronor(s.amount));
  }
  if (m.conditions) out.push(m.conditions.intro, ...m.conditions.items.map(rich));
  if (m.summary.length > 0) out.push(m.labels.summary, ...blockTexts(m.summary));
  if (m.reasons.length > 0) out.push(m.labels.reasons, ...blockTexts(m.reasons));
  if (m.description.length > 0 || m.budget) out.push(m.labels.description);
  for (const sub of m.description) out.push(sub.heading, ...blockTexts(sub.blocks));
  if (m.budget) {
    out.push(m.labels.budget);
    const years = m.budget.years;
    for (const t of m.budget.tables) {
      out.push(t.heading, ...years.map(String), m.labels.total);
      const rows = t.groups.flatMap((g) => g.rows);
      for (const g of t.groups) {
        if (g.label) out.push(g.label);
        for (const r of g.rows) {
          const present = r.amounts.filter((a): a is number => a !== null);
          out.push(r.label, ...present.map(amount), amount(present.reduce((a, b) => a + b, 0)));
        }
      }
      if (t.totalLabel !== null) {
        const totals = years.map((_, i) => rows.reduce((s, r) => s + (r.amounts[i] ?? 0), 0));
        out.push(t.totalLabel, ...totals.map(amount), amount(totals.reduce((a, b) => a + b, 0)));
      }
    }
  }
  out.push(m.signatures.onBehalfOf);
  for (const s of m.signatures.signatories) out.push(s.name, s.title);
  if (m.appeal && m.appeal.length > 0) out.push(m.labels.appeal, ...blockTexts(m.appeal));
  return out.filter((p) => p !== '');
}

/** What each page carries around the text, as one run of text per page (drawn after the page's text). */
function furniture(m: LetterModel, page: number, pages: number): string {
  const parts: string[] = [];
  if (page > 1)
    parts.push(m.region.name, `${m.labels.date} ${m.date}   ${m.labels.reference} ${m.reference}`);
  parts.push(...m.region.postalAddress, ...[m.region.web, m.region.email].filter((v): v is string => !!v));
  parts.push(m.labels.page.replace('{page}', String(page)).replace('{pages}', String(pages)));
  if (m.secrecy) parts.push(m.secrecy);
  return squeeze(parts.join(''));
}

/** Without white space and list marks, which the layout adds and the model does not hold. */
const squeeze = (s: string) => s.replace(/[\s\u00a0•◦]+/g, '');

/**
 * The text extracted from the PDF equals the model's text letter by letter, with only the page furniture
 * between (headers, footers, page numbers). Returns the first difference, or null.
 */
export function textLayerDifference(m: LetterModel, extracted: string): string | null {
  const pages = Math.max(1, (extracted.match(/\f/g) ?? []).length);
  const text = squeeze(extracted);
  const want = squeeze(modelPieces(m).join(''));
  let at = 0;
  let page = 1;
  const skipFurniture = () => {
    while (page <= pages) {
      const f = furniture(m, page, pages);
      if (!text.startsWith(f, at)) return;
      at += f.length;
      page++;
    }
  };
  for (let i = 0; i < want.length; i++) {
    skipFurniture();
    if (text[at] !== want[i]) {
      return `at "${want.slice(Math.max(0, i - 30), i)}[${want[i]}]": the PDF reads "${text.slice(at, at + 40)}"`;
    }
    at++;
  }
  skipFurniture();
  if (at < text.length) return `the PDF has more text: "${text.slice(at, at + 60)}"`;
  if (page <= pages) return `page ${page} has no footer`;
  return null;
}

/**
 * The sentences the letter itself writes (all but the application's own text, quoted in Sammanfattning
 * and Beskrivning av ärendet as the applicant wrote it) that occur more than once.
 */
export function repeatedSentences(m: LetterModel): string[] {
  const seen = new Map<string, number>();
  for (const piece of modelPieces({ ...m, summary: [], description: [] })) {
    for (const raw of piece.split(/(?<=[.!?])\s+/)) {
      const s = raw.replace(/\s+/g, ' ').trim();
      if (s.length < 25) continue;
      seen.set(s, (seen.get(s) ?? 0) + 1);
    }
  }
  return [...seen].filter(([, n]) => n > 1).map(([s]) => s);
}

/** Tokens that look like codes (snake_case) rather than words. */
export function codeLikeTokens(text: string): string[] {
  return text.match(/\b[\p{L}\d]+_[\p{L}\d_]+\b/gu) ?? [];
}

/** The raw PDF's catalogue entries and metadata that make it archival and accessible. */
export function pdfMetadata(pdf: Buffer) {
  const raw = pdf.toString('latin1');
  const xmp = /<x:xmpmeta[\s\S]*?<\/x:xmpmeta>/.exec(raw)?.[0] ?? '';
  const xmpText = Buffer.from(xmp, 'latin1').toString('utf8');
  return {
    version: /^%PDF-(\d\.\d)/.exec(raw)?.[1] ?? null,
    lang: /\/Lang \(([^)]*)\)/.exec(raw)?.[1] ?? null,
    marked: /\/Marked true/.test(raw),
    structTreeRoot: /\/Type \/StructTreeRoot/.test(raw),
    structTypes: [...raw.matchAll(/\/S \/(\w+)\s*\/P \d+ 0 R/g)].map((m) => m[1]),
    displayDocTitle: /\/DisplayDocTitle true/.test(raw),
    pdfaPart: /<pdfaid:part>(\d)<\/pdfaid:part>/.exec(xmpText)?.[1] ?? null,
    pdfaConformance: /<pdfaid:conformance>(\w)<\/pdfaid:conformance>/.exec(xmpText)?.[1] ?? null,
    xmpTitle: /<dc:title>\s*<rdf:Alt>\s*<rdf:li[^>]*>([^<]*)<\/rdf:li>/.exec(xmpText)?.[1] ?? null,
    outputIntent: /\/S \/GTS_PDFA1/.test(raw),
  };
}
