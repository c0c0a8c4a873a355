import { applyShare, formatKronor, formatShare, shareOf } from '@anslag/money';
import { capCheck, term } from '../grant';
import { fail } from '../checks';
import type { Check, GrantTerm, LegalBasis, RuleRef } from '../types';
import type { ResolvedAidForm } from './aid-form';
import type { SmeClass } from './state-aid-conditions';

/** Without the SME facts, a firm under 50 employees is taken as small (GBER Annex I art. 2.2). */
const SMALL_FIRM_EMPLOYEES = 50;

interface ShareLimit {
  share: number;
  ref: RuleRef;
}

/** The lowest share the form and its EU basis allow, or null when neither sets one. */
function shareLimit(
  form: ResolvedAidForm,
  eu: LegalBasis | null,
  employees: number | null,
  size: SmeClass,
): ShareLimit | null {
  let limit: ShareLimit | null = form.maxShareBp === null ? null : { share: form.maxShareBp, ref: form.ref };
  const medium = size !== null ? size !== 'small' : employees !== null && employees >= SMALL_FIRM_EMPLOYEES;
  const euShare = eu ? (medium ? (eu.maxShareBpMedium ?? eu.maxShareBp) : eu.maxShareBp) : undefined;
  if (eu && euShare !== undefined && (limit === null || euShare < limit.share)) {
    limit = { share: euShare, ref: { source: eu.title } };
  }
  return limit;
}

export interface TermContext {
  form: ResolvedAidForm;
  eligibleCosts: number;
  applied: number;
  /** Earlier grants of the same main form to the organisation. */
  earlier: number;
  eu: LegalBasis | null;
  employees: number | null;
  /** The SME class from the application's facts, when they are given. */
  size?: SmeClass;
  /** The window the per-company cap counts over, in words ("sedan 2019-01-01"). */
  capWindowText?: string;
}

function shareTerm(ctx: TermContext, checks: Check[]): GrantTerm | null {
  const limit = shareLimit(ctx.form, ctx.eu, ctx.employees, ctx.size ?? null);
  if (!limit) return null;
  const { share, ref } = limit;
  const t = term(
    'andel',
    applyShare(ctx.eligibleCosts, share),
    `${formatShare(share)} av stödberättigande kostnader ${formatKronor(ctx.eligibleCosts)}`,
    ref,
  );
  if (ctx.eligibleCosts > 0) {
    const asked = formatShare(shareOf(ctx.applied, ctx.eligibleCosts));
    const within = `Sökt belopp är ${asked} av de stödberättigande kostnaderna (högst ${formatShare(share)}).`;
    const above = `Sökt belopp är ${asked} av de stödberättigande kostnaderna ${formatKronor(ctx.eligibleCosts)}; högst ${formatShare(share)} får ges.`;
    checks.push(capCheck('grant.share', t, ctx.applied, within, above));
  }
  return t;
}

function perDecisionTerm(ctx: TermContext, checks: Check[]): GrantTerm | null {
  const { form } = ctx;
  if (form.maxPerDecision === null) return null;
  const cap = formatKronor(form.maxPerDecision);
  const unit = form.maxPerDecisionUnit ?? 'beslut';
  const t = term('per_beslut', form.maxPerDecision, `Högst ${cap} per ${unit} för ${form.name}`, form.ref);
  const within = `Sökt belopp ${formatKronor(ctx.applied)} ryms inom högst ${cap} per ${unit}.`;
  const above = `Sökt belopp ${formatKronor(ctx.applied)} överstiger högsta beloppet ${cap} per ${unit} för ${form.name}.`;
  checks.push(capCheck('grant.per_decision', t, ctx.applied, within, above));
  return t;
}

function perCompanyTerm(ctx: TermContext, checks: Check[]): GrantTerm | null {
  const { form, earlier } = ctx;
  if (form.maxPerCompany === null) return null;
  const cap = formatKronor(form.maxPerCompany);
  const remaining = Math.max(0, form.maxPerCompany - earlier);
  const window = ctx.capWindowText ? ` ${ctx.capWindowText}` : '';
  const history = `tidigare beviljat${window} ${formatKronor(earlier)}, återstår ${formatKronor(remaining)}`;
  const t = term('per_foretag', remaining, `Högst ${cap} per företag för ${form.name}; ${history}`, form.ref);
  if (remaining === 0) {
    const reason = `Företaget har redan beviljats ${formatKronor(earlier)} i ${form.name}; högst ${cap} per företag kan ges och inget utrymme återstår.`;
    checks.push(fail('grant.per_company', 'refusal', reason, form.ref));
    return t;
  }
  const within = `Högst ${cap} per företag: ${history}.`;
  const above = `Högst ${cap} per företag för ${form.name}: ${history}.`;
  checks.push(capCheck('grant.per_company', t, ctx.applied, within, above));
  return t;
}

/** The terms of the maximum grant for a firm, in the order they are explained, and their checks. */
export function firmTerms(ctx: TermContext, checks: Check[]): GrantTerm[] {
  const terms: GrantTerm[] = [];
  for (const make of [shareTerm, perDecisionTerm, perCompanyTerm]) {
    const t = make(ctx, checks);
    if (t) terms.push(t);
  }
  terms.push(term('ansokt', ctx.applied, `Sökt belopp ${formatKronor(ctx.applied)}`, ctx.form.ref));
  return terms;
}
