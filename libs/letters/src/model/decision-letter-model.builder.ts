/**
 * DecisionLetterModelBuilder: a signed decision and its case, organisation, budget and the region's
 * settings in, the renderer's LetterModel out. Pure: no Nest, no database, no clock.
 *
 * The region's letter template decides the words and their order; this code decides only where each
 * block lands in the letter (application line, Beslutet, conditions, Sammanfattning, Skäl till beslut,
 * Beskrivning av ärendet, budget, signatures, appeal), which it tells from the placeholders a block uses.
 */
import { formatKronor, shareOf, sum } from '@anslag/money';
import {
  type Block,
  type DecisionItem,
  type LetterLabels,
  type LetterModel,
  type LetterSubsection,
  type RichText,
  SWEDISH_LETTER_LABELS,
} from '../render/letter-model';
import { LetterModelError } from '../render/validate';
import { budgetTables } from './budget-tables';
import type {
  AppealRoute,
  LetterInput,
  LetterLegalBasisInfo,
  LetterTemplate,
  LetterTemplateBlock,
  LetterTemplateSet,
} from './letter-input';
import {
  asBlocks,
  blocks,
  type Filled,
  fillLine,
  fillLines,
  kronor,
  richText,
  share,
  text,
  textToBlocks,
  type Values,
} from './placeholders';

/** The application form's headings (DOMAIN.md), used unless the template set names them otherwise. */
export const DEFAULT_SECTION_HEADINGS: Readonly<Record<string, string>> = {
  bakgrund: 'Bakgrund',
  overgripande_mal: 'Övergripande mål',
  projektmal: 'Projektmål',
  delmal_och_aktiviteter: 'Delmål och aktiviteter',
  ingaende_kommuner: 'Ingående kommuner',
  regional_samverkan: 'Regional samverkan',
  perspektiv: 'Perspektiv',
  langsiktighet: 'Långsiktighet',
  uppfoljning: 'Uppföljning',
  resultatspridning: 'Resultatspridning',
  projektorganisation: 'Projektorganisation',
  avgransning_mot_ordinarie_verksamhet: 'Avgränsning mot ordinarie verksamhet',
};

/** The section shown as Sammanfattning; every other section goes under Beskrivning av ärendet. */
const SUMMARY_SECTION = 'sammanfattning';

type Slot = 'application' | 'decision' | 'summary' | 'reasons' | 'description' | 'budget' | 'appeal';

const SLOT_PLACEHOLDERS: readonly [Slot, RegExp][] = [
  ['summary', /\{\{\s*sammanfattning\s*\}\}/],
  ['description', /\{\{\s*beskrivning\s*\}\}/],
  ['budget', /\{\{\s*budgettabeller\s*\}\}/],
  ['appeal', /\{\{\s*overklagandeText\s*\}\}/],
  ['reasons', /\{\{\s*(avslagsskal|delvisSkal|ovrigaSkal|rusOmrade|effektmalText|rangordning)\s*\}\}/],
];

const CONDITIONS = /\{\{\s*villkor\s*\}\}/;

function blockText(block: LetterTemplateBlock): string {
  return [block.text ?? '', ...(block.items ?? [])].join('\n');
}

function slotOf(block: LetterTemplateBlock): Slot | null {
  if (block.kind === 'tables') return 'budget';
  const t = blockText(block);
  return SLOT_PLACEHOLDERS.find(([, re]) => re.test(t))?.[0] ?? null;
}

/** The template for the case's kind and the outcome (a partial grant is written as a grant). */
export function selectTemplate(
  set: LetterTemplateSet,
  track: string,
  outcome: LetterInput['decision']['outcome'],
): LetterTemplate {
  const wanted = outcome === 'avslag' ? 'avslag' : 'bifall';
  const template = set.templates.find((t) => t.caseKind === track && t.outcome === wanted);
  if (!template) throw new LetterModelError(`Det finns ingen brevmall för ${track} med utfallet ${wanted}`);
  return template;
}

function lowerFirst(s: string): string {
  // "Regionalt utvecklingsstöd" → "regionalt …", but an abbreviation such as "EU-medel" stays.
  return s.length > 1 && s[1] === s[1].toLowerCase() ? s[0].toLowerCase() + s.slice(1) : s;
}

