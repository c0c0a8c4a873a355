import { fail, pass } from './checks';
import { inForce } from './dates';
import type { Check, IsoDate, LegalBasis, RuleRef, StateAidRoute } from './types';

/** After its end, a basis with a transition still applies to decisions under an existing scheme. */
function inTransition(b: LegalBasis, date: IsoDate): boolean {
  return !!b.validTo && !!b.transitionUntil && b.validTo < date && date <= b.transitionUntil;
}

export interface LegalBasisChoice {
  national: LegalBasis[];
  eu: LegalBasis | null;
  check: Check;
}

/**
 * The legal bases in force on the decision date: every national ordinance in force, and the first EU
 * basis of the chosen state-aid route (de minimis 1407/2013 before 2024, 2023/2831 after; a GBER article).
 */
export function chooseLegalBasis(
  bases: readonly LegalBasis[],
  route: StateAidRoute,
  date: IsoDate,
  ref: RuleRef,
  preferredEu?: string | null,
): LegalBasisChoice {
  const national: LegalBasis[] = [];
  let eu: LegalBasis | null = null;
  for (const b of bases) {
    if (!inForce(b, date)) continue;
    if (b.kind === 'national') national.push(b);
    else if (eu === null && route !== 'none' && b.route === route && !preferredEu) eu = b;
  }
  if (preferredEu && route !== 'none') {
    const b = bases.find((x) => x.kind === 'eu' && x.code === preferredEu && x.route === route);
    if (b && (inForce(b, date) || inTransition(b, date))) eu = b;
    else {
      const reason = `Stöd kan inte beslutas enligt ${preferredEu} ${date}: förordningen gäller inte då${b?.transitionUntil ? ` (övergångstiden slutade ${b.transitionUntil})` : ''}.`;
      return { national, eu: null, check: fail('legal_basis', 'refusal', reason, ref) };
    }
  }
  if (national.length === 0) {
    const reason = `Ingen förordning som stödet kan ges enligt är i kraft ${date}.`;
    return { national, eu, check: fail('legal_basis', 'refusal', reason, ref) };
  }
  if (route !== 'none' && eu === null) {
    const reason = `Ingen EU-rättslig grund för ${route === 'gber' ? 'gruppundantaget' : 'stöd av mindre betydelse'} är i kraft ${date}.`;
    return { national, eu, check: fail('legal_basis', 'refusal', reason, ref) };
  }
  const names = [...national, ...(eu ? [eu] : [])].map((b) => b.title).join('; ');
  return { national, eu, check: pass('legal_basis', `Rättslig grund ${date}: ${names}.`, ref) };
}
