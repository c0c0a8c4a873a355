/**
 * Policy checks of an administrator-edited rule set. The API's DTOs check the shape; this checks that
 * the content makes sense as rules: shares within 100 %, caps not negative, every code referred to
 * known, dates in order. Problems are in Swedish and name the field.
 */
import { isIsoDate } from './dates';
import {
  TATORT_EXCEPTIONS,
  type AidFormRules,
  type DeMinimisSettings,
  type LegalBasis,
  type PriorityCriterion,
  type RuleSet,
  type RuleSetProblem,
  type RusCatalogue,
} from './types';

const MAX_BP = 10_000;
const ROUTES = ['de_minimis', 'gber', 'none'];

type Report = (field: string, problem: string) => void;

function has(obj: object | undefined, key: string): boolean {
  return obj !== undefined && Object.prototype.hasOwnProperty.call(obj, key);
}

function checkShare(value: number | null | undefined, field: string, report: Report): void {
  if (value === null || value === undefined) return;
  if (!Number.isInteger(value)) report(field, 'Andelen anges i hela baspunkter (1 % = 100).');
  else if (value < 0) report(field, 'Andelen får inte vara negativ.');
  else if (value > MAX_BP)
    report(field, `Andelen ${value / 100} % är över 100 % (högst ${MAX_BP} baspunkter).`);
}

function checkAmount(value: number | null | undefined, field: string, report: Report): void {
  if (value === null || value === undefined) return;
  if (!Number.isSafeInteger(value)) report(field, 'Beloppet anges i hela kronor.');
  else if (value < 0) report(field, 'Beloppet får inte vara negativt.');
}

function checkPeriod(from: string | null, to: string | null, field: string, report: Report): void {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  if (from !== null && !isIsoDate(from)) report(at('validFrom'), `”${from}” är inte ett datum (ÅÅÅÅ-MM-DD).`);
  if (to !== null && !isIsoDate(to)) report(at('validTo'), `”${to}” är inte ett datum (ÅÅÅÅ-MM-DD).`);
  if (from !== null && to !== null && isIsoDate(from) && isIsoDate(to) && to < from) {
    report(at('validTo'), `Slutdatum ${to} ligger före startdatum ${from}.`);
  }
}

function checkLegalBases(bases: LegalBasis[], field: string, report: Report): void {
  bases.forEach((b, i) => {
    const f = `${field}[${i}]`;
    checkPeriod(b.validFrom, b.validTo, f, report);
    if (b.route !== undefined && !ROUTES.includes(b.route))
      report(`${f}.route`, `Okänd stödväg ”${b.route}”.`);
    checkShare(b.maxShareBp, `${f}.maxShareBp`, report);
    checkShare(b.maxShareBpMedium, `${f}.maxShareBpMedium`, report);
    if (!b.code || !b.title) report(f, 'Rättslig grund saknar kod eller titel.');
  });
}

function checkCriteria(criteria: PriorityCriterion[], field: string, report: Report): void {
  const seen = new Set<string>();
  criteria.forEach((c, i) => {
    if (seen.has(c.code)) report(`${field}[${i}].code`, `Kriteriet ”${c.code}” förekommer två gånger.`);
    seen.add(c.code);
    if (!c.text.trim()) report(`${field}[${i}].text`, 'Kriteriet saknar text.');
  });
}

function checkCostTypes(
  rules: Partial<AidFormRules>,
  costTypes: Record<string, string>,
  field: string,
  report: Report,
): void {
  for (const key of ['eligibleCostTypes', 'excludedCostTypes'] as const) {
    for (const t of rules[key] ?? []) {
      if (!has(costTypes, t)) report(`${field}.${key}`, `Okänd kostnadstyp ”${t}”.`);
    }
  }
  const both = (rules.eligibleCostTypes ?? []).filter((t) => (rules.excludedCostTypes ?? []).includes(t));
  if (both.length > 0)
    report(`${field}.excludedCostTypes`, `Kostnadstypen ${both.join(', ')} är både tillåten och undantagen.`);
}

