import { formatRef, pass } from '../checks';
import type { Check, FirmEvaluationInput, FirmPriority, PriorityCriterion, RuleRef, RuleSet } from '../types';
import type { ResolvedAidForm } from './aid-form';

function met(c: PriorityCriterion, input: FirmEvaluationInput, flags: readonly string[]): boolean {
  switch (c.fact) {
    case 'always':
      return true;
    case 'run_by_women':
      return input.organisation.runBy === 'kvinnor' || flags.includes(c.code);
    case 'new_innovative_idea':
      return input.organisation.newInnovativeIdea === true || flags.includes(c.code);
    case 'outside_tatort':
      return input.organisation.inTatort === false;
    default:
      return flags.includes(c.code);
  }
}

/** The priority criteria the case meets: the form's own and the firm criteria of the decision. */
export function firmPriority(
  input: FirmEvaluationInput,
  form: ResolvedAidForm,
  ruleSet: RuleSet,
): { priority: FirmPriority; check: Check } {
  const flags = input.priorityFlags ?? [];
  const firmRef: RuleRef = {
    source: ruleSet.shortTitle,
    section: 'Regionala företagsstöd',
    clause: 'Prioritering',
  };
  const criteria: FirmPriority['criteria'] = [];
  for (const c of form.priorityCriteria) {
    if (met(c, input, flags))
      criteria.push({ code: c.code, text: c.text, ref: formatRef(c.ref ?? form.ref) });
  }
  for (const c of ruleSet.firmPriorityCriteria) {
    if (met(c, input, flags)) criteria.push({ code: c.code, text: c.text, ref: formatRef(c.ref ?? firmRef) });
  }
  const reason =
    criteria.length === 0
      ? 'Inga prioritetshöjande kriterier enligt inriktningsbeslutet är uppfyllda.'
      : `Prioriteras enligt inriktningsbeslutet: ${criteria.map((c) => c.text).join(' ')}`;
  return { priority: { track: 'foretagsstod', criteria }, check: pass('priority', reason, firmRef) };
}