/** "målet om ökad tillväxt i näringslivet", "målen om ökad entreprenöriell aktivitet samt ökad tillväxt …" */
function effektmalPhrase(goals: readonly string[]): string | null {
  const g = goals.map(lowerFirst);
  if (g.length === 0) return null;
  if (g.length === 1) return `målet om ${g[0]}`;
  return `målen om ${g.slice(0, -1).join(', ')} samt ${g[g.length - 1]}`;
}

function appliedAmount(input: LetterInput): number | null {
  if (input.grantCase.amountApplied !== null) return input.grantCase.amountApplied;
  const asked = input.budgetLines.filter((l) => l.kind === 'financing' && l.regionGrant);
  return asked.length > 0 ? sum(asked.map((l) => l.amount)) : null;
}

function postalLines(a: { lines: readonly string[]; postalCode: string; postalTown: string }): string[] {
  return [...a.lines, `${a.postalCode} ${a.postalTown}`];
}

/** The decision's legal bases with what the region's legal bases say of each (title, appeal, notice). */
function basesOf(
  input: LetterInput,
): { title: string; fullTitle: string; info: LetterLegalBasisInfo; kind?: string }[] {
  const known = input.legalBases?.bases ?? {};
  return input.decision.legalBasis
    .map((b) => {
      const info = (b.code ? known[b.code] : undefined) ?? {};
      return { title: b.title, fullTitle: info.title ?? b.title, info, kind: b.kind };
    })
    .filter((b) => b.title.trim() !== '');
}

function inForceOn(v: { validFrom: string | null; validTo?: string | null }, date: string): boolean {
  return (v.validFrom === null || v.validFrom <= date) && (v.validTo == null || v.validTo >= date);
}

/** The appeal route of the decision's legal bases: the ordinance's own rule, the same for the nämnd. */
function appealRoute(input: LetterInput): { route: AppealRoute; provision: string } | null {
  return basesOf(input).find((b) => b.info.appeal)?.info.appeal ?? null;
}

function isAppealable(input: LetterInput): boolean {
  const route = appealRoute(input);
  return route ? route.route !== 'overklagandeforbud' : input.decision.appealable;
}

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The conditions of the letter: the decision's own, else the template's for the track and aid form,
 * then those the legal basis' version in force adds; each once. */
function conditionsOf(input: LetterInput): string[] {
  const { decision: d, grantCase: c, templates: t } = input;
  const own =
    d.conditions.length > 0 ? d.conditions : (t.conditionsByTrack?.[c.track] ?? t.standardConditions);
  const form = d.aidForm ?? null;
  const byForm = form
    ? [
        ...(t.conditionsByAidForm?.[form.split('/')[0]] ?? []),
        ...(form.includes('/') ? (t.conditionsByAidForm?.[form] ?? []) : []),
      ]
    : [];
  const byBasis =
    d.outcome === 'avslag'
      ? []
      : basesOf(input).flatMap((b) =>
          (b.info.conditions ?? []).filter((v) => inForceOn(v, d.decisionDate)).flatMap((v) => v.items),
        );
  const all = d.outcome === 'avslag' ? [] : [...own, ...(d.conditions.length > 0 ? [] : byForm), ...byBasis];
  return [...new Set(all.map((x) => x.trim()).filter((x) => x !== ''))];
}

/**
 * The grounds the letter states. A ground that is only the delegation report's category ("Uppfyller ej
 * villkor") is not printed when the decision states the grounds themselves in its reasons.
 */
function groundsOf(input: LetterInput): string | null {
  const g = input.decision.rejectionGrounds?.trim() ?? '';
  const categories = input.templates.rejectionCategories ?? [];
  if (g === '' || (categories.includes(g) && input.decision.reasons?.text)) return null;
  return g;
}

/** The share stated in the letter: the decision's own, or for a fixed grant its share of the approved costs. */
function shareOfDecision(input: LetterInput, approved: number | null): number | null {
  const d = input.decision;
  if (d.shareBp !== null) return d.shareBp;
  if (d.amount === null || approved === null || approved <= 0) return null;
  return shareOf(d.amount, approved);
}

