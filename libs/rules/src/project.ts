import { applyShare, formatKronor, formatShare } from '@anslag/money';
import { fail, formatRef, note, outcomeOf, pass } from './checks';
import { buildMaxGrant, capCheck, checkApplied, term } from './grant';
import { chooseLegalBasis } from './legal-basis';
import type {
  Check,
  Evaluation,
  IsoDate,
  ProjectEvaluationInput,
  ProjectPriority,
  ProjectRank,
  ProjectRankCode,
  RuleRef,
  RuleSet,
  RusCatalogue,
} from './types';

function rankMatches(rank: ProjectRank, input: ProjectEvaluationInput): boolean {
  const c = rank.criterion;
  switch (c.kind) {
    case 'eu_cofinancing':
      return input.euCofinancing;
    case 'rus_area':
      return input.rusAreas.some((a) => c.areas.includes(a));
    case 'builds_on_earlier':
      return input.buildsOnEarlier;
    case 'forstudie':
      return input.forstudie;
  }
}

function statement(rank: ProjectRank): string {
  if (rank.criterion.kind === 'forstudie') {
    return `Projektet är en förstudie. Enligt inriktningsbeslutet gäller: ”${rank.text}”`;
  }
  return `Enligt inriktningsbeslutet är projektet prioriterat enligt rangordningen ${rank.rank}. ${rank.text}`;
}

/**
 * The project's rank: the first rank in the decision's order that the project meets. The decision
 * lists förstudier "utöver dessa prioriteringar", so a förstudie inside a ranked area keeps that rank
 * (as MIND, a förstudie in Innovationskraft och specialisering, was ranked 2b) and the förstudie rank
 * applies when no numbered rank does.
 */
export function rankProject(input: ProjectEvaluationInput, ruleSet: RuleSet): ProjectPriority {
  const matches = ruleSet.projectRanking.filter((r) => rankMatches(r, input));
  const first = matches[0];
  if (!first) {
    const text = 'Projektet omfattas inte av någon av inriktningsbeslutets prioriteringar.';
    return { track: 'projekt', rank: 'none', text: '', statement: text, ref: null, alsoMatches: [] };
  }
  const alsoMatches: ProjectRankCode[] = matches.slice(1).map((r) => r.rank);
  return {
    track: 'projekt',
    rank: first.rank,
    text: first.text,
    statement: statement(first),
    ref: formatRef(first.ref),
    alsoMatches,
  };
}

function checkAreas(input: ProjectEvaluationInput, rus: RusCatalogue | undefined, ref: RuleRef): Check {
  if (input.rusAreas.length === 0) {
    return fail(
      'project.rus_area',
      'remark',
      'Ansökan anger inget prioriterat område i den regionala utvecklingsstrategin.',
      ref,
    );
  }
  if (!rus) return pass('project.rus_area', `Angivna områden: ${input.rusAreas.join(', ')}.`, ref);
  const unknown = input.rusAreas.filter((a) => !rus.areas.some((x) => x.code === a));
  if (unknown.length > 0) {
    return fail('project.rus_area', 'remark', `Okända områden i ${rus.id}: ${unknown.join(', ')}.`, ref);
  }
  const names = input.rusAreas.map((a) => rus.areas.find((x) => x.code === a)?.name ?? a);
  const text = `Projektet genomförs enligt den regionala utvecklingsstrategins prioriterade område ${names.join(' och ')}.`;
  return pass('project.rus_area', text, ref);
}

/**
 * 2003:596 § 2: project money should not be state aid; where it would be, the government is told before
 * the decision. Every project records the officer's assessment; an overlap with the company-aid
 * ordinances is flagged for the officer to weigh.
 */
