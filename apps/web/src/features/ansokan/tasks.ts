import type { Case } from '../../api/types';

/** The parts of a project application, each its own page: the path segment after /del/. */
export type TaskKey = string;
export const ABOUT = 'om-projektet';
export const BUDGET = 'budget';
export const ATTACHMENTS = 'bilagor';
export const sectionTask = (code: string) => `avsnitt-${code}`;

/** The part of the project application a field the API names belongs to. */
export function taskOfField(field: string): TaskKey {
  if (field.startsWith('sections.')) return sectionTask(field.slice('sections.'.length).split(/[.[]/)[0]);
  if (field.startsWith('budget')) return BUDGET;
  if (field.startsWith('attachments')) return ATTACHMENTS;
  return ABOUT;
}

export type TaskState = 'ej' | 'paborjad' | 'klar';

/**
 * A part's state: not started while nothing in it is filled in, started while the API's check still finds
 * a problem in it, done when filled in and the check finds none. The rules are the API's, never the form's.
 */
export function taskState(filled: boolean, problemFields: string[], task: TaskKey): TaskState {
  if (!filled) return 'ej';
  return problemFields.some((f) => taskOfField(f) === task) ? 'paborjad' : 'klar';
}

/** Whether the applicant has written anything in a part yet. */
export function filledIn(c: Case, task: TaskKey, attachmentCount: number): boolean {
  if (task === ABOUT) return !!(c.periodStart || c.periodEnd || c.rusAreas.length || c.description);
  if (task === BUDGET) return c.budgetLines.length > 0;
  if (task === ATTACHMENTS) return attachmentCount > 0;
  const code = task.slice('avsnitt-'.length);
  return !!c.sections[code]?.trim();
}
