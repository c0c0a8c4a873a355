import { ValidateIf, ValidationOptions } from 'class-validator';
import { DomainError, ErrorCode } from './domain-error';

/**
 * Bounds every request body and query is held to before it reaches validation. A JSON document is
 * scanned once, as text, before it is parsed: nesting and the number of members are counted there, so a
 * body of a hundred thousand keys or ten thousand brackets costs one linear pass and never reaches the
 * class-validator walk (which is where such bodies took minutes or overflowed the stack).
 */
export const REQUEST_BOUNDS = {
  /** Default body limit of a JSON route; a route that needs more says so with @BodyLimit. */
  bodyBytes: 256 * 1024,
  /** Deepest nesting of objects and arrays (the richest document, an inriktningsbeslut, uses 7). */
  depth: 24,
  /** Object members plus array elements in one body (an inriktningsbeslut has about 700). */
  members: 10_000,
  /** Longest single string; fields have their own, smaller limits in their DTOs. */
  stringChars: 100_000,
} as const;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text cannot be stored (PostgreSQL refuses NUL; a lone surrogate is not Unicode), or null. */
export function textProblem(s: string, maxChars: number = REQUEST_BOUNDS.stringChars): string | null {
  if (s.includes('\u0000')) return 'får inte innehålla NUL-tecken';
  if (LONE_SURROGATE.test(s)) return 'innehåller ogiltig Unicode (ensamt surrogattecken)';
  if (s.length > maxChars) return `högst ${maxChars} tecken`;
  return null;
}

function tooLarge(problem: string): DomainError {
  return new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, 'Begärans innehåll är för stort eller för djupt', [
    { field: 'body', problem },
  ]);
}

/** One pass over the JSON text, outside strings: refuses too deep nesting and too many members. */
export function scanJsonText(text: string, bounds = REQUEST_BOUNDS): void {
  let depth = 0;
  let members = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
      continue;
    }
    if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > bounds.depth) throw tooLarge(`högst ${bounds.depth} nivåer`);
      members++;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
    else if (ch === 0x2c && ++members > bounds.members) throw tooLarge(`högst ${bounds.members} värden`);
  }
}

/**
 * Walks a parsed body (already bounded by scanJsonText) and refuses what the database or the number
 * types would refuse later with a 500: NUL bytes, lone surrogates, overlong strings, and numbers that
 * are not safe integers in magnitude (amounts are whole kronor; 1e20 or 2^53+1 are never meant).
 */
export function checkParsedValue(value: unknown, path = 'body'): void {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) throw DomainError.validation(path, problem);
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER)
      throw DomainError.validation(path, 'talet är för stort');
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkParsedValue(v, `${path}[${i}]`));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const field = path === 'body' ? k : `${path}.${k}`;
      const problem = textProblem(k, 200);
      if (problem) throw DomainError.validation(field, `namnet ${problem}`);
      checkParsedValue(v, field);
    }
  }
}

/** Query strings and path parameters: the same text checks, with the parameter named. */
export function checkRequestTexts(values: unknown, maxChars = 2_000): void {
  if (!values || typeof values !== 'object') return;
  for (const [k, v] of Object.entries(values as Record<string, unknown>)) {
    for (const s of Array.isArray(v) ? v : [v]) {
      if (typeof s !== 'string') continue;
      const problem = textProblem(s, maxChars) ?? textProblem(k, 200);
      if (problem) throw DomainError.validation(k, problem);
    }
  }
}

/**
 * "May be left out, but not null". `@IsOptional()` lets null through to the write, where a NOT NULL
 * column refuses it with a 500; fields of PATCH bodies whose column cannot be empty use this instead.
 */
export function IsOptionalNonNull(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined, options);
}