function baseValues(input: LetterInput): Record<string, Values[string]> {
  const { decision: d, grantCase: c, organisation: o, region } = input;
  const reasons = d.reasons;
  const split = d.financing.length > 1;
  const rs = input.ruleSet ?? null;
  const ref = region.inriktningsbeslutReference ?? null;
  const year = rs ? rs.year : (ref?.year ?? null);
  const refText = rs
    ? [rs.decidedDate, rs.paragraph].filter((x): x is string => !!x).join(' ')
    : ref
      ? `${ref.decidedDate} ${ref.paragraph}`
      : null;
  const bases = basesOf(input);
  const legal = bases.map((b) => b.title);
  const costs = input.budgetLines.filter((l) => l.kind === 'cost');
  const approved = costs.length > 0 ? sum(costs.map((l) => l.amount)) : null;
  const regulation = d.deMinimisRegulation ? input.legalBases?.bases[d.deMinimisRegulation] : undefined;
  const deMinimis =
    regulation?.deMinimis && regulation.title
      ? { fullTitle: regulation.title, info: regulation }
      : bases.find((b) => b.info.deMinimis);
  const notice = bases.map((b) => b.info.deMinimisNotice).find((n) => !!n) ?? null;
  const appropriation =
    input.legalBases?.appropriations?.find((a) => inForceOn(a, d.decisionDate))?.nameInText ?? null;
  const appeal = appealRoute(input);
  const reportMonths = input.templates.finalReportMonths;
  return {
    regionNamn: text(region.name),
    regionNamnGenitiv: text(region.nameGenitive),
    tjanstestalle: text(region.letterhead.tjanstestalle),
    handlaggare: text(input.officerName),
    datum: text(d.decisionDate),
    beteckning: text(c.diarienummer),
    mottagareNamn: text(o.name),
    mottagareAdress: text([...o.addressLines, `${o.postalCode} ${o.city}`].join(', ')),
    sokandeNamn: text(o.nameInText ?? o.name),
    organisationsnummer: text(o.organisationsnummer),
    projektnamn: text(c.title),
    beloppSokt: kronor(appliedAmount(input)),
    periodStart: text(c.periodStart),
    periodSlut: text(c.periodEnd),
    andel: share(shareOfDecision(input, approved)),
    belopp: kronor(d.amount),
    tidigastStart: text(d.earliestStart),
    senastSlut: text(d.latestEnd),
    slutredovisningSenast: text(
      d.latestEnd ?? (reportMonths ? addMonths(d.decisionDate, reportMonths) : null),
    ),
    finansieringsram: split
      ? { sources: d.financing.map((f) => ({ label: f.label, amount: f.amount })) }
      : text(d.financing[0] ? lowerFirst(d.financing[0].label) : null),
    villkor: null, // filled below: a condition may use the other placeholders
    sammanfattning: blocks(textToBlocks(c.sections[SUMMARY_SECTION])),
    rusOmrade: text(reasons?.rusArea ?? c.rusAreas[0] ?? null),
    effektmalText: text(effektmalPhrase(reasons?.effektmal ? [reasons.effektmal] : c.effektmal)),
    anslag: text(appropriation),
    inriktningsbeslutAr: text(year === null ? null : String(year)),
    inriktningsbeslutReferens: text(refText),
    inriktningsbeslutForlangning: text(rs?.extendedDate ?? null),
    rangordning: text(input.rankQuote ?? reasons?.rankQuote ?? null),
    ovrigaSkal: blocks(textToBlocks(reasons?.text)),
    avslagsskal: blocks([...textToBlocks(groundsOf(input)), ...textToBlocks(reasons?.text)]),
    delvisSkal: blocks(d.outcome === 'delvis_bifall' ? textToBlocks(groundsOf(input)) : []),
    stodform: text(input.aidFormName ?? null),
    stodformText: text(input.aidFormName ? lowerFirst(input.aidFormName) : null),
    andamal: text(c.description),
    godkandKostnad: kronor(approved),
    rattsligGrund: text(legal.length > 0 ? legal.join(' och ') : null),
    overklagandeBestammelse: text(appeal?.provision ?? null),
    deMinimisForordning: text(deMinimis?.fullTitle ?? null),
    deMinimisEut: text(deMinimis?.info.officialJournal ?? null),
    deMinimisEuro: text(
      d.deMinimisEur === null || d.deMinimisEur === undefined
        ? null
        : `${formatKronor(d.deMinimisEur, { unit: false })} euro`,
    ),
    deMinimisKurs: text(
      d.deMinimisRateOre
        ? `${formatKronor(Math.trunc(d.deMinimisRateOre / 100), { unit: false })},${String(d.deMinimisRateOre % 100).padStart(2, '0')} kr per euro`
        : null,
    ),
    deMinimisUpplysning: text(notice),
    namnd: text(d.namnd?.committee ?? null),
    namndDatum: text(d.namnd?.meetingDate ?? null),
    namndParagraf: text(d.namnd?.paragraph ?? null),
    underskrifter: text(input.signatories.map((s) => `${s.name}, ${s.title}`).join('; ')),
    // Filled where they are used: their content is not one line of text.
    beskrivning: null,
    budgettabeller: null,
    overklagandeText: null,
  };
}

