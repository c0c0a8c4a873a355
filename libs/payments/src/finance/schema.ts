import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

let xsd: string | null = null;

/** The published ISO 20022 schema of pain.001.001.03, shipped with the project. */
export function pain001Schema(): string {
  // From libs/payments/src/finance (or its compiled copy under dist/) to libs/payments/schemas.
  xsd ??= readFileSync(schemaPath(), 'utf8');
  return xsd;
}

function schemaPath(): string {
  const here = __dirname.replace(/[\\/]dist([\\/])/, '$1');
  return join(here, '..', '..', 'schemas', 'pain.001.001.03.xsd');
}

/** Validates a payment file against the schema; every file is checked before it is stored. */
export async function validatePain001(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'batch.xml', contents: xml }],
    schema: [{ fileName: 'pain.001.001.03.xsd', contents: pain001Schema() }],
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}
