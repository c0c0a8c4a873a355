import { fail } from './checks';
import { inForce } from './dates';
import { evaluateFirm } from './firm/evaluate-firm';
import { evaluateProject } from './project';
import type { Evaluation, EvaluationInput, RuleSet, RusCatalogue } from './types';

/**
 * Evaluates a case against the inriktningsbeslut (and, for projects, the RUS catalogue) it is assessed
 * under. A pure function of its arguments: no clock, no I/O; every date it needs is in the input.
 */
export function evaluate(input: EvaluationInput, ruleSet: RuleSet, rus?: RusCatalogue): Evaluation {
  const decisionDate = input.decisionDate ?? input.registrationDate;
  const evaluation =
    input.track === 'projekt'
      ? evaluateProject(input, ruleSet, rus, decisionDate)
      : evaluateFirm(input, ruleSet, rus, decisionDate);
  if (!inForce(ruleSet, decisionDate)) {
    const until = ruleSet.validTo ?? 'tills vidare';
    const reason = `${ruleSet.shortTitle} gäller ${ruleSet.validFrom}–${until}, inte ${decisionDate}; pröva ärendet mot det beslut som gäller då.`;
    evaluation.checks.unshift(fail('rule_set', 'remark', reason, { source: ruleSet.title }));
    if (evaluation.outcome === 'eligible') evaluation.outcome = 'eligible_with_remarks';
  }
  return evaluation;
}
