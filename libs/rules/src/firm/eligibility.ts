import { fail, note, pass } from '../checks';
import type { Check, OrganisationFacts, RuleRef, ServiceAreaFact, TatortException } from '../types';
import type { ResolvedAidForm } from './aid-form';

const EXCEPTION_TEXT: Record<TatortException, string> = {
  born_outside_nordics: 'företag som drivs av personer födda utanför Norden',
  run_by_women_new_innovative_idea:
    'företag som drivs av kvinnor, för nya innovativa idéer i befintliga företag',
};

/** Whether an exception holds: true, false, or null when a fact it needs is not known. */
function exceptionHolds(exception: TatortException, org: OrganisationFacts): boolean | null {
  if (exception === 'born_outside_nordics') return org.bornOutsideNordics;
  // "Drivs av kvinnor": a firm run by men, or by women and men together, does not meet it.
  if (org.runBy === 'man' || org.runBy === 'bada' || org.newInnovativeIdea === false) return false;
  if (org.runBy === null || org.newInnovativeIdea === null) return null;
  return true;
}

/** Inside the tätort, a form that is refused there unless an exception holds. */
function tatortWithExceptions(
  form: ResolvedAidForm,
  tatort: string,
  exceptions: TatortException[],
  org: OrganisationFacts,
  ref: RuleRef,
): Check {
  let unknown = false;
  for (const e of exceptions) {
    const holds = exceptionHolds(e, org);
    if (holds) {
      const reason = `Företaget ligger i ${tatort}, men undantaget för ${EXCEPTION_TEXT[e]} gäller.`;
      return pass('geography', reason, ref);
    }
    if (holds === null) unknown = true;
  }
  const list = exceptions.map((e) => EXCEPTION_TEXT[e]).join('; ');
  if (unknown) {
    const reason = `Företaget ligger i ${tatort}. Uppgift saknas för att avgöra om något undantag gäller (${list}).`;
    return fail('geography', 'remark', reason, ref);
  }
  const tail = exceptions.length > 0 ? ` Inget av undantagen gäller (${list}).` : '';
  return fail('geography', 'refusal', `${form.name} ges inte till företag i ${tatort}.${tail}`, ref);
}

/** " (Lindesberg kommun)", or nothing when the kommun is not known. */
const inKommun = (org: OrganisationFacts) => (org.kommun ? ` (${org.kommun} kommun)` : '');

/** 2000:284 § 5: the site must lie where service is sparse, as the region's service programme says. */
function checkServiceArea(
  form: ResolvedAidForm,
  programme: string,
  fact: ServiceAreaFact | null | undefined,
  ref: RuleRef,
): Check {
  if (!fact || fact.eligible === null) {
    const reason = `Det är inte avgjort om verksamheten ligger i ett område med gles service enligt ${programme}; handläggaren intygar det eller anger området.`;
    return fail('geography', 'remark', reason, ref);
  }
  const basis =
    fact.basis === 'attested'
      ? `enligt handläggarens intygande${fact.attestedBy ? ` (${fact.attestedBy})` : ''}`
      : `enligt ${programme}`;
  const where = fact.area ? ` (${fact.area})` : '';
  if (!fact.eligible) {
    const reason = `${form.name} ges bara i områden med gles service; verksamheten${where} ligger inte i ett sådant område ${basis}.`;
    return fail('geography', 'refusal', reason, ref);
  }
  return pass('geography', `Verksamheten${where} ligger i ett område med gles service ${basis}.`, ref);
}

export function checkGeography(
  form: ResolvedAidForm,
  org: OrganisationFacts,
  serviceArea?: ServiceAreaFact | null,
): Check {
  const g = form.geography;
  const ref = g.ref ?? form.ref;
  if (g.kind === 'whole_county') return pass('geography', `${form.name} kan ges i hela länet.`, ref);
  if (g.kind === 'service_area') return checkServiceArea(form, g.programme, serviceArea, ref);
  if (org.inTatort === null) {
    const reason = `Uppgift saknas om företaget ligger i ${g.tatort}; det avgör om ${form.name} kan ges.`;
    return fail('geography', 'remark', reason, ref);
  }
  if (g.kind === 'rural') {
    if (org.inTatort) {
      const reason = `${form.name} ges för glesbygd och landsbygd, inte i ${g.tatort}.`;
      return fail('geography', 'refusal', reason, ref);
    }
    return pass('geography', `Verksamheten ligger utanför ${g.tatort}${inKommun(org)}.`, ref);
  }
  if (!org.inTatort) return pass('geography', `Företaget ligger utanför ${g.tatort}${inKommun(org)}.`, ref);
  if (g.mode === 'priority') {
    const reason = `${form.name} prioriteras utanför ${g.tatort}. Företaget ligger i tätorten: inget hinder, men lägre prioritet.`;
    return note('geography', reason, ref);
  }
  return tatortWithExceptions(form, g.tatort, g.exceptions, org, ref);
}

/** "0,5", "0,49": hundredths of a full-time equivalent as Swedish text. */
export function formatFte(hundredths: number): string {
  const whole = Math.trunc(hundredths / 100);
  const rest = Math.abs(hundredths % 100);
  return rest === 0 ? String(whole) : `${whole},${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

export function checkSize(form: ResolvedAidForm, org: OrganisationFacts, checks: Check[]): void {
  const size = form.size;
  if (!size) return;
  const ref = size.ref ?? form.ref;
  if (size.maxEmployees !== null) {
    const max = size.maxEmployees;
    if (org.employees === null) {
      checks.push(fail('size.employees', 'remark', `Uppgift saknas om antal anställda (högst ${max}).`, ref));
    } else if (org.employees > max) {
      const reason = `${form.name} ges till företag med högst ${max} anställda; företaget har ${org.employees}.`;
      checks.push(fail('size.employees', 'refusal', reason, ref));
    } else {
      checks.push(pass('size.employees', `Företaget har ${org.employees} anställda (högst ${max}).`, ref));
    }
  }
  if (size.minFteAtInvestment !== null) {
    const min = formatFte(size.minFteAtInvestment);
    if (org.fte === null) {
      const reason = `Uppgift saknas om antal årsarbetskrafter vid investeringen (minst ${min}).`;
      checks.push(fail('size.fte', 'remark', reason, ref));
    } else if (org.fte < size.minFteAtInvestment) {
      const reason = `Företaget ska sysselsätta minst ${min} årsarbetskraft vid investeringen; uppgiven sysselsättning är ${formatFte(org.fte)}.`;
      checks.push(fail('size.fte', 'refusal', reason, ref));
    } else {
      const reason = `Företaget sysselsätter ${formatFte(org.fte)} årsarbetskraft vid investeringen (minst ${min}).`;
      checks.push(pass('size.fte', reason, ref));
    }
  }
}
