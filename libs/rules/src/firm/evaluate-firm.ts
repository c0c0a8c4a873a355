import { formatKronor, sekToEur } from '@anslag/money';
import { outcomeOf, pass } from '../checks';
import { stockholmDate } from '../dates';
import { buildMaxGrant, checkApplied, smallestTerm, term } from '../grant';
import { chooseLegalBasis } from '../legal-basis';
import type {
  Check,
  DeMinimisStatus,
  Evaluation,
  FirmEvaluationInput,
  GrantTerm,
  IsoDate,
  LegalBasis,
  RuleRef,
  RuleSet,
  RusCatalogue,
  StateAidRoute,
} from '../types';
import { resolveAidForm, type ResolvedAidForm } from './aid-form';
import { assessCosts, checkIncentiveStart } from './costs';
import { assessDeMinimis, rateOn } from './de-minimis';
import { checkGeography, checkSize } from './eligibility';
import { firmPriority } from './priority';
import { firmTerms } from './terms';

/** GBER awards above this many euro are published in the EU's state-aid register (art. 9). */
const GBER_TRANSPARENCY_EUR = 100_000;

function refused(ruleSet: RuleSet, rus: RusCatalogue | undefined, checks: Check[]): Evaluation {
  return {
    ruleSetId: ruleSet.id,
    rusId: rus?.id ?? null,
    track: 'foretagsstod',
    outcome: 'not_eligible',
    checks,
    priority: { track: 'foretagsstod', criteria: [] },
    maxGrant: { amount: 0, terms: [], limitedBy: [] },
    legalBasis: [],
    appealable: false,
    eligibleCosts: 0,
    deMinimis: null,
  };
}

function earlierGrants(input: FirmEvaluationInput, form: ResolvedAidForm): number {
  let total = 0;
  const prefix = `${form.code}/`; // a grant recorded under a subform counts for its form
  for (const g of input.history?.grants ?? []) {
    if (g.aidForm === form.code || g.aidForm.startsWith(prefix)) total += g.amount;
  }
  return total;
}

function gberTransparency(ruleSet: RuleSet, grant: number, date: IsoDate, ref: RuleRef): Check | null {
  const rate = rateOn(ruleSet.deMinimis.exchangeRates, date);
  if (!rate || sekToEur(grant, rate.orePerEur) <= GBER_TRANSPARENCY_EUR) return null;
  const reason = `Stödet (${formatKronor(grant)}) överstiger 100 000 euro och ska publiceras i EU:s register över statligt stöd inom sex månader.`;
  return pass('gber.transparency', reason, ref);
}

/** The firm's own conditions: geography, size, and the conditions the officer assesses by hand. */
function eligibilityChecks(input: FirmEvaluationInput, form: ResolvedAidForm, checks: Check[]): void {
  checks.push(checkGeography(form, input.organisation));
  checkSize(form, input.organisation, checks);
  for (const condition of form.conditions ?? []) {
    checks.push(pass('condition', `Att bedöma: ${condition}`, form.ref));
  }
}

/** De minimis room (its check and its term) or, under the block exemption, the transparency note. */
function stateAidChecks(
  input: FirmEvaluationInput,
  ruleSet: RuleSet,
  route: StateAidRoute,
  eu: LegalBasis | null,
  decisionDate: IsoDate,
  terms: GrantTerm[],
  checks: Check[],
): DeMinimisStatus | null {
  const grant = smallestTerm(terms);
  if (route === 'gber' && eu) {
    const t = gberTransparency(ruleSet, grant, decisionDate, { source: eu.title });
    if (t) checks.push(t);
  }
  if (route !== 'de_minimis') return null;
  const aid = input.history?.deMinimis ?? [];
  const fyStart = input.organisation.fiscalYearStartMonth;
  const dm = assessDeMinimis(ruleSet.deMinimis, aid, decisionDate, grant, fyStart);
  checks.push(dm.check);
  if (dm.status) {
    const reason = `Utrymme för stöd av mindre betydelse: ${formatKronor(dm.status.roomSek)}`;
    terms.push(term('de_minimis', dm.status.roomSek, reason, { source: dm.check.ref }));
  }
  return dm.status;
}

export function evaluateFirm(
  input: FirmEvaluationInput,
  ruleSet: RuleSet,
  rus: RusCatalogue | undefined,
  decisionDate: IsoDate,
): Evaluation {
  const checks: Check[] = [];
  const form = resolveAidForm(ruleSet, input.aidForm, input.subform, checks);
  if (!form) return refused(ruleSet, rus, checks);

  const route = input.stateAidRoute ?? form.defaultRoute;
  const basis = chooseLegalBasis(form.legalBasis, route, decisionDate, form.ref);
  checks.push(basis.check);
  const appliedProblem = checkApplied(input.amountApplied, form.ref);
  if (appliedProblem) checks.push(appliedProblem);
  eligibilityChecks(input, form, checks);

  const incentiveRef: RuleRef = {
    source: basis.national[0]?.title ?? ruleSet.shortTitle,
    clause: 'stimulanseffekt: ansökan ska komma in innan arbetet påbörjas',
  };
  const receiptDate = stockholmDate(input.receivedAt);
  checks.push(checkIncentiveStart(input, receiptDate, incentiveRef));
  const eligibleCosts = assessCosts(input, form, ruleSet, receiptDate, incentiveRef, checks);

  const terms = firmTerms(
    {
      form,
      eligibleCosts,
      applied: appliedProblem ? 0 : input.amountApplied,
      earlier: earlierGrants(input, form),
      eu: basis.eu,
      employees: input.organisation.employees,
    },
    checks,
  );
  const deMinimis = stateAidChecks(input, ruleSet, route, basis.eu, decisionDate, terms, checks);
  const { priority, check } = firmPriority(input, form, ruleSet);
  checks.push(check);
  const outcome = outcomeOf(checks);
  return {
    ruleSetId: ruleSet.id,
    rusId: rus?.id ?? null,
    track: 'foretagsstod',
    outcome,
    checks,
    priority,
    maxGrant: buildMaxGrant(terms, outcome),
    legalBasis: basis.eu ? [...basis.national, basis.eu] : basis.national,
    appealable: form.appealable,
    eligibleCosts,
    deMinimis,
  };
}
