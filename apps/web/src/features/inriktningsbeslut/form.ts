import { parseAmount } from '../ansokan/amount';
import { svInriktning as ti } from '../../text/sv-inriktning';
import { sv } from '../../text/sv';

/**
 * The fields of a draft inriktningsbeslut the admin edits in the form. Each names its place in the rule
 * set (`path`), so that its input id is the API's field name (`content.frames.projekt.amount` →
 * `content-frames-projekt-amount`) and a problem the API reports lands at its input.
 */
export type FieldKind =
  | 'text'
  | 'longText'
  | 'date'
  | 'optionalDate'
  | 'kronor'
  | 'optionalKronor'
  | 'subframe'
  | 'percent'
  | 'count'
  | 'choice'
  | 'list';

export interface DraftField {
  id: string;
  path: string[];
  kind: FieldKind;
  section: 'decision' | 'frames' | 'aidForms' | 'priorities';
  /** The fieldset the field sits in (an aid form, a frame), named in error messages. */
  group?: string;
  label: string;
  hint?: string;
  options?: string[];
  optionLabels?: Record<string, string>;
}

export const idOf = (path: string[]) => ['content', ...path].join('-');

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});

export function valueAt(content: Obj, path: string[]): unknown {
  let v: unknown = content;
  for (const p of path) v = obj(v)[p];
  return v;
}

/** The fields the rule set has, in the order the form shows them. */
export function fieldsOf(content: Obj): DraftField[] {
  const f = ti.fields;
  const out: DraftField[] = [];
  const add = (d: Omit<DraftField, 'id'>) => out.push({ ...d, id: idOf(d.path) });
  add({ path: ['title'], kind: 'text', section: 'decision', label: f.title });
  add({
    path: ['shortTitle'],
    kind: 'text',
    section: 'decision',
    label: f.shortTitle,
    hint: f.shortTitleHint,
  });
  add({ path: ['validFrom'], kind: 'date', section: 'decision', label: f.validFrom, hint: f.dateHint });
  add({
    path: ['validTo'],
    kind: 'optionalDate',
    section: 'decision',
    label: f.validTo,
    hint: f.validToHint,
  });

  const aidForms = Object.entries(obj(content.aidForms)) as [string, Obj][];
  for (const [code, frame] of Object.entries(obj(content.frames)) as [string, Obj][]) {
    const group = String(frame.name ?? code);
    const path = ['frames', code];
    add({ path: [...path, 'amount'], kind: 'kronor', section: 'frames', group, label: f.amount });
    add({
      path: [...path, 'binding'],
      kind: 'choice',
      section: 'frames',
      group,
      label: f.binding,
      options: Object.keys(ti.bindings),
      optionLabels: ti.bindings,
    });
    const drawn = new Set([
      ...aidForms.filter(([, a]) => a.frame === code).map(([c]) => c),
      ...Object.keys(obj(frame.aidForms)),
    ]);
    for (const form of drawn) {
      const name = String(obj(obj(content.aidForms)[form]).name ?? form);
      add({
        path: [...path, 'aidForms', form],
        kind: 'subframe',
        section: 'frames',
        group,
        label: f.subframe(name),
        hint: ti.emptyMeansNone,
      });
    }
  }

  for (const [code, form] of aidForms) {
    const group = String(form.name ?? code);
    const path = ['aidForms', code];
    const limit = (key: string, kind: FieldKind) =>
      add({
        path: [...path, key],
        kind,
        section: 'aidForms',
        group,
        label: sv.admin.fields[key as keyof typeof sv.admin.fields],
      });
    limit('maxShareBp', 'percent');
    limit('maxPerDecision', 'optionalKronor');
    limit('maxPerCompany', 'optionalKronor');
    if (form.size)
      add({
        path: [...path, 'size', 'maxEmployees'],
        kind: 'count',
        section: 'aidForms',
        group,
        label: f.maxEmployees,
      });
    const geo = obj(form.geography);
    if (geo.kind === 'outside_tatort') {
      add({
        path: [...path, 'geography', 'mode'],
        kind: 'choice',
        section: 'aidForms',
        group,
        label: f.tatortMode(String(geo.tatort ?? '')),
        options: Object.keys(ti.tatortModes),
        optionLabels: ti.tatortModes,
      });
      add({
        path: [...path, 'geography', 'exceptions'],
        kind: 'list',
        section: 'aidForms',
        group,
        label: f.exceptions,
        options: Object.keys(ti.exceptions),
        optionLabels: ti.exceptions,
      });
    }
  }

  const criteria = Array.isArray(content.firmPriorityCriteria) ? content.firmPriorityCriteria : [];
  criteria.forEach((_, i) =>
    add({
      path: ['firmPriorityCriteria', String(i), 'text'],
      kind: 'text',
      section: 'priorities',
      group: ti.sections.firmPriorities,
      label: f.criterion(i + 1),
    }),
  );
  const ranking = Array.isArray(content.projectRanking) ? (content.projectRanking as Obj[]) : [];
  ranking.forEach((r, i) =>
    add({
      path: ['projectRanking', String(i), 'text'],
      kind: 'longText',
      section: 'priorities',
      group: ti.sections.projectRanking,
      label: f.rank(String(r.rank ?? i + 1)),
    }),
  );
  return out;
}

/** The value as the input shows it: kronor as whole numbers, basis points as per cent. */
export function shownValue(f: DraftField, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (f.kind === 'percent' && typeof v === 'number') return String(v / 100).replace('.', ',');
  if (f.kind === 'list' && Array.isArray(v)) return v.join(',');
  return String(v);
}

/** What the admin typed, as the rule set holds it; what cannot be read goes as typed, for the API to name. */
export function parsedValue(f: DraftField, typed: string): unknown {
  const s = typed.trim();
  switch (f.kind) {
    case 'optionalDate':
      return s === '' ? null : s;
    case 'kronor':
      return parseAmount(typed) ?? typed;
    case 'optionalKronor':
    case 'subframe':
      return parseAmount(typed) ?? null;
    case 'count':
      return s === '' ? null : /^\d{1,9}$/.test(s) ? Number(s) : typed;
    case 'percent': {
      if (s === '') return null;
      const p = s.replace(',', '.');
      return /^\d{1,3}(\.\d{1,2})?$/.test(p) ? Math.round(Number(p) * 100) : typed;
    }
    case 'list':
      return s === '' ? [] : s.split(',');
    case 'date':
      return s;
    default:
      return typed;
  }
}

/** The rule set with every field's typed value written back; the rest travels unchanged. */
export function contentWith(content: Obj, fields: DraftField[], typed: Record<string, string>): Obj {
  const out = structuredClone(content);
  for (const f of fields) {
    const parent = f.path.slice(0, -1).reduce<Obj>((o, p) => {
      if (!o[p] || typeof o[p] !== 'object') o[p] = {};
      return o[p] as Obj;
    }, out);
    const key = f.path[f.path.length - 1];
    const value = parsedValue(f, typed[f.id] ?? '');
    if (f.kind === 'subframe' && value === null) delete parent[key];
    else parent[key] = value;
  }
  // A frame whose sub-frames were all emptied has none.
  for (const frame of Object.values(obj(out.frames)) as Obj[])
    if (frame.aidForms && !Object.keys(obj(frame.aidForms)).length) delete frame.aidForms;
  return out;
}