function letterValues(input: LetterInput): Values {
  const values = baseValues(input);
  const conditions = conditionsOf(input)
    .map((c) => fillLine(c, values))
    .flatMap((f): RichText[] => (f && 'rich' in f ? [f.rich] : []));
  return { ...values, villkor: blocks(conditions) };
}

/**
 * A rank quote that already opens with the words the template puts before it ("Enligt
 * inriktningsbeslutet är projektet prioriterat enligt rangordningen …") is printed without them, so that
 * the sentence is not said twice.
 */
function withoutRepeatedLead(line: string, values: Values): Values {
  const m = /([^.]*)\{\{\s*rangordning\s*\}\}/.exec(line);
  const v = values.rangordning;
  if (!m || !v || !('inline' in v) || typeof v.inline !== 'string') return values;
  const lead = m[1].trim().toLowerCase();
  const quote = v.inline.trim();
  if (lead === '' || !quote.toLowerCase().startsWith(lead)) return values;
  return { ...values, rangordning: text(quote.slice(lead.length).trim()) };
}

/**
 * The appeal text that applies: the route the legal basis sets (förvaltningsbesvär under the ordinance,
 * an appeal prohibition, or laglighetsprövning), the same for the nämnd's and delegated decisions. Only a
 * decision whose bases name no route falls back to the region profile's texts.
 */
function appealBlocks(input: LetterInput, values: Values): Block[] {
  const route = appealRoute(input);
  const routed = route ? input.legalBases?.appealTexts[route.route] : undefined;
  if (routed) return asBlocks(fillLines(routed, values));
  const { appeal } = input.region;
  const { decision } = input;
  const template = decision.decidedByNamnd
    ? appeal.namndDecisionText
    : decision.appealable
      ? appeal.appealableText
      : appeal.notAppealableText;
  return asBlocks(fillLines(template, values));
}

function description(input: LetterInput): LetterSubsection[] {
  const headings = { ...DEFAULT_SECTION_HEADINGS, ...(input.templates.sectionHeadings ?? {}) };
  const known = Object.keys(headings);
  const codes = [
    ...known,
    ...Object.keys(input.grantCase.sections)
      .filter((c) => !known.includes(c) && c !== SUMMARY_SECTION)
      .sort(),
  ];
  return codes
    .map((code) => ({
      heading: headings[code] ?? code,
      blocks: textToBlocks(input.grantCase.sections[code]),
    }))
    .filter((s) => s.blocks.length > 0);
}

