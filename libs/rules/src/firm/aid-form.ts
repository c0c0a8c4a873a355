import { fail, note } from '../checks';
import type { AidFormRules, Check, RuleRef, RuleSet } from '../types';

/**
 * An aid form with its subform's overrides applied: what the rules of one case actually are. Without
 * a subform it is the form itself (not copied: evaluation is on the hot path and never writes to it).
 */
export interface ResolvedAidForm extends AidFormRules {
  /** The main form's code: earlier grants and per-company caps count per main form. */
  code: string;
  subform?: string | null;
  frame: string;
}

function rulesRef(ruleSet: RuleSet): RuleRef {
  return { source: ruleSet.shortTitle, section: 'Regionala företagsstöd' };
}

/**
 * Looks up the aid form (and subform) of a case. A subform only overrides the fields it states; the
 * rest are the main form's. Returns the checks that explain a missing or unknown form.
 */
export function resolveAidForm(
  ruleSet: RuleSet,
  code: string,
  subform: string | null | undefined,
  checks: Check[],
): ResolvedAidForm | null {
  // "kommersiell_service/driftstod" names the form and its subform in one code.
  const slash = code.indexOf('/');
  if (slash > 0 && !subform)
    return resolveAidForm(ruleSet, code.slice(0, slash), code.slice(slash + 1), checks);
  const form = Object.prototype.hasOwnProperty.call(ruleSet.aidForms, code)
    ? ruleSet.aidForms[code]
    : undefined;
  if (!form) {
    const known = Object.values(ruleSet.aidForms)
      .map((f) => f.name)
      .join(', ');
    checks.push(
      fail(
        'aid_form',
        'refusal',
        `Stödformen ”${code}” finns inte i ${ruleSet.shortTitle} (${known}).`,
        rulesRef(ruleSet),
      ),
    );
    return null;
  }
  const subforms = form.subforms;
  if (!subform) {
    if (subforms && Object.keys(subforms).length > 0) {
      const names = Object.values(subforms).map((s) => s.name);
      checks.push(
        note('aid_form', `Ange vilken del av ${form.name} som söks (${names.join(', ')}).`, form.ref),
      );
    }
    return form;
  }
  const sub =
    subforms && Object.prototype.hasOwnProperty.call(subforms, subform) ? subforms[subform] : undefined;
  if (!sub) {
    checks.push(fail('aid_form', 'refusal', `${form.name} har ingen delstödform ”${subform}”.`, form.ref));
    return null;
  }
  const { code: subCode, ...overrides } = sub;
  return { ...form, ...overrides, name: `${form.name}/${sub.name}`, code: form.code, subform: subCode };
}
