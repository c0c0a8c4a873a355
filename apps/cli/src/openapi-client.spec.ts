import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { buildOpenApiJson } from './openapi';

const root = join(__dirname, '..', '..', '..');

type Node = Record<string, unknown>;
type Doc = { paths: Record<string, Record<string, Node>>; components: { schemas: Record<string, Node> } };

/** Schemas that say only "object": a generated client types them as unknown. */
function holes(node: unknown, at: string, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n, i) => holes(n, `${at}[${i}]`, out));
  else if (node && typeof node === 'object') {
    const n = node as Node;
    if (
      n.type === 'object' &&
      !['properties', 'additionalProperties', '$ref', 'allOf', 'oneOf', 'anyOf'].some((k) => k in n)
    )
      out.push(at);
    for (const [k, v] of Object.entries(n))
      if (k !== 'example' && k !== 'examples') holes(v, `${at}/${k}`, out);
  }
  return out;
}

/** Routes whose answer is a file (PDF, CSV, XLSX), not JSON. */
const FILE_ROUTES = [
  'get /api/cases/{caseId}/attachments/{id}',
  'get /api/decisions/{id}/letter',
  'get /api/decisions/{id}/letter/preview',
  'get /api/reports/delegation-decisions',
  'get /api/reports/follow-up',
  'get /api/reports/delegation-decisions/presentations/{id}',
  'get /api/payment-batches/{id}/csv',
  'get /api/payment-batches/{id}/pain001',
  'get /api/payments/{id}/letter',
  'get /api/recoveries/{id}/letter',
];

/** Routes that answer no JSON: redirects of the sign-in flow, 204 and 202 without a body. */
const NO_BODY_ROUTES = [
  'get /api/auth/oidc/{kind}/login',
  'get /api/auth/oidc/{kind}/callback',
  'post /api/auth/logout',
  'post /api/organisations/access-requests',
];

/** POST routes that answer 200 (@HttpCode(200)): they act on something, they create nothing. */
const HTTP_200_POSTS = [
  'post /api/auth/login',
  'post /api/auth/session',
  'post /api/mandates/{id}/grant',
  'post /api/mandates/{id}/verify',
  'post /api/mandates/{id}/revoke',
  'post /api/organisations/{id}/tatort',
  'post /api/payment-requests/{id}/check',
  'post /api/payment-requests/{id}/submit',
  'post /api/payment-requests/{id}/verification',
  'post /api/payments/{id}/authorise',
  'post /api/payments/{id}/cancel',
  'post /api/payments/{id}/confirmation',
  'post /api/recoveries/{id}/decide',
  'post /api/recoveries/{id}/settle',
];

