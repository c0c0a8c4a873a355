import { formatKronor } from '@anslag/money';
import { fail, pass } from '../checks';
import type { Check, CostLine, FirmEvaluationInput, IsoDate, RuleRef, RuleSet } from '../types';

/**
 * Dates are calendar days, so an order or a start on the day the application arrived cannot be shown
 * to come after it: it counts as started (2022:1468 § 6, GBER art. 6.2: the application is made before
 * the work starts).
 */
function started(date: IsoDate, receiptDate: IsoDate): boolean {
  return date <= receiptDate;
}
import type { ResolvedAidForm } from './aid-form';

function costTypeName(ruleSet: RuleSet, code: string): string {
  return Object.prototype.hasOwnProperty.call(ruleSet.costTypes, code) ? ruleSet.costTypes[code] : code;
}

function validAmount(line: CostLine): boolean {
  return Number.isSafeInteger(line.amount) && line.amount >= 0;
}

/**
 * Sums the eligible costs of a case. A line whose cost type is excluded (a vehicle in an
 * investeringsstöd, leasing, own work, running costs) or not among the form's eligible types is taken
 * out of the cost base with a remark, not a refusal: the rest of the investment can still be
 * supported, and the officer sees exactly what was removed. Only when nothing eligible remains is the
 * case refused. A line ordered or dated on or before the day the application arrived means the work has
 * started, and refuses the application as a whole (incentive effect); only preparatory studies are exempt.
 */
export function assessCosts(
  input: FirmEvaluationInput,
  form: ResolvedAidForm,
  ruleSet: RuleSet,
  receiptDate: IsoDate | null,
  incentiveRef: RuleRef,
  checks: Check[],
): number {
  const excluded = new Map<string, number>();
  const preparatory = ruleSet.incentive?.preparatoryCostTypes ?? [];
  let early = 0;
  let earlyCount = 0;
  let eligible = 0;
  for (const line of input.costLines) {
    if (!validAmount(line)) {
      const reason = `Kostnaden ”${line.description ?? line.costType}” har ett ogiltigt belopp; belopp anges i hela kronor.`;
      checks.push(fail('costs.amount', 'refusal', reason, form.ref));
      continue;
    }
    const type = line.costType;
    if (
      form.excludedCostTypes.includes(type) ||
      (form.eligibleCostTypes && !form.eligibleCostTypes.includes(type))
    ) {
      excluded.set(type, (excluded.get(type) ?? 0) + line.amount);
    } else if (
      receiptDate !== null &&
      line.date &&
      started(line.date, receiptDate) &&
      !preparatory.includes(type)
    ) {
      early += line.amount;
      earlyCount += 1;
    } else {
      eligible += line.amount;
    }
  }
  for (const [type, amount] of excluded) {
    const why = form.excludedCostTypes.includes(type)
      ? 'är inte stödberättigande'
      : 'ingår inte i stödformen';
    const reason = `Kostnader av typen ”${costTypeName(ruleSet, type)}” (${formatKronor(amount)}) ${why} för ${form.name} och räknas bort.`;
    checks.push(fail('costs.excluded', 'remark', reason, form.ref));
  }
  if (earlyCount > 0) {
    const what = earlyCount === 1 ? 'kostnad' : 'kostnader';
    const dated = earlyCount === 1 ? 'beställd eller daterad' : 'beställda eller daterade';
    const exempt = preparatory.length
      ? ` Bara ${preparatory.map((t) => costTypeName(ruleSet, t).toLowerCase()).join(', ')} får ligga före ansökan.`
      : '';
    const reason = `${earlyCount} ${what} (${formatKronor(early)}) är ${dated} senast den dag ansökan kom in (${receiptDate}): insatsen har påbörjats innan ansökan kom in och stöd kan inte ges för den.${exempt}`;
    checks.push(fail('incentive.cost_date', 'refusal', reason, incentiveRef));
  }
  if (eligible === 0) {
    checks.push(fail('costs.none', 'refusal', 'Ansökan har inga stödberättigande kostnader.', form.ref));
  } else {
    checks.push(pass('costs.eligible', `Stödberättigande kostnader: ${formatKronor(eligible)}.`, form.ref));
  }
  return eligible;
}

/** The application must arrive before the work starts; a start on the day it arrived is too early. */
export function checkIncentiveStart(
  input: FirmEvaluationInput,
  receiptDate: IsoDate | null,
  ref: RuleRef,
): Check {
  if (receiptDate === null) {
    const reason = `Tidpunkten då ansökan kom in saknas eller är felaktig (”${input.receivedAt}”); stimulanseffekten kan inte bedömas.`;
    return fail('incentive.start', 'remark', reason, ref);
  }
  if (started(input.plannedStart, receiptDate)) {
    const when = input.plannedStart === receiptDate ? 'samma dag som' : 'före den dag';
    const reason = `Projektet planeras starta ${input.plannedStart}, ${when} ansökan kom in (${receiptDate}). Stöd kan inte ges för arbete som påbörjats innan ansökan kommit in; arbetet får starta tidigast dagen efter.`;
    return fail('incentive.start', 'refusal', reason, ref);
  }
  const reason = `Ansökan kom in ${receiptDate}, innan projektet startar (${input.plannedStart}).`;
  return pass('incentive.start', reason, ref);
}
