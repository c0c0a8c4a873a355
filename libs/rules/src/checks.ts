import type { Check, Outcome, RuleRef, Severity } from './types';

/** "Inriktningsbeslut 2019, Regionala företagsstöd, Mikrobidrag" */
export function formatRef(ref: RuleRef): string {
  let text = ref.source;
  if (ref.section) text += `, ${ref.section}`;
  if (ref.clause) text += `, ${ref.clause}`;
  return text;
}

export function pass(rule: string, reason: string, ref: RuleRef): Check {
  return { rule, passed: true, severity: 'info', reason, ref: formatRef(ref) };
}

export function fail(rule: string, severity: Exclude<Severity, 'info'>, reason: string, ref: RuleRef): Check {
  return { rule, passed: false, severity, reason, ref: formatRef(ref) };
}

/** A remark on a rule that is met but asks the officer to look (a priority not met, a fact to assess). */
export function note(rule: string, reason: string, ref: RuleRef): Check {
  return { rule, passed: true, severity: 'remark', reason, ref: formatRef(ref) };
}

export function outcomeOf(checks: readonly Check[]): Outcome {
  let remarks = false;
  for (const c of checks) {
    if (c.severity === 'refusal') return 'not_eligible';
    if (c.severity === 'remark') remarks = true;
  }
  return remarks ? 'eligible_with_remarks' : 'eligible';
}
