import { applyShare, formatKronor, formatShare } from '@anslag/money';
import { fail, pass } from '../checks';
import { inForce } from '../dates';
import { capCheck, term } from '../grant';
import type { Check, FirmEvaluationInput, GrantTerm, HomeDeliveryLimits, IsoDate } from '../types';
import type { ResolvedAidForm } from './aid-form';

export interface HomeDeliveryResult {
  /** The version of the ordinance's limits in force; its share replaces the form's. */
  limits: HomeDeliveryLimits | null;
  term: GrantTerm | null;
}

/**
 * Hemsändningsbidrag (2000:284 § 20): at most a share of the municipality's net cost, at most a sum
 * per household and delivery, and only when the net cost reaches a share of the year's price base
 * amount. All three are dated configuration.
 */
export function assessHomeDelivery(
  input: FirmEvaluationInput,
  form: ResolvedAidForm,
  date: IsoDate,
  applied: number,
  checks: Check[],
): HomeDeliveryResult {
  const rules = form.homeDelivery;
  if (!rules) return { limits: null, term: null };
  const ref = rules.ref;
  const limits = rules.limits.find((l) => inForce(l, date)) ?? null;
  if (!limits) {
    const reason = `Inga gränser för hemsändningsbidrag är angivna för ${date}.`;
    checks.push(fail('home_delivery', 'refusal', reason, ref));
    return { limits: null, term: null };
  }
  const facts = input.homeDelivery;
  if (!facts) {
    const reason =
      'Uppgift saknas om kommunens nettokostnad för hemsändningen och antalet hemsändningstillfällen per hushåll.';
    checks.push(fail('home_delivery', 'remark', reason, ref));
    return { limits, term: null };
  }
  const year = Number(date.slice(0, 4));
  const pba = rules.priceBaseAmounts.find((p) => p.year === year);
  if (!pba) {
    checks.push(fail('home_delivery.floor', 'refusal', `Inget prisbasbelopp är angivet för ${year}.`, ref));
  } else {
    const floor = applyShare(pba.kronor, limits.floorPriceBaseShareBp);
    const what = `${formatShare(limits.floorPriceBaseShareBp)} av prisbasbeloppet ${year} (${formatKronor(pba.kronor)}), ${formatKronor(floor)}`;
    if (facts.netCost < floor) {
      const reason = `Kommunens nettokostnad för hemsändningen, ${formatKronor(facts.netCost)}, är lägre än ${what}; bidrag lämnas inte.`;
      checks.push(fail('home_delivery.floor', 'refusal', reason, ref));
    } else {
      const reason = `Kommunens nettokostnad ${formatKronor(facts.netCost)} uppgår till minst ${what}.`;
      checks.push(pass('home_delivery.floor', reason, ref));
    }
  }
  const per = formatKronor(limits.maxPerHouseholdDelivery);
  const cap = facts.householdDeliveries * limits.maxPerHouseholdDelivery;
  const t = term(
    'per_tillfalle',
    cap,
    `Högst ${per} per hushåll och hemsändningstillfälle, ${facts.householdDeliveries} tillfällen`,
    ref,
  );
  const within = `Sökt belopp ${formatKronor(applied)} ryms inom ${per} per hushåll och tillfälle (${formatKronor(cap)}).`;
  const above = `Sökt belopp ${formatKronor(applied)} överstiger ${per} per hushåll och tillfälle för ${facts.householdDeliveries} tillfällen (${formatKronor(cap)}).`;
  checks.push(capCheck('home_delivery.per_delivery', t, applied, within, above));
  return { limits, term: t };
}