function applies(block: LetterTemplateBlock, input: LetterInput): boolean {
  const split = input.decision.financing.length > 1;
  const { decision: d } = input;
  const year = input.ruleSet?.year ?? input.region.inriktningsbeslutReference?.year ?? null;
  switch (block.when) {
    case 'partlyGranted':
      return d.outcome === 'delvis_bifall';
    case 'deMinimis':
      // The euro figure is kept only for de minimis aid.
      return d.outcome !== 'avslag' && (d.deMinimisEur ?? null) !== null;
    case 'ruleSetYear':
      return year === null || String(year) === d.decisionDate.slice(0, 4);
    case 'ruleSetEarlierYear':
      return year !== null && String(year) !== d.decisionDate.slice(0, 4);
    case 'decidedByNamnd':
      return d.decidedByNamnd;
    case 'financingSplit':
      return split;
    case 'singleSource':
      return !split;
    case 'appealable':
      return isAppealable(input);
    case 'notAppealable':
      return !isAppealable(input);
    default:
      return true;
  }
}

class ModelParts {
  title = '';
  application: RichText[] = [];
  decision: DecisionItem[] = [];
  conditions: { intro: string; items: RichText[] } | null = null;
  summary: Block[] = [];
  reasons: Block[] = [];
  description: LetterSubsection[] = [];
  budget: LetterModel['budget'] = null;
  appeal: Block[] = [];
  onBehalfOf: string | null = null;
  labels: Record<string, string> = {};
}

const LABEL_OF: Partial<Record<Slot, keyof LetterLabels>> = {
  decision: 'decision',
  summary: 'summary',
  reasons: 'reasons',
  description: 'description',
  budget: 'budget',
  appeal: 'appeal',
};

function addDecisionLines(parts: ModelParts, filled: readonly Filled[]): void {
  for (const f of filled) {
    if ('sources' in f) {
      const last = parts.decision.pop() ?? { text: '' };
      parts.decision.push({ ...last, sources: f.sources });
    } else if ('blocks' in f) {
      f.blocks.forEach((b) =>
        parts.decision.push({ text: typeof b === 'object' && 'bullets' in b ? b.bullets.join(' ') : b }),
      );
    } else parts.decision.push({ text: f.rich });
  }
}

function place(
  parts: ModelParts,
  slot: Slot,
  block: LetterTemplateBlock,
  next: LetterTemplateBlock | undefined,
  input: LetterInput,
  values: Values,
): void {
  const lines = (s: string | undefined) => fillLines(s, values);
  switch (slot) {
    case 'application':
      parts.application.push(
        ...asBlocks(lines(block.text)).map((b) =>
          typeof b === 'object' && 'bullets' in b ? b.bullets.join(' ') : b,
        ),
      );
      return;
    case 'decision': {
      if (block.kind === 'bullets' && CONDITIONS.test(blockText(block))) {
        const items = asBlocks(lines(blockText(block))).flatMap((b) =>
          typeof b === 'object' && 'bullets' in b ? b.bullets : [b],
        );
        if (items.length > 0) parts.conditions = { intro: parts.conditions?.intro ?? '', items };
        else parts.conditions = null;
        return;
      }
      if (block.kind === 'paragraph' && next?.kind === 'bullets' && CONDITIONS.test(blockText(next))) {
        parts.conditions = {
          intro: lines(block.text)
            .map((f) => ('rich' in f ? richText(f.rich) : ''))
            .join(' '),
          items: [],
        };
        return;
      }
      addDecisionLines(
        parts,
        block.kind === 'bullets' ? (block.items ?? []).flatMap((i) => lines(i)) : lines(block.text),
      );
      return;
    }
    case 'description':
      for (const raw of (block.text ?? '').split('\n')) {
        if (/^\s*\{\{\s*beskrivning\s*\}\}\s*$/.test(raw)) parts.description.push(...description(input));
        else {
          const extra = asBlocks(lines(raw));
          if (extra.length > 0) parts.description.push({ heading: '', blocks: extra });
        }
      }
      return;
    case 'budget':
      parts.budget = budgetTables(input.budgetLines, input.templates.budgetTableTitles);
      return;
    case 'appeal':
      for (const raw of (block.text ?? '').split('\n')) {
        if (/^\s*\{\{\s*overklagandeText\s*\}\}\s*$/.test(raw))
          parts.appeal.push(...appealBlocks(input, values));
        else parts.appeal.push(...asBlocks(lines(raw)));
      }
      return;
    case 'reasons': {
      // Reasons the officer typed may repeat what the template already says: print each paragraph once.
      const seen = new Set(parts.reasons.map((b) => JSON.stringify(b)));
      const filled = (block.text ?? '')
        .split('\n')
        .map((line) => fillLine(line, withoutRepeatedLead(line, values)))
        .filter((f): f is Filled => f !== null);
      for (const b of asBlocks(filled)) {
        if (!seen.has(JSON.stringify(b))) parts.reasons.push(b);
        seen.add(JSON.stringify(b));
      }
      return;
    }
    default:
      parts[slot].push(
        ...asBlocks(
          block.kind === 'bullets' && block.items ? block.items.flatMap((i) => lines(i)) : lines(block.text),
        ),
      );
  }
}

