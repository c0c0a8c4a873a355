import { formatKronor, sekToEur } from '@anslag/money';
import { outcomeOf, pass } from '../checks';
import { inForce, stockholmDate, yearsBefore } from '../dates';
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
import { assessDeMinimis, rateOn, regimeByCode } from './de-minimis';
import { checkGeography, checkSize } from './eligibility';
import { assessHomeDelivery } from './home-delivery';
import { stateAidConditions } from './state-aid-conditions';
import { firmPriority } from './priority';
import { firmTerms } from './terms';

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

/** The first day the per-company cap counts grants from, and how a reason says it; null: all time. */
function capWindow(
  form: ResolvedAidForm,
  ruleSet: RuleSet,
  date: IsoDate,
): { from: IsoDate; text: string } | null {
  const w = form.maxPerCompanyWindow;
  if (!w || w.kind === 'all_time') return null;
  if (w.kind === 'rule_set') return { from: ruleSet.validFrom, text: `enligt ${ruleSet.shortTitle}` };
  const from = yearsBefore(date, w.years);
  return { from, text: `de senaste ${w.years} åren (sedan ${from})` };
}

function earlierGrants(
  input: FirmEvaluationInput,
  form: ResolvedAidForm,
  window: { from: IsoDate } | null,
  date: IsoDate,
): number {
  let total = 0;
  const prefix = `${form.code}/`; // a grant recorded under a subform counts for its form
  for (const g of input.history?.grants ?? []) {
    if (window && (g.date < window.from || g.date > date)) continue;
    if (g.aidForm === form.code || g.aidForm.startsWith(prefix)) total += g.amount;
  }
  return total;
}

/** GBER art. 9: awards above the threshold in force (dated: EUR 500 000 before the 2023 amendment). */
function gberTransparency(ruleSet: RuleSet, grant: number, date: IsoDate, ref: RuleRef): Check | null {
  const threshold = ruleSet.stateAid?.gberPublicationThresholds.find((t) => inForce(t, date));
  const rate = rateOn(ruleSet.deMinimis.exchangeRates, date);
  if (!threshold || !rate || sekToEur(grant, rate.orePerEur) <= threshold.eur) return null;
  const reason = `Stödet (${formatKronor(grant)}) överstiger ${formatKronor(threshold.eur, { unit: false })} euro och ska publiceras i EU:s register över statligt stöd inom sex månader (${threshold.source}).`;
  return pass('gber.transparency', reason, ref);
}

/** The firm's own conditions: geography, size, and the conditions the officer assesses by hand. */
function eligibilityChecks(input: FirmEvaluationInput, form: ResolvedAidForm, checks: Check[]): void {
  checks.push(checkGeography(form, input.organisation, input.serviceArea));
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
  const regime = eu ? regimeByCode(ruleSet.deMinimis, eu.code) : null;
  const group = input.singleUndertaking ?? [];
  const dm = assessDeMinimis(ruleSet.deMinimis, regime, aid, decisionDate, grant, fyStart, group);
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
  const basis = chooseLegalBasis(form.legalBasis, route, decisionDate, form.ref, input.euBasis);
  checks.push(basis.check);
  const appliedProblem = checkApplied(input.amountApplied, form.ref);
  if (appliedProblem) checks.push(appliedProblem);
  eligibilityChecks(input, form, checks);
  const rate = rateOn(ruleSet.deMinimis.exchangeRates, decisionDate);
  const size = stateAidConditions(
    input,
    ruleSet,
    route,
    basis.eu,
    rate?.orePerEur ?? null,
    decisionDate,
    checks,
  );

  const incentiveRef: RuleRef = {
    source: basis.national[0]?.title ?? ruleSet.shortTitle,
    clause: 'stimulanseffekt: ansökan ska komma in innan arbetet påbörjas',
  };
  const receiptDate = stockholmDate(input.receivedAt);
  checks.push(checkIncentiveStart(input, receiptDate, incentiveRef));
  const eligibleCosts = assessCosts(input, form, ruleSet, receiptDate, incentiveRef, checks);

  const applied = appliedProblem ? 0 : input.amountApplied;
  const delivery = assessHomeDelivery(input, form, decisionDate, applied, checks);
  const window = capWindow(form, ruleSet, decisionDate);
  const terms = firmTerms(
    {
      form: delivery.limits ? { ...form, maxShareBp: delivery.limits.maxShareBp } : form,
      eligibleCosts,
      applied,
      earlier: earlierGrants(input, form, window, decisionDate),
      eu: basis.eu,
      employees: input.organisation.employees,
      size,
      capWindowText: window?.text,
    },
    checks,
  );
  if (delivery.term) terms.splice(terms.length - 1, 0, delivery.term);
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