function stateAidChecks(
  input: ProjectEvaluationInput,
  ref: RuleRef,
  overlapOrdinances: readonly string[],
  checks: Check[],
): void {
  const a = input.stateAid;
  const sref: RuleRef = { ...ref, clause: 'statsstödsbedömning (förordning 2003:596, 2 §)' };
  if (!a) {
    const reason = 'Statsstödsbedömningen saknas: bedöm om projektmedlen utgör statligt stöd till någon.';
    checks.push(fail('project.state_aid', 'remark', reason, sref));
  } else if (!a.isStateAid) {
    checks.push(pass('project.state_aid', 'Projektmedlen bedöms inte utgöra statligt stöd.', sref));
  } else if (!a.governmentNotifiedOn) {
    const reason =
      'Projektmedlen bedöms utgöra statligt stöd: regeringen ska underrättas innan beslut fattas, och det är inte gjort.';
    checks.push(fail('project.state_aid', 'refusal', reason, sref));
  } else {
    const reason = `Projektmedlen bedöms utgöra statligt stöd; regeringen underrättades ${a.governmentNotifiedOn}.`;
    checks.push(fail('project.state_aid', 'remark', reason, sref));
  }
  const overlaps = (a?.overlapsWith ?? []).filter((o) => overlapOrdinances.includes(o));
  if (overlaps.length > 0) {
    const reason = `Projektet överlappar insatser enligt ${overlaps.join(', ')}; sådant stöd ges enligt de förordningarna, inte som projektmedel.`;
    checks.push(fail('project.overlap', 'remark', reason, sref));
  }
}

function projectTerms(input: ProjectEvaluationInput, ruleSet: RuleSet, applied: number, checks: Check[]) {
  const rules = ruleSet.projectRules;
  const costs = input.bookedCostsTotal;
  const share = term(
    'andel',
    applyShare(costs, rules.maxShareBp),
    `${formatShare(rules.maxShareBp)} av bokförda kostnader ${formatKronor(costs)}`,
    rules.ref,
  );
  const within = `Sökt belopp ${formatKronor(applied)} ryms inom de bokförda kostnaderna ${formatKronor(costs)}.`;
  const above = `Sökt belopp ${formatKronor(applied)} är större än ${formatShare(rules.maxShareBp)} av de bokförda kostnaderna ${formatKronor(costs)}.`;
  checks.push(capCheck('grant.share', share, applied, within, above));
  return [share, term('ansokt', applied, `Sökt belopp ${formatKronor(applied)}`, rules.ref)];
}

export function evaluateProject(
  input: ProjectEvaluationInput,
  ruleSet: RuleSet,
  rus: RusCatalogue | undefined,
  decisionDate: IsoDate,
): Evaluation {
  const rules = ruleSet.projectRules;
  const checks: Check[] = [];
  const basis = chooseLegalBasis(rules.legalBasis, 'none', decisionDate, rules.ref);
  checks.push(basis.check);
  const appliedProblem = checkApplied(input.amountApplied, rules.ref);
  if (appliedProblem) checks.push(appliedProblem);
  if (!Number.isSafeInteger(input.bookedCostsTotal) || input.bookedCostsTotal <= 0) {
    checks.push(
      fail(
        'project.costs',
        'refusal',
        'De bokförda kostnaderna måste vara hela kronor över noll.',
        rules.ref,
      ),
    );
  }
  checks.push(checkAreas(input, rus, rules.ref));
  stateAidChecks(input, rules.ref, rules.overlapOrdinances ?? [], checks);
  const priority = rankProject(input, ruleSet);
  const rankRef: RuleRef = {
    source: ruleSet.shortTitle,
    section: 'Regionala utvecklingsprojekt',
    clause: 'Inriktning',
  };
  checks.push(
    priority.rank === 'none'
      ? note('priority', priority.statement, rankRef)
      : pass('priority', priority.statement, { source: priority.ref ?? '' }),
  );
  const valid = !appliedProblem && checks.every((c) => c.rule !== 'project.costs');
  const terms = valid ? projectTerms(input, ruleSet, input.amountApplied, checks) : [];
  const outcome = outcomeOf(checks);
  return {
    ruleSetId: ruleSet.id,
    rusId: rus?.id ?? null,
    track: 'projekt',
    outcome,
    checks,
    priority,
    maxGrant: buildMaxGrant(terms, outcome),
    legalBasis: basis.national,
    appealable: rules.appealable,
    eligibleCosts: valid ? input.bookedCostsTotal : 0,
    deMinimis: null,
  };
}
