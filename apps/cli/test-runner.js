'use strict';
// `npm test`: type check, lint, then the whole jest suite (unit and end-to-end). Ends with the plain
// line "N passed, N failed" read from jest's JSON result, and exits non-zero when anything failed or
// when no test ran.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const { tmpdir } = require('node:os');
const { ensureChromium } = require('./chromium');

function step(root, label, cmd, args) {
  console.log(`\n> ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } });
  return r.status === 0;
}

async function runTests(root, jestArgs) {
  require('./tools').ensureTools();
  const bin = (p) => join(root, 'node_modules', p);
  const node = process.execPath;
  // The type check also writes dist/, which the multi-instance suite runs as separate processes.
  let ok = step(root, 'type check and build', node, [bin('typescript/bin/tsc'), '-p', 'tsconfig.json']);
  ok = step(root, 'eslint', node, [bin('eslint/bin/eslint.js'), '--max-warnings', '0', '.']) && ok;
  ok =
    step(root, 'type check (apps/web)', node, [bin('typescript/bin/tsc'), '-p', 'apps/web/tsconfig.json']) &&
    ok;
  ok =
    step(root, 'prettier', node, [bin('prettier/bin/prettier.cjs'), '--check', '--log-level', 'warn', '.']) &&
    ok;

  // The browser suites need the built app and Debian's Chromium.
  ok =
    step(root, 'build apps/web', node, [
      bin('vite/bin/vite.js'),
      'build',
      '--config',
      'apps/web/vite.config.mts',
      '--logLevel',
      'warn',
    ]) && ok;
  console.log('\n> chromium');
  ok = ensureChromium() && ok;

  const out = join(mkdtempSync(join(tmpdir(), 'anslag-jest-')), 'result.json');
  step(root, 'jest', node, [
    bin('jest/bin/jest.js'),
    '--json',
    `--outputFile=${out}`,
    '--maxWorkers=2',
    ...jestArgs,
  ]);
  let passed = 0;
  let failed = 0;
  if (existsSync(out)) {
    const result = JSON.parse(readFileSync(out, 'utf8'));
    passed = result.numPassedTests;
    failed = result.numFailedTests + result.numRuntimeErrorTestSuites;
    if (!result.success) ok = false;
  } else {
    ok = false;
    failed = 1;
  }
  if (passed + failed === 0) ok = false;
  if (!ok && failed === 0) failed = 1; // a failed check (types, lint, a suite that did not start) counts
  console.log(`\n${passed} passed, ${failed} failed`);
  return ok ? 0 : 1;
}

module.exports = { runTests };
