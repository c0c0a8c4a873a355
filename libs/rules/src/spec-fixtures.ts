/**
 * Test fixtures for the rules specs: the default rule data and small builders for cases. Only the
 * specs import this file; the library itself never reads files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  FirmEvaluationInput,
  OrganisationFacts,
  ProjectEvaluationInput,
  RuleSet,
  RusCatalogue,
} from './types';

const DATA = join(__dirname, '..', '..', 'demo', 'data');

export function loadJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(DATA, file), 'utf8')) as T;
}

interface RatesFile {
  rates: { month: string; orePerEur: number }[];
}

/** The demo's monthly rates as the installation's loaded rates are merged into the rule set in force. */
export const demoRates = () =>
  loadJson<RatesFile>('exchange-rates.json').rates.map((r) => ({
    from: `${r.month}-01`,
    orePerEur: r.orePerEur,
  }));

export const ruleSet2019 = (): RuleSet => {
  const rs = loadJson<RuleSet>('inriktningsbeslut-2019.json');
  rs.deMinimis.exchangeRates = demoRates();
  return rs;
};
export const rus2018 = (): RusCatalogue => loadJson<RusCatalogue>('rus-2018-2030.json');

export const NBSP = '\u00a0';
/** "30 000 kr" with the non-breaking spaces the reasons use. */
export const kr = (text: string): string => `${text.replace(/ /g, NBSP)}${NBSP}kr`;

export function org(overrides: Partial<OrganisationFacts> = {}): OrganisationFacts {
  return {
    kommun: 'Kumla',
    inTatort: false,
    employees: 2,
    fte: 150,
    runBy: 'man',
    bornOutsideNordics: null,
    newInnovativeIdea: null,
    ...overrides,
  };
}

export function firmCase(overrides: Partial<FirmEvaluationInput> = {}): FirmEvaluationInput {
  return {
    track: 'foretagsstod',
    registrationDate: '2019-10-10',
    decisionDate: '2019-11-15',
    aidForm: 'mikrobidrag',
    costLines: [{ amount: 60_000, costType: 'machinery', description: 'Kaffebrännare' }],
    amountApplied: 30_000,
    plannedStart: '2019-11-20',
    receivedAt: '2019-10-08T10:12:00Z',
    organisation: org(),
    priorityFlags: [],
    history: { grants: [], deMinimis: [] },
    stateAidFacts: { inDifficulty: false },
    ...overrides,
  };
}

export function projectCase(overrides: Partial<ProjectEvaluationInput> = {}): ProjectEvaluationInput {
  return {
    track: 'projekt',
    registrationDate: '2019-10-01',
    decisionDate: '2019-11-18',
    rusAreas: ['innovationskraft_specialisering'],
    forstudie: false,
    euCofinancing: false,
    buildsOnEarlier: false,
    bookedCostsTotal: 484_000,
    amountApplied: 432_000,
    stateAid: { isStateAid: false },
    ...overrides,
  };
}