describe('the OpenAPI document a client is generated from', () => {
  jest.setTimeout(120_000);
  let doc: Doc;
  let json: string;

  beforeAll(async () => {
    json = await buildOpenApiJson();
    doc = JSON.parse(json) as Doc;
  });

  const ops = () =>
    Object.entries(doc.paths).flatMap(([path, o]) =>
      Object.entries(o).map(([method, op]) => ({ route: `${method} ${path}`, method, op })),
    );

  it('types every property: no bare object, nullable properties with their real type', () => {
    expect(holes(doc, '')).toEqual([]);
  });

  it('declares the answer of every route, 201 for what creates, and every 4xx with the error shape', () => {
    const problems: string[] = [];
    for (const { route, method, op } of ops()) {
      const responses = op.responses as Record<string, { content?: Record<string, { schema?: Node }> }>;
      const ok = Object.keys(responses).filter((c) => c.startsWith('2'));
      if (ok.length === 0) problems.push(`${route}: no 2xx`);
      if (
        !FILE_ROUTES.includes(route) &&
        !NO_BODY_ROUTES.includes(route) &&
        !ok.some((c) => responses[c].content?.['application/json']?.schema)
      )
        problems.push(`${route}: no JSON schema for ${ok.join(',')}`);
      // A POST answers 201 unless it says otherwise (@HttpCode); one documented 200 without 201 must say so.
      if (method === 'post' && ok.includes('200') && !ok.includes('201') && !HTTP_200_POSTS.includes(route))
        problems.push(`${route}: documented 200, answers 201`);
      for (const code of Object.keys(responses).filter((c) => c.startsWith('4')))
        if (
          responses[code].content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorBodyDto'
        )
          problems.push(`${route}: ${code} without the error shape`);
      if (!('400' in responses) && ((op.parameters as unknown[]) ?? []).length + (op.requestBody ? 1 : 0) > 0)
        problems.push(`${route}: takes input but declares no 400`);
    }
    expect(problems).toEqual([]);
  });

  it('generates client types that compile in use, with no unknown on the work-list and catalogue routes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'anslag-client-'));
    writeFileSync(join(dir, 'openapi.json'), json);
    const gen = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'),
        join(dir, 'openapi.json'),
        '-o',
        join(dir, 'schema.d.ts'),
      ],
      { encoding: 'utf8' },
    );
    expect(gen.status).toBe(0);
    const schema = readFileSync(join(dir, 'schema.d.ts'), 'utf8');
    for (const name of [
      'CasePageDto',
      'CaseSummaryDto',
      'CaseDto',
      'StatusCountsDto',
      'PersonDto',
      'CompletionRequestDto',
      'CompletionRequestPageDto',
      'DecisionPageDto',
      'DecisionListItemDto',
      'UndeliveredDto',
      'UndeliveredPointDto',
      'WhatIfResultDto',
      'WhatIfRowDto',
      'AidFormDto',
      'CostTypeDto',
      'FinancierDto',
      'RusInForceDto',
      'SectionDto',
      'AttachmentTypesDto',
      'PriorityCriterionDto',
      'SubmissionCheckDto',
      'ErrorBodyDto',
      'DirectoryPersonDto',
    ]) {
      const start = schema.indexOf(`        ${name}: {`);
      expect({ name, found: start >= 0 }).toEqual({ name, found: true });
      const block = schema.slice(start, schema.indexOf('\n        };', start));
      expect({ name, holes: /\bunknown\b|Record<string, never>/.test(block) }).toEqual({
        name,
        holes: false,
      });
    }
    writeFileSync(
      join(dir, 'use.ts'),
      `import type { paths } from './schema';
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

type CasePage = Json<paths['/api/cases']['get']['responses'][200]>;
declare const page: CasePage;
const first = page.items[0];
export const who: string | undefined = first.assignedTo?.displayName;
export const max: number | undefined = first.evaluation?.maxGrant;
export const letter: string | null | undefined = first.decision?.letterStatus;
export const waiting: number = page.counts.komplettering_begard;
type CaseQuery = paths['/api/cases']['get']['parameters']['query'];
export const query: CaseQuery = { status: ['inskickad', 'under_handlaggning'], assignee: 'mine', q: 'kaffe' };

type Drafts = Json<paths['/api/decisions']['get']['responses'][200]>;
declare const drafts: Drafts;
export const signable: boolean = drafts.items[0].signableByMe;
export const point: string | null = drafts.items[0].delegationPoint;
export const jav: string = drafts.items[0].jav[0].displayName;

type Problem = Json<paths['/api/cases']['post']['responses'][400]>;
declare const problem: Problem;
export const field: string = problem.details[0].field;
export const allowed: string[] | undefined = problem.details[0].allowed;

type AidForms = Json<paths['/api/catalogues/aid-forms']['get']['responses'][200]>;
declare const forms: AidForms;
export const costTypes: string[] = forms[0].costTypes;
type Created = Json<paths['/api/cases']['post']['responses'][201]>;
declare const created: Created;
export const due: string | undefined = created.openCompletionRequest?.dueDate;
type WhatIf = Json<paths['/api/policy/inriktningsbeslut/{id}/what-if']['get']['responses'][200]>;
declare const whatIf: WhatIf;
export const terms: string[] = whatIf.cases[0].changedTerms;
type Undelivered = Json<paths['/api/reports/delegation-decisions/undelivered']['get']['responses'][200]>;
declare const undelivered: Undelivered;
export const granted: number = undelivered.points[0].granted;
// @ts-expect-error a misspelt field does not compile
export const typo = first.assignedToo;
`,
    );
    const program = ts.createProgram([join(dir, 'use.ts')], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });
});
