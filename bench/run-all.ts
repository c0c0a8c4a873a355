import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from './bench-result';

/** Scenarios by name; each module exports run(). Missing modules (not built yet) are skipped with a note. */
const SCENARIOS = ['health', 'rules', 'what-if', 'case-search', 'letters', 'letters-queue', 'reports'];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const rows: BenchResult[] = [];
  for (const name of SCENARIOS.filter((s) => only.length === 0 || only.includes(s))) {
    let mod: { run: () => Promise<BenchResult[]> };
    try {
      mod = (await import(`./${name}.bench`)) as typeof mod;
    } catch (e) {
      console.log(`${name}: not available (${e instanceof Error ? e.message.split('\n')[0] : e})`);
      continue;
    }
    console.log(`running ${name}…`);
    for (const r of await mod.run()) {
      rows.push(r);
      console.log(
        `  ${r.name}: ${r.figure} ${r.unit}; ceiling ${r.ceiling} ${r.unit}; ratio ${r.ratio.toFixed(2)}`,
      );
    }
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const table = [
    '# Benchmark results',
    '',
    `Machine: ${machine}. Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}.`,
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
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