/** Checks the fields a form or a subform states; a subform leaves the rest to its form. */
function checkAidRules(rules: Partial<AidFormRules>, ruleSet: RuleSet, field: string, report: Report): void {
  checkShare(rules.maxShareBp, `${field}.maxShareBp`, report);
  checkAmount(rules.maxPerDecision, `${field}.maxPerDecision`, report);
  checkAmount(rules.maxPerCompany, `${field}.maxPerCompany`, report);
  if (
    typeof rules.maxPerCompany === 'number' &&
    typeof rules.maxPerDecision === 'number' &&
    rules.maxPerCompany < rules.maxPerDecision
  ) {
    report(`${field}.maxPerCompany`, 'Taket per företag är lägre än taket per beslut.');
  }
  const g = rules.geography;
  if (g && g.kind === 'outside_tatort') {
    g.exceptions.forEach((e, i) => {
      if (!TATORT_EXCEPTIONS.includes(e))
        report(`${field}.geography.exceptions[${i}]`, `Okänt undantag ”${e}”.`);
    });
  }
  if (g && (g.kind === 'outside_tatort' || g.kind === 'rural') && !g.tatort.trim())
    report(`${field}.geography.tatort`, 'Tätorten saknas.');
  if (g && g.kind === 'service_area' && !g.programme.trim())
    report(`${field}.geography.programme`, 'Serviceprogrammet saknas.');
  const w = rules.maxPerCompanyWindow;
  if (w && w.kind === 'years' && !(Number.isInteger(w.years) && w.years >= 1))
    report(`${field}.maxPerCompanyWindow.years`, 'Perioden är minst ett helt år.');
  rules.homeDelivery?.limits.forEach((l, i) => {
    const f = `${field}.homeDelivery.limits[${i}]`;
    checkPeriod(l.validFrom, l.validTo, f, report);
    checkShare(l.maxShareBp, `${f}.maxShareBp`, report);
    checkShare(l.floorPriceBaseShareBp, `${f}.floorPriceBaseShareBp`, report);
    checkAmount(l.maxPerHouseholdDelivery, `${f}.maxPerHouseholdDelivery`, report);
  });
  if (rules.size) {
    const { maxEmployees, minFteAtInvestment } = rules.size;
    if (maxEmployees !== null && !(Number.isInteger(maxEmployees) && maxEmployees >= 0)) {
      report(`${field}.size.maxEmployees`, 'Antal anställda anges som ett heltal, noll eller mer.');
    }
    if (minFteAtInvestment !== null && !(Number.isInteger(minFteAtInvestment) && minFteAtInvestment >= 0)) {
      report(`${field}.size.minFteAtInvestment`, 'Årsarbetskrafter anges i hundradelar, noll eller mer.');
    }
  }
  checkCostTypes(rules, ruleSet.costTypes, field, report);
  if (rules.legalBasis) checkLegalBases(rules.legalBasis, `${field}.legalBasis`, report);
  if (rules.defaultRoute !== undefined && !ROUTES.includes(rules.defaultRoute)) {
    report(`${field}.defaultRoute`, `Okänd stödväg ”${rules.defaultRoute}”.`);
  }
  if (rules.priorityCriteria) checkCriteria(rules.priorityCriteria, `${field}.priorityCriteria`, report);
}

function checkAidForms(ruleSet: RuleSet, report: Report): void {
  for (const [key, form] of Object.entries(ruleSet.aidForms)) {
    const field = `aidForms.${key}`;
    if (form.code !== key) report(`${field}.code`, `Koden ”${form.code}” stämmer inte med nyckeln ”${key}”.`);
    if (!form.name.trim()) report(`${field}.name`, 'Stödformen saknar namn.');
    if (!has(ruleSet.frames, form.frame)) report(`${field}.frame`, `Okänd ram ”${form.frame}”.`);
    if (!form.legalBasis.some((b) => b.kind === 'national'))
      report(`${field}.legalBasis`, 'Stödformen saknar nationell förordning.');
    if (form.defaultRoute !== 'none' && !form.legalBasis.some((b) => b.route === form.defaultRoute)) {
      report(`${field}.defaultRoute`, `Ingen EU-rättslig grund för stödvägen ”${form.defaultRoute}”.`);
    }
    checkAidRules(form, ruleSet, field, report);
    for (const [subKey, sub] of Object.entries(form.subforms ?? {})) {
      if (sub.code !== subKey)
        report(
          `${field}.subforms.${subKey}.code`,
          `Koden ”${sub.code}” stämmer inte med nyckeln ”${subKey}”.`,
        );
      checkAidRules(sub, ruleSet, `${field}.subforms.${subKey}`, report);
    }
  }
}

function checkFrames(ruleSet: RuleSet, report: Report): void {
  for (const [code, frame] of Object.entries(ruleSet.frames)) {
    checkAmount(frame.amount, `frames.${code}.amount`, report);
    let sub = 0;
    for (const [form, amount] of Object.entries(frame.aidForms ?? {})) {
      if (!has(ruleSet.aidForms, form))
        report(`frames.${code}.aidForms.${form}`, `Okänd stödform ”${form}”.`);
      checkAmount(amount, `frames.${code}.aidForms.${form}`, report);
      sub += amount;
    }
    if (sub > frame.amount) report(`frames.${code}.aidForms`, 'Delramarna är tillsammans större än ramen.');
  }
  if (!has(ruleSet.frames, ruleSet.projectRules.frame)) {
    report('projectRules.frame', `Okänd ram ”${ruleSet.projectRules.frame}”.`);
  }
}