function walk(template: LetterTemplate, input: LetterInput, values: Values): ModelParts {
  const parts = new ModelParts();
  const blocksToUse = template.blocks.filter((b) => applies(b, input));
  let current: Slot = 'application';
  blocksToUse.forEach((block, i) => {
    const next = blocksToUse[i + 1];
    switch (block.kind) {
      case 'header':
      case 'addressee':
        return;
      case 'title':
        parts.title = fillLines(block.text, values)
          .map((f) => ('rich' in f ? richText(f.rich) : ''))
          .join(' ');
        return;
      case 'signatures':
        parts.onBehalfOf =
          fillLines(block.text, values).map((f) => ('rich' in f ? richText(f.rich) : ''))[0] ?? null;
        return;
      case 'heading': {
        const following = blocksToUse.slice(i + 1).find((b) => b.kind !== 'heading');
        const slot = (following && slotOf(following)) ?? (current === 'application' ? 'decision' : current);
        current = slot;
        const label = LABEL_OF[slot];
        if (label && block.heading) parts.labels[label] = block.heading;
        return;
      }
      default:
        place(parts, slotOf(block) ?? current, block, next, input, values);
    }
  });
  return parts;
}

function labels(set: LetterTemplateSet, parts: ModelParts): LetterLabels {
  const header = set.headerFields ?? [];
  return {
    ...SWEDISH_LETTER_LABELS,
    ...(header[0] ? { organAndOfficer: header[0].label } : {}),
    ...(header[1] ? { date: header[1].label } : {}),
    ...(header[2] ? { reference: header[2].label } : {}),
    ...parts.labels,
    total: set.budgetTableTitles.totalColumn,
  };
}

export function buildDecisionLetterModel(input: LetterInput): LetterModel {
  const { decision, grantCase, organisation, region } = input;
  if (decision.outcome !== 'avslag' && decision.amount === null) {
    throw new LetterModelError('Beslutet beviljar stöd men saknar belopp');
  }
  const template = selectTemplate(input.templates, grantCase.track, decision.outcome);
  const values = letterValues(input);
  const parts = walk(template, input, values);
  return {
    region: {
      name: region.name,
      organ: region.letterhead.tjanstestalle,
      handlaggare: { name: input.officerName },
      postalAddress: [region.name, ...postalLines(region.postalAddress)],
      ...(region.web ? { web: region.web } : {}),
      ...(region.email ? { email: region.email } : {}),
    },
    labels: labels(input.templates, parts),
    date: decision.decisionDate,
    reference: grantCase.diarienummer,
    secrecy: grantCase.secrecyMarking,
    addressee: {
      name: organisation.name,
      addressLines: [...organisation.addressLines, `${organisation.postalCode} ${organisation.city}`],
    },
    title: parts.title || grantCase.title,
    application: parts.application,
    outcome: decision.outcome,
    decision: parts.decision,
    conditions: parts.conditions && parts.conditions.items.length > 0 ? parts.conditions : null,
    summary: parts.summary,
    reasons: parts.reasons,
    description: parts.description,
    budget: parts.budget,
    signatures: {
      onBehalfOf:
        parts.onBehalfOf ??
        input.templates.signatureLine ??
        region.letterhead.signatureLine ??
        `För ${region.name}`,
      signatories: input.signatories.map((s) => ({ name: s.name, title: s.title })),
    },
    appeal: parts.appeal.length > 0 ? parts.appeal : null,
  };
}

/** The builder under its role name, for callers that prefer an object. */
export const DecisionLetterModelBuilder = { build: buildDecisionLetterModel } as const;
