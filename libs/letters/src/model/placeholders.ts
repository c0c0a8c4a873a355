/**
 * Filling a template's `{{placeholder}}`s. Amounts and shares stay typed pieces of rich text, so the
 * renderer formats them ("432 000 kr", "90 %") exactly as everywhere else. A line that uses a
 * placeholder without a value is left out: a decision without a rank quote has no rank sentence.
 */
import { formatKronor, formatShare } from '@anslag/money';
import type { Block, FinancingSource, Inline, RichText } from '../render/letter-model';
import { LetterModelError } from '../render/validate';

export type PlaceholderValue =
  | { readonly inline: Inline }
  | { readonly blocks: readonly Block[] }
  | { readonly sources: readonly FinancingSource[] }
  | null;

export type Values = Readonly<Record<string, PlaceholderValue>>;

/** What one template line became. */
export type Filled =
  | { readonly rich: RichText }
  | { readonly blocks: readonly Block[] }
  | { readonly sources: readonly FinancingSource[] };

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const ONLY_PLACEHOLDER = /^\s*\{\{\s*([A-Za-z0-9_]+)\s*\}\}\s*$/;

export const text = (value: string | null | undefined): PlaceholderValue =>
  value === null || value === undefined || value.trim() === '' ? null : { inline: value };

export const kronor = (value: number | null | undefined): PlaceholderValue =>
  value === null || value === undefined ? null : { inline: { kronor: value } };

export const share = (value: number | null | undefined): PlaceholderValue =>
  value === null || value === undefined ? null : { inline: { share: value } };

export const blocks = (value: readonly Block[]): PlaceholderValue =>
  value.length === 0 ? null : { blocks: value };

/**
 * Free text as the application form stores it: paragraphs split by a blank line, each further line a
 * paragraph of its own, and lines starting with "- " gathered into bullet lists.
 */
export function textToBlocks(value: string | null | undefined): Block[] {
  if (!value) return [];
  const out: Block[] = [];
  for (const chunk of value.split(/\n\s*\n/)) {
    let bullets: string[] = [];
    const flush = () => {
      if (bullets.length > 0) out.push({ bullets });
      bullets = [];
    };
    for (const raw of chunk.split('\n')) {
      const line = raw.trim();
      if (line === '') continue;
      const bullet = /^[-–•]\s+(.*)$/.exec(line);
      if (bullet) bullets.push(bullet[1]);
      else {
        flush();
        out.push(line);
      }
    }
    flush();
  }
  return out;
}

function blockText(block: Block): string {
  if (typeof block === 'string') return block;
  if ('bullets' in block) return block.bullets.map(richText).join(' ');
  return richText(block as RichText);
}

/** Rich text as plain text (for a title, or a list placed inside a sentence). */
export function richText(rich: RichText): string {
  if (typeof rich === 'string') return rich;
  return rich
    .map((piece) => {
      if (typeof piece === 'string') return piece;
      if ('kronor' in piece) return formatKronor(piece.kronor);
      return formatShare(piece.share);
    })
    .join('');
}

function lookup(values: Values, name: string): PlaceholderValue {
  if (!(name in values))
    throw new LetterModelError(`Brevmallen använder den okända platshållaren {{${name}}}`);
  return values[name];
}

function compact(pieces: Inline[]): RichText {
  const merged: Inline[] = [];
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    if (typeof p === 'string' && typeof last === 'string') merged[merged.length - 1] = last + p;
    else if (p !== '') merged.push(p);
  }
  return merged.length === 1 && typeof merged[0] === 'string' ? merged[0] : merged;
}

/** One line of a template; null when it is empty or uses a placeholder without a value. */
export function fillLine(line: string, values: Values): Filled | null {
  const only = ONLY_PLACEHOLDER.exec(line);
  if (only) {
    const value = lookup(values, only[1]);
    if (value === null) return null;
    if ('blocks' in value) return { blocks: value.blocks };
    if ('sources' in value) return { sources: value.sources };
    return { rich: typeof value.inline === 'string' ? value.inline : [value.inline] };
  }
  const pieces: Inline[] = [];
  let at = 0;
  for (const m of line.matchAll(PLACEHOLDER)) {
    pieces.push(line.slice(at, m.index));
    at = (m.index ?? 0) + m[0].length;
    const value = lookup(values, m[1]);
    if (value === null) return null;
    if ('inline' in value) pieces.push(value.inline);
    else if ('blocks' in value) pieces.push(value.blocks.map(blockText).join(' '));
    else pieces.push(value.sources.map((s) => s.label).join(', '));
  }
  pieces.push(line.slice(at));
  const rich = compact(pieces);
  if (typeof rich === 'string' && rich.trim() === '') return null;
  return { rich: typeof rich === 'string' ? rich.trim() : rich };
}

/** A template text of several lines: each non-empty line filled; lines without values left out. */
export function fillLines(value: string | undefined, values: Values): Filled[] {
  if (!value) return [];
  return value
    .split('\n')
    .map((line) => fillLine(line, values))
    .filter((f): f is Filled => f !== null);
}

/** Filled lines as the blocks of a section. */
export function asBlocks(filled: readonly Filled[]): Block[] {
  return filled.flatMap((f): Block[] => {
    if ('rich' in f) return [f.rich];
    if ('blocks' in f) return [...f.blocks];
    return [{ bullets: f.sources.map((s) => s.label) }];
  });
}
