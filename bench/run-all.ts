import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from './bench-result';

/** Scenarios by name; each module exports run(). */
const SCENARIOS = [
  'health',
  'security',
  'api-cost',
  'rules',
  'what-if',
  'case-search',
  'letters',
  'letters-queue',
  'reports',
  'cluster',
  'web',
];
const MARK = '@@bench-result@@ ';
/** The Node flags the api and the worker run with (apps/cli/run.js, cluster.js, docker/compose.yml). */
const NODE_FLAGS: { api: string[]; worker: string[] } = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'apps', 'cli', 'node-flags.json'), 'utf8'),
);
const API_SCENARIOS = ['health', 'security', 'api-cost', 'what-if', 'case-search', 'reports', 'web'];

/** Runs one scenario in this process and prints its rows for the parent. */
async function runOne(name: string): Promise<void> {
  const mod = (await import(`./${name}.bench`)) as { run: () => Promise<BenchResult[]> };
  for (const r of await mod.run()) console.log(MARK + JSON.stringify(r));
  process.exit(0);
}

/** Each scenario in a fresh process, so that memory figures are its own and one cannot slow the next. */
function runAll(only: string[]): void {
  // Rows of scenarios not run this time are kept from the last run (bench/results.json).
  const store = join(__dirname, '..', '..', 'bench', 'results.json');
  const kept: Record<string, BenchResult[]> = existsSync(store)
    ? JSON.parse(readFileSync(store, 'utf8'))
    : {};
  const byScenario: Record<string, BenchResult[]> = {};
  for (const name of SCENARIOS.filter((s) => only.length === 0 || only.includes(s))) {
    console.log(`running ${name}…`);
    // Scenarios that run the api do so with the api's heap cap (apps/cli/run.js, docker/compose.yml).
    const heap = API_SCENARIOS.includes(name) ? NODE_FLAGS.api : [];
    const child = spawnSync(process.execPath, [...heap, ...process.execArgv, __filename, '--one', name], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const found = (child.stdout ?? '')
      .split('\n')
      .filter((l) => l.startsWith(MARK))
      .map((l) => JSON.parse(l.slice(MARK.length)) as BenchResult);
    if (child.status !== 0 || found.length === 0) console.log(`  ${name} failed (exit ${child.status})`);
    byScenario[name] = found;
    for (const r of found) {
      console.log(
        `  ${r.name}: ${r.figure} ${r.unit}; ceiling ${r.ceiling} ${r.unit}; ratio ${r.ratio.toFixed(2)}`,
      );
    }
  }
  const merged = { ...kept, ...byScenario };
  writeFileSync(store, JSON.stringify(merged, null, 2) + '\n');
  const rows = SCENARIOS.flatMap((s) => merged[s] ?? []);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const table = [
    '# Benchmark results',
    '',
    `Machine: ${machine}. Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; each scenario runs in a process of its own.`,
    '',
    '| scenario | figure | bare ceiling | ratio | note |',
    '|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.figure} ${r.unit} | ${r.ceiling} ${r.unit} | ${r.ratio.toFixed(2)} | ${r.note ?? ''} |`,
    ),
    '',
  ].join('\n');
  writeFileSync(join(__dirname, '..', '..', 'bench', 'results.md'), table);
}

if (process.argv[2] === '--one') {
  runOne(process.argv[3]).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
} else {
  runAll(process.argv.slice(2));
}
