import type { FieldError } from '../../api/errors';

/**
 * An API problem at a list's member (`roles[1]`, id `roles-1`) is shown at the list's group of checkboxes
 * (`roles`); problems at other fields keep their id.
 */
export function atGroups(errors: FieldError[], groups: Record<string, string>): FieldError[] {
  return errors.map((e) => {
    const group = Object.keys(groups).find(
      (g) => e.id.startsWith(`${g}-`) && /^\d+$/.test(e.id.slice(g.length + 1)),
    );
    return group ? { ...e, id: group, message: `${groups[group]}: ${e.message}` } : e;
  });
}

/** Typed kronor as the API takes them: a whole number, null when empty, and anything else as typed. */
export function kronorOrTyped(typed: string): number | string | null {
  const t = typed.replace(/[\s\u00a0]/g, '').replace(/kr$/i, '');
  if (t === '') return null;
  return /^\d{1,13}$/.test(t) ? Number(t) : typed;
}
