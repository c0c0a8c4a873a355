/**
 * Evaluations per second of the pure rules library on a realistic mix of cases (projects and every
 * aid form, with histories, excluded costs, refusals), side by side with a bare loop that only copies
 * each input. Both loops run the same number of iterations over the same inputs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  evaluate,
  type EvaluationInput,
  type FirmEvaluationInput,
  type RuleSet,
  type RusCatalogue,
} from '@anslag/rules';
import type { BenchResult } from './bench-result';

const ITERATIONS = 200_000;
const WARMUP = 20_000;
const TARGET_PER_SECOND = 50_000;

/** The default rule data, found from the source tree or from the compiled tree in dist/. */
function loadData<T>(file: string): T {
  const candidates = [
    join(__dirname, '..', 'libs', 'demo', 'data'),
    join(__dirname, '..', '..', 'libs', 'demo', 'data'),
  ];
  const dir = candidates.find((d) => existsSync(join(d, file)));
  if (!dir) throw new Error(`${file} not found next to the benchmark`);
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
}

const organisation = {
  kommun: 'Kumla',
  inTatort: false,
  employees: 3,
  fte: 200,
  runBy: 'kvinnor' as const,
  bornOutsideNordics: null,
  newInnovativeIdea: true,
};

function firm(o: Partial<FirmEvaluationInput>): FirmEvaluationInput {
  return {
    track: 'foretagsstod',
    registrationDate: '2019-10-09',
    decisionDate: '2019-11-15',
    aidForm: 'mikrobidrag',
    costLines: [
      { amount: 40_000, costType: 'machinery', date: '2019-10-20' },
      { amount: 20_000, costType: 'equipment' },
    ],
    amountApplied: 30_000,
    plannedStart: '2019-11-20',
    receivedAt: '2019-10-08T10:12:00Z',
    organisation,
    priorityFlags: ['miljo'],
    history: {
      grants: [{ aidForm: 'mikrobidrag', date: '2018-03-01', amount: 25_000 }],
      deMinimis: [
        { date: '2018-03-01', amount: 25_000, currency: 'SEK', grantor: 'Region Örebro län' },
        { date: '2017-06-01', amount: 40_000, currency: 'EUR', grantor: 'Tillväxtverket' },
      ],
    },
    ...o,
  };
}

function mix(): EvaluationInput[] {
  const project = {
    track: 'projekt' as const,
    registrationDate: '2019-10-01',
    decisionDate: '2019-11-18',
    forstudie: false,
    euCofinancing: false,
    buildsOnEarlier: false,
    bookedCostsTotal: 918_163,
    amountApplied: 137_725,
  };
  return [
    { ...project, rusAreas: ['innovationskraft_specialisering'] },
    { ...project, rusAreas: ['kompetensforsorjning_matchning'], euCofinancing: true },
    { ...project, rusAreas: ['upplevelser_evenemang'], forstudie: true },
    {
      ...project,
      rusAreas: ['naringsliv_entreprenorskap'],
      bookedCostsTotal: 3_351_011,
      amountApplied: 1_675_505,
    },
    firm({}),
    firm({
      organisation: {
        ...organisation,
        kommun: 'Örebro',
        inTatort: true,
        runBy: 'man',
        bornOutsideNordics: false,
      },
    }),
    firm({ decisionDate: '2024-03-01', plannedStart: '2024-04-01', receivedAt: '2024-02-01T08:00:00Z' }),
    firm({
      aidForm: 'konsultcheck',
      amountApplied: 150_001,
      costLines: [{ amount: 320_000, costType: 'consultancy' }],
    }),
    firm({
      aidForm: 'saddbidrag',
      amountApplied: 315_000,
      costLines: [{ amount: 630_000, costType: 'external_services' }],
    }),
    firm({
      aidForm: 'investeringsstod',
      amountApplied: 260_625,
      costLines: [
        { amount: 1_042_500, costType: 'machinery' },
        { amount: 350_000, costType: 'vehicle' },
      ],
    }),
    firm({
      aidForm: 'kommersiell_service',
      subform: 'driftstod',
      amountApplied: 20_000,
      costLines: [{ amount: 45_000, costType: 'running_costs' }],
    }),
    firm({
      aidForm: 'kommersiell_service',
      subform: 'hemsandningsbidrag',
      amountApplied: 3_400,
      costLines: [{ amount: 6_800, costType: 'home_delivery' }],
    }),
  ];
}

function perSecond(iterations: number, start: bigint, end: bigint): number {
  return Math.round((iterations * 1e9) / Number(end - start));
}

export async function run(): Promise<BenchResult[]> {
  const ruleSet = loadData<RuleSet>('inriktningsbeslut-2019.json');
  const rus = loadData<RusCatalogue>('rus-2018-2030.json');
  const inputs = mix();
  const n = inputs.length;
  let sink = 0;
  for (let i = 0; i < WARMUP; i++) sink += evaluate(inputs[i % n], ruleSet, rus).maxGrant.amount;

  const t0 = process.hrtime.bigint();
  for (let i = 0; i < ITERATIONS; i++) sink += evaluate(inputs[i % n], ruleSet, rus).maxGrant.amount;
  const t1 = process.hrtime.bigint();
  for (let i = 0; i < ITERATIONS; i++) sink += { ...inputs[i % n] }.registrationDate.length;
  const t2 = process.hrtime.bigint();

  const evaluations = perSecond(ITERATIONS, t0, t1);
  const copies = perSecond(ITERATIONS, t1, t2);
  const verdict = evaluations >= TARGET_PER_SECOND ? 'met' : 'NOT met';
  const note = `${n} cases (4 projects, every aid form), ${ITERATIONS} iterations; target ${TARGET_PER_SECOND}/s ${verdict}; checksum ${sink % 1000}`;
  // The ceiling is the bare loop: the same iterations over the same inputs, only copying each one.
  return [
    {
      name: 'rules: evaluate (mixed cases)',
      figure: evaluations,
      unit: 'evaluations/s',
      ceiling: copies,
      ratio: evaluations / copies,
      note,
    },
  ];
}

if (require.main === module) {
  void run().then((results) => console.table(results));
}
