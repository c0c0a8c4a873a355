import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@anslag/auth';
import {
  CaseFlow,
  createOrganisation,
  createTestApp,
  createUser,
  ensureReferenceData,
  mindLikeProject,
  PrivateDatabase,
  tableCounts,
  type TestUser,
} from '@anslag/testing';
import { type OpenApiDoc, type Operation, operations, resolve, type Schema } from './support/openapi';

/**
 * The schema-driven input test: every route with a body or a query, called as every role that may call
 * it, with each required field missing, each field of the wrong type, numbers out of range, over-long
 * strings and unknown codes. Every answer is a 4xx in the one error shape that names the field, and
 * no row is written. The suite has a database of its own, so "no row written" is exact.
 */
describe('every route refuses bad input in the error shape, naming the field, writing nothing', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let http: ReturnType<typeof request>;
  let db: PrivateDatabase;
  let doc: OpenApiDoc;
  const users = new Map<string, TestUser>();
  const ids: Record<string, string> = {};
  const NIL = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    db = await PrivateDatabase.use();
    app = await createTestApp();
    ds = app.get(DataSource);
    http = request(app.getHttpServer());
    await ensureReferenceData(ds);
    const org = await createOrganisation(ds);
    users.set(Role.sokande, await createUser(app, [Role.sokande], [org.id]));
    users.set(Role.handlaggare, await createUser(app, [Role.handlaggare]));
    users.set(Role.beslutsfattare, await createUser(app, [Role.beslutsfattare], [], ['3.2', '3.3']));
    users.set(Role.namndsekreterare, await createUser(app, [Role.namndsekreterare]));
    users.set(Role.admin, await createUser(app, [Role.admin]));
    const applicant = users.get(Role.sokande)!;
    const officer = users.get(Role.handlaggare)!;
    const flow = new CaseFlow(app, { officer });
    const project = await flow.assessed(applicant, mindLikeProject(org.id));
    const decision = await flow.draft(project, {
      outcome: 'avslag',
      rejectionGrounds: 'Uppfyller ej villkor',
    });
    const rules = (await http.get('/api/policy/inriktningsbeslut').set(officer.auth).expect(200)).body[0];
    const points = (await http.get('/api/delegation-points').set(officer.auth).expect(200)).body;
    Object.assign(ids, {
      case: project,
      organisation: org.id,
      decision: decision.id,
      rules: rules.id,
      point: points[0].id,
      person: officer.account.id,
    });
    doc = (await http.get('/api/docs-json').expect(200)).body as OpenApiDoc;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  }, 30_000);

  /** Real ids where the route names one, so that each request gets as far as its input is read. */
  function url(path: string, override?: { name: string; value: string }): string {
    return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      if (override?.name === name) return encodeURIComponent(override.value);
      if (name === 'caseId' || (name === 'id' && path.startsWith('/api/cases/'))) return ids.case;
      if (name === 'kind') return 'application_section';
      if (name === 'code') return path.includes('kommuner') ? '1880' : 'sammanfattning';
      if (path.startsWith('/api/decisions/')) return ids.decision;
      if (path.startsWith('/api/organisations/')) return ids.organisation;
      if (path.startsWith('/api/policy/inriktningsbeslut/')) return ids.rules;
      if (path.startsWith('/api/delegation-points/')) return ids.point;
      if (path.startsWith('/api/people/')) return ids.person;
      return NIL;
    });
  }

  /** A value of the schema's type, from its example where it has one. */
  function sample(s: Schema, depth = 0): unknown {
    const r = resolve(doc, s);
    if (r.example !== undefined) return r.example;
    if (r.enum?.length) return r.enum[0];
    if (r.type === 'array') return r.items ? [sample(r.items, depth + 1)] : [];
    if (r.type === 'object' || r.properties) {
      const out: Record<string, unknown> = {};
      if (depth < 4)
        for (const k of r.required ?? []) out[k] = sample(r.properties?.[k] ?? { type: 'string' }, depth + 1);
      return out;
    }
    if (r.type === 'integer' || r.type === 'number') return 1;
    if (r.type === 'boolean') return true;
    if (r.format === 'date') return '2020-01-01';
    return 'x';
  }

  interface Mutation {
    field: string;
    what: string;
    apply: (body: Record<string, unknown>) => void;
  }

  /** The bad variants of a body: for each property (and the properties of its objects and items). */
  function mutations(s: Schema, prefix = '', depth = 0): Mutation[] {
    const r = resolve(doc, s);
    const out: Mutation[] = [];
    for (const [name, raw] of Object.entries(r.properties ?? {})) {
      const p = resolve(doc, raw);
      const field = prefix ? `${prefix}.${name}` : name;
      const set = (value: unknown) => (b: Record<string, unknown>) => {
        b[name] = value;
      };
      if (r.required?.includes(name)) out.push({ field, what: 'saknas', apply: (b) => delete b[name] });
      const wrong =
        p.type === 'string'
          ? 12345
          : p.type === 'array'
            ? 'ingen lista'
            : p.type === 'object'
              ? 7
              : 'fel typ';
      out.push({ field, what: 'fel typ', apply: set(wrong) });
      if (p.type === 'integer' || p.type === 'number') {
        out.push({ field, what: 'för stort', apply: set(10 ** 16) });
        out.push({ field, what: 'negativt', apply: set(-(10 ** 16)) });
        out.push({ field, what: 'inget heltal', apply: set(1.5) });
      }
      if (p.type === 'string' && !p.enum && !p.format)
        out.push({ field, what: 'för lång', apply: set('å'.repeat(100_001)) });
      if (p.enum) out.push({ field, what: 'okänd kod', apply: set('okand_kod') });
      if (p.type === 'array' && p.items && p.items.type !== 'string' && depth < 2) {
        const item = resolve(doc, p.items);
        for (const m of mutations(item, `${field}[0]`, depth + 1))
          out.push({
            field: m.field,
            what: m.what,
            apply: (b) => {
              const list = (b[name] = [sample(item)]) as Record<string, unknown>[];
              m.apply(list[0]);
            },
          });
      }
      if (p.type === 'array' && resolve(doc, p.items ?? {}).enum)
        out.push({ field: `${field}[0]`, what: 'okänd kod', apply: set(['okand_kod']) });
      if ((p.type === 'object' || p.properties) && p.properties && depth < 2)
        for (const m of mutations(p, field, depth + 1))
          out.push({
            field: m.field,
            what: m.what,
            apply: (b) => {
              const inner = (b[name] = sample(p)) as Record<string, unknown>;
              m.apply(inner);
            },
          });
    }
    return out;
  }

  function queryMutations(op: Operation): { field: string; what: string; query: Record<string, string> }[] {
    const out: { field: string; what: string; query: Record<string, string> }[] = [];
    for (const p of (op.parameters ?? []).filter((x) => x.in === 'query')) {
      const s = resolve(doc, p.schema);
      const items = s.type === 'array' ? resolve(doc, s.items ?? {}) : s;
      if (items.type === 'integer' || items.type === 'number') {
        out.push({ field: p.name, what: 'fel typ', query: { [p.name]: 'abc' } });
        out.push({ field: p.name, what: 'för stort', query: { [p.name]: '10000000000000000' } });
      } else if (items.type === 'boolean')
        out.push({ field: p.name, what: 'fel typ', query: { [p.name]: 'kanske' } });
      else if (items.enum) out.push({ field: p.name, what: 'okänd kod', query: { [p.name]: 'okand_kod' } });
      else out.push({ field: p.name, what: 'för lång', query: { [p.name]: 'x'.repeat(2_000) } });
    }
    return out;
  }

  it('answers every bad variant of every route with a 4xx naming the field, and writes nothing', async () => {
    const failures: string[] = [];
    let sent = 0;
    const before = await tableCounts(ds);
    for (const { method, path, op } of operations(doc)) {
      const roles = op['x-roles'] ?? [];
      const json = op.requestBody?.content['application/json'];
      const variants: {
        field: string;
        what: string;
        body?: unknown;
        query?: Record<string, string>;
        path?: string;
      }[] = [];
      if (json) {
        const schema = resolve(doc, json.schema);
        for (const m of mutations(schema)) {
          const body = sample(schema) as Record<string, unknown>;
          m.apply(body);
          variants.push({ field: m.field, what: m.what, body });
        }
      }
      for (const q of queryMutations(op)) variants.push({ ...q });
      for (const p of (op.parameters ?? []).filter((x) => x.in === 'path'))
        variants.push({
          field: p.name,
          what: 'ogiltig sökväg',
          body: json ? sample(resolve(doc, json.schema)) : undefined,
          path: p.name,
        });
      for (const role of roles)
        for (const v of variants) {
          const target = v.path ? url(path, { name: v.path, value: 'inte-ett-id' }) : url(path);
          let req = (http as unknown as Record<string, (u: string) => request.Test>)
            [method](target)
            .set(users.get(role)!.auth);
          if (v.query) req = req.query(v.query);
          if (v.body !== undefined) req = req.send(v.body as object);
          const res = await req;
          sent++;
          const label = `${method.toUpperCase()} ${path} as ${role}: ${v.field} ${v.what} → ${res.status}`;
          const body = res.body as {
            statusCode?: number;
            code?: string;
            message?: string;
            details?: { field: string }[];
            requestId?: string;
          };
          if (res.status < 400 || res.status >= 500) {
            failures.push(label);
            continue;
          }
          const shaped =
            body.statusCode === res.status &&
            typeof body.code === 'string' &&
            typeof body.message === 'string' &&
            Array.isArray(body.details) &&
            typeof body.requestId === 'string';
          if (!shaped) failures.push(`${label}: not the error shape`);
          else if (res.status === 400 && !body.details!.some((d) => nameMatches(d.field, v.field)))
            failures.push(
              `${label}: field not named (${body.details!.map((d) => `${d.field}: ${(d as { problem?: string }).problem}`).join(', ')})`,
            );
        }
    }
    expect(sent).toBeGreaterThan(300);
    expect(failures).toEqual([]);
    expect(await tableCounts(ds)).toEqual(before);
  }, 600_000);

  /** The answer names the field sent wrong, or the part of it that is wrong. */
  function nameMatches(answered: string, sent: string): boolean {
    return (
      answered === sent ||
      answered.startsWith(`${sent}.`) ||
      answered.startsWith(`${sent}[`) ||
      sent.startsWith(`${answered}.`) ||
      sent.startsWith(`${answered}[`)
    );
  }
});
