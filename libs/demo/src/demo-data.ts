import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import type {
  CataloguesFile,
  CompanyCasesFile,
  DelegationOrderFile,
  DemoData,
  DemoFileHeader,
  LegalBasesFile,
  LetterTemplatesFile,
  OrganisationsFile,
  ExchangeRatesFile,
  ProjectCasesFile,
  RawBudgetTable,
  RegionFile,
  UsersFile,
} from './demo-data.types';

/** The demo data files, by what they hold. */
export const DEMO_FILES = {
  region: 'region.json',
  delegationOrder: 'delegation-order.json',
  organisations: 'organisations.json',
  projectCases: 'project-cases.json',
  companyCases: 'company-cases.json',
  users: 'users.json',
  letterTemplates: 'letter-templates.json',
  catalogues: 'catalogues.json',
  /** What letters tell per legal basis: titles, appeal routes, conditions, the de minimis notice. */
  legalBases: 'legal-bases.json',
  panBudgetAsTyped: 'pan-budget-as-typed.csv',
  /** Written by the rules library; optional here. */
  inriktningsbeslut2019: 'inriktningsbeslut-2019.json',
  /** Written by the rules library; optional here. */
  rus20182030: 'rus-2018-2030.json',
  /** The Commission's monthly euro rates (demo values, to confirm against InforEuro); optional here. */
  exchangeRates: 'exchange-rates.json',
} as const;

export class DemoDataError extends Error {}

/**
 * True when `value` is `NNNNNN-NNNN` and the ten digits pass the Luhn (modulus 10, weights 2-1) check that
 * Skatteverket uses for organisationsnummer and personnummer.
 */
export function isValidOrganisationsnummer(value: string): boolean {
  const m = /^(\d{6})-(\d{4})$/.exec(value);
  if (!m) return false;
  const digits = (m[1] + m[2]).split('').map(Number);
  const sum = digits.reduce((acc, d, i) => {
    if (i % 2 === 1) return acc + d;
    const doubled = d * 2;
    return acc + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return sum % 10 === 0;
}

export const DEFAULT_DEMO_DATA_DIR = join(__dirname, '..', 'data');

function readText(dir: string, file: string): string {
  const path = join(dir, file);
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new DemoDataError(`Demo data file ${file} cannot be read: ${(e as Error).message}`);
  }
}

function readJson<T>(dir: string, file: string, key?: string): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readText(dir, file));
  } catch (e) {
    if (e instanceof DemoDataError) throw e;
    throw new DemoDataError(`Demo data file ${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (key !== undefined && (typeof parsed !== 'object' || parsed === null || !(key in parsed))) {
    throw new DemoDataError(`Demo data file ${file} has no "${key}"`);
  }
  return parsed as T;
}

function readOptionalJson(dir: string, file: string): unknown | null {
  return existsSync(join(dir, file)) ? readJson<unknown>(dir, file) : null;
}

/**
 * Reads a semicolon-separated table whose first line is the header: `section;label;<year>...;Totalt`.
 * Cells stay raw strings; turning them into kronor is the importer's job (and where "75 00" must fail).
 */
export function parseRawBudgetTable(text: string): RawBudgetTable {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new DemoDataError('The budget table is empty');
  const header = lines[0].split(';');
  const rows = lines.slice(1).map((line, i) => {
    const cells = line.split(';');
    if (cells.length !== header.length) {
      throw new DemoDataError(
        `Budget table line ${i + 2} has ${cells.length} cells, the header has ${header.length}`,
      );
    }
    const [section, label, ...amounts] = cells;
    return { section, label, cells: amounts };
  });
  return { header, rows };
}

/** Reads every demo data file in `dir` and returns them typed. Throws DemoDataError on a missing file. */
export function loadDemoData(dir: string = DEFAULT_DEMO_DATA_DIR): DemoData {
  const region = readJson<RegionFile>(dir, DEMO_FILES.region, 'region');
  const delegation = readJson<DelegationOrderFile>(dir, DEMO_FILES.delegationOrder, 'delegationOrder');
  const organisations = readJson<OrganisationsFile>(dir, DEMO_FILES.organisations, 'organisations');
  const projects = readJson<ProjectCasesFile>(dir, DEMO_FILES.projectCases, 'projectCases');
  const companies = readJson<CompanyCasesFile>(dir, DEMO_FILES.companyCases, 'companyCases');
  const users = readJson<UsersFile>(dir, DEMO_FILES.users, 'users');
  const letters = readJson<LetterTemplatesFile>(dir, DEMO_FILES.letterTemplates, 'templates');
  const catalogues = readJson<CataloguesFile>(dir, DEMO_FILES.catalogues, 'sections');
  const legalBases = readJson<LegalBasesFile>(dir, DEMO_FILES.legalBases, 'bases');

  const headers: [string, DemoFileHeader][] = [
    [DEMO_FILES.region, region],
    [DEMO_FILES.delegationOrder, delegation],
    [DEMO_FILES.organisations, organisations],
    [DEMO_FILES.projectCases, projects],
    [DEMO_FILES.companyCases, companies],
    [DEMO_FILES.users, users],
    [DEMO_FILES.letterTemplates, letters],
    [DEMO_FILES.catalogues, catalogues],
  ];

  return {
    region: region.region,
    delegationOrder: delegation.delegationOrder,
    organisations: organisations.organisations,
    projectCases: projects.projectCases,
    companyCases: companies.companyCases,
    companyReport: companies.report,
    users: users.users,
    letterTemplates: letters,
    legalBases,
    panBudgetAsTyped: parseRawBudgetTable(readText(dir, DEMO_FILES.panBudgetAsTyped)),
    inriktningsbeslut2019: readOptionalJson(dir, DEMO_FILES.inriktningsbeslut2019),
    rus20182030: readOptionalJson(dir, DEMO_FILES.rus20182030),
    catalogues,
    exchangeRates: readOptionalJson(dir, DEMO_FILES.exchangeRates) as ExchangeRatesFile | null,
    assumptions: Object.fromEntries(headers.map(([file, h]) => [file, h.assumptions ?? []])),
  };
}
