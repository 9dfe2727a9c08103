/**
 * A soak, to catch leaks and slowdowns that only show over time: the dashboard and the local
 * warehouse as `npm start` runs them, for `--minutes` (default 10), launching `--queries` async
 * queries (1,000) and `--services` job services (50) in waves over the first three quarters of
 * the run, with `--clients` (20) browser-like clients on /api/events refetching what the Jobs
 * page refetches. Prints both processes' memory, heap, sockets and CPU over the run, how far
 * behind the warehouse the clients heard each job end (p95, max), the errors, and a one-line
 * verdict. Asserts nothing.
 *
 * Run: npm run bench:soak -- --minutes=10 --queries=1000 --services=50 --clients=20
 * (builds the dashboard first when the build is stale; run it while the machine is quiet).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildIfStale } from '../scripts/launcher/build';
import { freePort } from './local-warehouse-process';
import { printSoakReport } from './soak/soak-report';
import { runSoak } from './soak/run-soak';

function wholeNumber(name: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number of at least ${min}; got "${text}".`);
  return value;
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '10' },
      queries: { type: 'string', default: '1000' },
      services: { type: 'string', default: '50' },
      clients: { type: 'string', default: '20' },
    },
    strict: true,
  });
  return {
    minutes: wholeNumber('minutes', values.minutes, 1),
    queries: wholeNumber('queries', values.queries, 1),
    services: wholeNumber('services', values.services, 0),
    clients: wholeNumber('clients', values.clients, 1),
  };
}

let options: ReturnType<typeof readOptions>;
try {
  options = readOptions();
} catch (error) {
  console.error(`bench:soak: ${(error as Error).message}`);
  process.exit(2);
}

const root = path.resolve(import.meta.dirname, '..');
if (!buildIfStale(root, process.env)) {
  console.error('bench:soak: the dashboard build failed');
  process.exit(1);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'flurry-soak-'));
try {
  const report = await runSoak({
    ...options,
    dashboardPort: await freePort(),
    warehousePort: await freePort(),
    dataDir,
    querySeconds: [0.5, 6],
    serviceSeconds: [5, 30],
    sampleEveryMs: 60_000,
    log: (line) => console.log(`  ${line}`),
  });
  printSoakReport(options, report);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