function checkRanking(ruleSet: RuleSet, rus: RusCatalogue | undefined, report: Report): void {
  const seen = new Set<string>();
  ruleSet.projectRanking.forEach((r, i) => {
    const field = `projectRanking[${i}]`;
    if (seen.has(r.rank)) report(`${field}.rank`, `Rangen ”${r.rank}” förekommer två gånger.`);
    seen.add(r.rank);
    if (!r.text.trim()) report(`${field}.text`, 'Rangen saknar text ur beslutet.');
    if (r.criterion.kind !== 'rus_area') return;
    if (r.criterion.areas.length === 0) report(`${field}.criterion.areas`, 'Inget område är angivet.');
    for (const a of r.criterion.areas) {
      if (rus && !rus.areas.some((x) => x.code === a))
        report(`${field}.criterion.areas`, `Okänt område ”${a}” i ${rus.id}.`);
    }
  });
}

function checkDeMinimis(dm: DeMinimisSettings, report: Report): void {
  // Regimes of one kind follow each other; an SGEI regime runs beside the general one.
  const sorted = [...dm.regimes].sort(
    (a, b) =>
      (a.kind ?? 'general').localeCompare(b.kind ?? 'general') ||
      (a.validFrom ?? '').localeCompare(b.validFrom ?? ''),
  );
  dm.regimes.forEach((r, i) => {
    const field = `deMinimis.regimes[${i}]`;
    if (!Number.isSafeInteger(r.ceilingEur) || r.ceilingEur <= 0)
      report(`${field}.ceilingEur`, 'Taket anges i hela euro över noll.');
    if (!Number.isInteger(r.window.years) || r.window.years < 1)
      report(`${field}.window.years`, 'Perioden är minst ett år.');
    checkPeriod(r.validFrom, r.validTo, field, report);
  });
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const next = sorted[i];
    if ((prev.kind ?? 'general') !== (next.kind ?? 'general')) continue;
    if (prev.validTo === null || next.validFrom === null || next.validFrom <= prev.validTo) {
      report('deMinimis.regimes', `${prev.code} och ${next.code} gäller under samma tid.`);
    }
  }
  dm.exchangeRates.forEach((r, i) => {
    if (!isIsoDate(r.from))
      report(`deMinimis.exchangeRates[${i}].from`, `”${r.from}” är inte ett datum (ÅÅÅÅ-MM-DD).`);
    else if (!r.from.endsWith('-01'))
      report(`deMinimis.exchangeRates[${i}].from`, 'Kursen gäller en månad och anges från den första dagen.');
    if (!Number.isSafeInteger(r.orePerEur) || r.orePerEur <= 0)
      report(`deMinimis.exchangeRates[${i}].orePerEur`, 'Kursen anges i hela öre per euro, över noll.');
  });
}

export function validateRuleSet(ruleSet: RuleSet, rus?: RusCatalogue): RuleSetProblem[] {
  const problems: RuleSetProblem[] = [];
  const report: Report = (field, problem) => problems.push({ field, problem });
  if (!ruleSet.id.trim()) report('id', 'Beslutet saknar id.');
  if (!ruleSet.title.trim() || !ruleSet.shortTitle.trim()) report('title', 'Beslutet saknar titel.');
  checkPeriod(ruleSet.validFrom, ruleSet.validTo, '', report);
  if (rus && ruleSet.rusId !== rus.id)
    report('rusId', `Beslutet bygger på ${ruleSet.rusId}, inte ${rus.id}.`);
  ruleSet.references.forEach((r, i) => {
    if (!isIsoDate(r.date)) report(`references[${i}].date`, `”${r.date}” är inte ett datum (ÅÅÅÅ-MM-DD).`);
  });
  checkFrames(ruleSet, report);
  checkRanking(ruleSet, rus, report);
  checkShare(ruleSet.projectRules.maxShareBp, 'projectRules.maxShareBp', report);
  checkLegalBases(ruleSet.projectRules.legalBasis, 'projectRules.legalBasis', report);
  checkAidForms(ruleSet, report);
  checkCriteria(ruleSet.firmPriorityCriteria, 'firmPriorityCriteria', report);
  checkDeMinimis(ruleSet.deMinimis, report);
  return problems;
}
