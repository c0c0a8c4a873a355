import { sekToEur } from '@anslag/money';
import { fail, pass } from '../checks';
import { yearsBefore } from '../dates';
import type {
  Check,
  FirmEvaluationInput,
  IsoDate,
  LegalBasis,
  RuleSet,
  SmeDefinition,
  StateAidFacts,
  StateAidRoute,
} from '../types';

export type SmeClass = 'small' | 'medium' | 'large' | null;

/**
 * The firm's size under GBER Annex I: headcount and (turnover or balance sheet), counted with linked
 * and partner enterprises. Null when a figure is missing or no rate converts the kronor.
 */
export function smeClass(
  facts: StateAidFacts | null | undefined,
  def: SmeDefinition,
  orePerEur: number | null,
): SmeClass {
  if (!facts || orePerEur === null) return null;
  const { headcount, turnoverKronor, balanceSheetKronor } = facts;
  if (headcount == null || (turnoverKronor == null && balanceSheetKronor == null)) return null;
  const eur = (k: number | null | undefined) => (k == null ? null : sekToEur(k, orePerEur));
  const turnover = eur(turnoverKronor);
  const balance = eur(balanceSheetKronor);
  const within = (c: SmeDefinition['small']) =>
    headcount < c.maxHeadcount &&
    ((turnover !== null && turnover <= c.maxTurnoverEur) ||
      (balance !== null && balance <= c.maxBalanceSheetEur));
  if (within(def.small)) return 'small';
  if (within(def.medium)) return 'medium';
  return 'large';
}

const SIZE_TEXT: Record<Exclude<SmeClass, null>, string> = {
  small: 'ett litet företag',
  medium: 'ett medelstort företag',
  large: 'inte ett litet eller medelstort företag',
};

/** GBER art. 17 and 22 need an SME (art. 22: a small one), with linked enterprises counted. */
function checkSize(
  facts: StateAidFacts | null | undefined,
  size: SmeClass,
  eu: LegalBasis,
  ruleSet: RuleSet,
  checks: Check[],
): void {
  const ref = ruleSet.stateAid!.smeDefinition.ref;
  const needSmall = eu.article === '22';
  if (size === null) {
    const reason = `Uppgift saknas om antal anställda och omsättning eller balansomslutning (med anknutna företag och partnerföretag); det avgör om företaget är ${needSmall ? 'litet' : 'ett litet eller medelstort företag'} enligt ${eu.code}.`;
    checks.push(fail('state_aid.sme', 'remark', reason, ref));
    return;
  }
  if (size === 'large' || (needSmall && size === 'medium')) {
    const reason = `Företaget är ${SIZE_TEXT[size]} enligt definitionen i bilaga I till förordning (EU) nr 651/2014; stöd enligt ${eu.code} kräver ${needSmall ? 'ett litet företag' : 'ett litet eller medelstort företag'}.`;
    checks.push(fail('state_aid.sme', 'refusal', reason, ref));
    return;
  }
  const reason = `Företaget är ${SIZE_TEXT[size]} enligt bilaga I till förordning (EU) nr 651/2014.`;
  if (facts?.includesLinked === false) {
    const more = `${reason} Uppgifterna omfattar inte anknutna företag och partnerföretag; kontrollera dem.`;
    checks.push(fail('state_aid.sme', 'remark', more, ref));
  } else {
    checks.push(pass('state_aid.sme', reason, ref));
  }
}

/** GBER art. 22: unlisted, registered at most five years, no profits distributed, not formed by merger. */
function checkStartup(
  facts: StateAidFacts | null | undefined,
  ruleSet: RuleSet,
  date: IsoDate,
  checks: Check[],
) {
  const sa = ruleSet.stateAid!;
  const ref = sa.startupRef;
  const f = facts ?? {};
  const missing: string[] = [];
  const failed: string[] = [];
  if (f.registeredOn == null) missing.push('registreringsdag');
  else if (f.registeredOn < yearsBefore(date, sa.startupMaxYears))
    failed.push(`registrerat ${f.registeredOn}, mer än ${sa.startupMaxYears} år före beslutet`);
  if (f.listed == null) missing.push('om företaget är börsnoterat');
  else if (f.listed) failed.push('börsnoterat');
  if (f.distributedProfits == null) missing.push('om vinst har delats ut');
  else if (f.distributedProfits) failed.push('har delat ut vinst');
  if (f.formedThroughMerger == null) missing.push('om företaget bildats genom fusion');
  else if (f.formedThroughMerger) failed.push('bildat genom fusion');
  if (failed.length > 0) {
    const reason = `Stöd till nystartade företag (artikel 22) kan inte ges: företaget är ${failed.join(', ')}.`;
    checks.push(fail('state_aid.startup', 'refusal', reason, ref));
  } else if (missing.length > 0) {
    const reason = `Uppgift saknas för villkoren i artikel 22 (nystartade företag): ${missing.join(', ')}.`;
    checks.push(fail('state_aid.startup', 'remark', reason, ref));
  } else {
    const reason = `Företaget registrerades ${f.registeredOn}, är inte börsnoterat, har inte delat ut vinst och är inte bildat genom fusion.`;
    checks.push(pass('state_aid.startup', reason, ref));
  }
}

/**
 * The EU conditions of the chosen route, from the facts of the application: GBER art. 17 and 22 size
 * and start-up conditions, no aid to an undertaking in difficulty, and the activities a route excludes.
 * Returns the firm's size class (for art. 17's share). Without `ruleSet.stateAid` nothing is checked.
 */
export function stateAidConditions(
  input: FirmEvaluationInput,
  ruleSet: RuleSet,
  route: StateAidRoute,
  eu: LegalBasis | null,
  orePerEur: number | null,
  date: IsoDate,
  checks: Check[],
): SmeClass {
  const sa = ruleSet.stateAid;
  if (!sa || route === 'none') return null;
  const facts = input.stateAidFacts;
  const size = smeClass(facts, sa.smeDefinition, orePerEur);
  if (route === 'gber' && eu && (eu.article === '17' || eu.article === '22')) {
    checkSize(facts, size, eu, ruleSet, checks);
    if (eu.article === '22') checkStartup(facts, ruleSet, date, checks);
  }
  if (sa.inDifficultyRoutes.includes(route)) {
    const v = facts?.inDifficulty;
    if (v === true) {
      const reason = 'Stöd får inte ges till ett företag i svårigheter.';
      checks.push(fail('state_aid.in_difficulty', 'refusal', reason, sa.inDifficultyRef));
    } else if (v == null) {
      const reason = 'Uppgift saknas om företaget är ett företag i svårigheter.';
      checks.push(fail('state_aid.in_difficulty', 'remark', reason, sa.inDifficultyRef));
    } else {
      checks.push(
        pass('state_aid.in_difficulty', 'Företaget är inte ett företag i svårigheter.', sa.inDifficultyRef),
      );
    }
  }
  for (const code of facts?.activities ?? []) {
    const x = sa.excludedActivities.find((a) => a.code === code);
    if (!x) continue;
    if (x.routes.includes(route)) {
      const reason = `Stödet skulle avse ${x.text}, som inte omfattas av ${eu?.code ?? 'den valda stödgrunden'}.`;
      checks.push(fail('state_aid.excluded_activity', 'refusal', reason, x.ref));
    }
  }
  return size;
}
