import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  example?: unknown;
  format?: string;
  nullable?: boolean;
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
};

export interface Operation {
  operationId: string;
  parameters?: { name: string; in: 'path' | 'query'; required?: boolean; schema: Schema }[];
  requestBody?: {
    content: Record<string, { schema: Schema; examples?: Record<string, { value: unknown }> }>;
  };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
  'x-roles'?: string[];
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export function operations(doc: OpenApiDoc): { method: string; path: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method, path, op })),
  );
}

/** A schema with its $ref (and single allOf) followed. */
export function resolve(doc: OpenApiDoc, s: Schema): Schema {
  if (s.$ref) return resolve(doc, doc.components.schemas[s.$ref.replace('#/components/schemas/', '')]);
  if (s.allOf?.length === 1) return { ...s, ...resolve(doc, s.allOf[0]), allOf: undefined };
  return s;
}

/** Validates answers against the document's own schemas (OpenAPI 3.0: `nullable`, `example`). */
export class ResponseValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(doc: OpenApiDoc) {
    addFormats(this.ajv);
    this.ajv.addSchema({ components: nullAsType(doc.components) }, 'doc');
  }

  /** Null when valid; otherwise the problems, readable in a failed expectation. */
  check(schema: Schema, body: unknown): string | null {
    const key = JSON.stringify(schema);
    let validate = this.cache.get(key);
    if (!validate) {
      const rewritten = JSON.parse(key.replace(/"#\/components\/schemas\//g, '"doc#/components/schemas/'));
      validate = this.ajv.compile(nullAsType(rewritten) as object);
      this.cache.set(key, validate);
    }
    return validate(body) ? null : this.ajv.errorsText(validate.errors, { separator: '\n' });
  }
}

/** OpenAPI 3.0's `nullable` as JSON Schema: null or the schema (also beside $ref and allOf). */
function nullAsType(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullAsType);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === 'example' ? v : nullAsType(v);
  if (out.nullable === true) {
    delete out.nullable;
    return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}
