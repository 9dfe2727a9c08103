#!/usr/bin/env node
/**
 * `npm test`: every check, in order — the static checks (ESLint: import cycles and the layers'
 * boundaries, see docs/architecture.md; the TypeScript compiler), unit and integration tests
 * (Vitest: real DuckDB, the real snowflake-sdk against a real local warehouse), then end-to-end
 * tests in a real Chromium (Playwright). Prints one closing line `N passed, N failed`, where each
 * static check counts as one.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDependencies, root } from './lib/ensure-dependencies.mjs';

ensureDependencies();

const chromium = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.error(
    `flurry: no Chromium at ${chromium}. Install Debian's package (apt-get install -y chromium) ` +
      'or set PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH.',
  );
  process.exit(1);
}

// The sandbox tests run job containers under bubblewrap; without it they would fail one by one.
const bwrap = spawnSync('bwrap', ['--version'], { encoding: 'utf8' });
if (bwrap.status !== 0) {
  console.error("flurry: no bubblewrap (bwrap) on PATH. Install Debian's package (apt-get install -y bubblewrap).");
  process.exit(1);
}

const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'flurry-test-'));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

function run(name, args, extraEnv = {}) {
  console.log(`\n── ${name} ──`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const staticChecks = [
  run('boundaries and import cycles (ESLint)', ['node_modules/eslint/bin/eslint.js', '.', '--max-warnings=0']),
  run('types (TypeScript)', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']),
];

const vitestJson = path.join(reports, 'vitest.json');
const vitestStatus = run('unit and integration tests (Vitest)', [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson(vitestJson);

const playwrightJson = path.join(reports, 'playwright.json');
const playwrightStatus = run(
  'end-to-end tests (Playwright, Chromium)',
  ['node_modules/@playwright/test/cli.js', 'test', '--reporter=list,json'],
  { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
);
const playwright = readJson(playwrightJson);

let passed = staticChecks.filter((status) => status === 0).length;
let failed = staticChecks.length - passed;
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  // A suite that failed to load has no tests counted; it still failed.
  if (vitestStatus !== 0 && vitest.numFailedTests === 0) failed += Math.max(1, vitest.numFailedTestSuites);
} else if (vitestStatus !== 0) failed += 1;
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  if (playwrightStatus !== 0 && playwright.stats.unexpected === 0) failed += 1;
} else if (playwrightStatus !== 0) failed += 1;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || staticChecks.some((status) => status !== 0) || vitestStatus !== 0 || playwrightStatus !== 0 ? 1 : 0);
