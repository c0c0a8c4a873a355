/**
 * LetterInput for the demo's real project decisions (MIND, Kottaberget), shaped as the rows the demo
 * loader and the signing service write: the case with its sections and budget lines, the organisation,
 * the region settings and a decision as the signing transaction stores it. Used by tests and the benchmark.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LetterInput, LetterLegalBases, LetterRegionProfile, LetterTemplateSet } from './letter-input';

interface DemoProjectCase {
  key: string;
  handlaggareKey: string | null;
  diarienummer: string;
  title: string;
  applicantOrganisationsnummer: string;
  period: { start: string; end: string };
  rus: { areas: string[]; effektmal: string[] };
  sections: { code: string; text: string }[];
  budget: {
    costs: { category: string; label: string; perYear: { year: number; kronor: number }[] }[];
    financing: {
      label: string;
      financier: string;
      sector: 'offentlig' | 'privat';
      fundingSource: string | null;
      perYear: { year: number; kronor: number }[];
    }[];
    inKind: { label: string; financier: string; perYear: { year: number; kronor: number }[] }[];
  };
  decision: {
    outcome: 'bifall' | 'avslag';
    decisionDate: string;
    signatories: { name: string; title: string }[];
    shareBasisPoints: number;
    capKronor: number;
    earliestStart: string;
    latestEnd: string;
    financingFrame: { sources: { fundingSource: string; label: string; kronor: number }[] };
    skalTillBeslut: string;
    rank: { quote: string };
  };
}

interface DemoOrganisation {
  organisationsnummer: string;
  name: string;
  nameInText: string | null;
  postalAddress: { lines: string[]; postalCode: string; postalTown: string };
}

export interface DemoFiles {
  region: LetterRegionProfile & { staff: { key: string; name: string; titles: string[] }[] };
  templates: LetterTemplateSet;
  legalBases: LetterLegalBases;
  projectCases: DemoProjectCase[];
  organisations: DemoOrganisation[];
}

/** Reads the demo data files that letters use from a data directory (libs/demo/data). */
export function readDemoFiles(dir: string): DemoFiles {
  const json = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  return {
    region: json('region.json').region,
    templates: json('letter-templates.json'),
    legalBases: json('legal-bases.json'),
    projectCases: json('project-cases.json').projectCases,
    organisations: json('organisations.json').organisations,
  };
}

/** The case's handläggare; where the documents name none, the first one the region lists. */
function officerOf(files: DemoFiles, key: string | null): string {
  const staff = files.region.staff;
  const named = staff.find((s) => s.key === key) ?? staff.find((s) => s.titles.includes('Handläggare'));
  return named?.name ?? '';
}

/** The input for one of the demo's project cases, by key ("mind", "kottaberget"). */
export function demoLetterInput(files: DemoFiles, key: string): LetterInput {
  const p = files.projectCases.find((c) => c.key === key);
  if (!p) throw new Error(`no demo project case ${key}`);
  const org = files.organisations.find((o) => o.organisationsnummer === p.applicantOrganisationsnummer)!;
  const d = p.decision;
  // Reasons beyond the RUS sentence and the inriktningsbeslut are the officer's own words.
  const furtherReasons =
    d.skalTillBeslut
      .split(/\n\s*\n/)
      .slice(2)
      .join('\n\n') || null;
  const lines = [
    ...p.budget.costs.flatMap((l) =>
      l.perYear.map((y) => ({
        kind: 'cost' as const,
        code: l.category,
        label: l.label,
        year: y.year,
        amount: y.kronor,
      })),
    ),
    ...p.budget.financing.flatMap((l) =>
      l.perYear.map((y) => ({
        kind: 'financing' as const,
        code: l.fundingSource ?? l.label,
        label: l.label,
        year: y.year,
        amount: y.kronor,
        sector: l.sector,
        regionGrant: l.fundingSource !== null,
      })),
    ),
    ...p.budget.inKind.flatMap((l) =>
      l.perYear.map((y) => ({
        kind: 'in_kind' as const,
        code: l.financier,
        label: l.label,
        year: y.year,
        amount: y.kronor,
      })),
    ),
  ].filter((l) => l.amount !== 0);
  return {
    decision: {
      outcome: d.outcome,
      amount: d.capKronor,
      shareBp: d.shareBasisPoints,
      earliestStart: d.earliestStart,
      latestEnd: d.latestEnd,
      financing: d.financingFrame.sources.map((s) => ({
        source: s.fundingSource,
        label: s.label,
        amount: s.kronor,
      })),
      conditions: [],
      reasons: {
        rusArea: p.rus.areas[0] ?? null,
        effektmal: null,
        rankQuote: d.rank.quote,
        text: furtherReasons,
      },
      rejectionGrounds: null,
      legalBasis: [
        {
          code: 'SFS 2003:596',
          kind: 'national',
          title: 'Förordning (2003:596) om bidrag för projektverksamhet inom den regionala tillväxtpolitiken',
        },
      ],
      appealable: false,
      decidedByNamnd: false,
      decisionDate: d.decisionDate,
    },
    grantCase: {
      diarienummer: p.diarienummer,
      track: 'projekt',
      title: p.title,
      periodStart: p.period.start,
      periodEnd: p.period.end,
      rusAreas: p.rus.areas,
      effektmal: p.rus.effektmal,
      sections: Object.fromEntries(p.sections.map((s) => [s.code, s.text])),
      amountApplied: null,
      description: null,
      secrecyMarking: null,
    },
    organisation: {
      name: org.name,
      nameInText: org.nameInText,
      organisationsnummer: org.organisationsnummer,
      addressLines: org.postalAddress.lines,
      postalCode: org.postalAddress.postalCode,
      city: org.postalAddress.postalTown,
    },
    budgetLines: lines,
    region: files.region,
    templates: files.templates,
    legalBases: files.legalBases,
    ruleSet: { year: 2019, decidedDate: '2018-11-28', paragraph: '§ 83', extendedDate: '2020-01-22' },
    officerName: officerOf(files, p.handlaggareKey),
    signatories: d.signatories,
  };
}
