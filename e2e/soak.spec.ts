/**
 * The soak in short (the full one is `npm run bench:soak`, bench/soak.ts): 100 async queries and
 * 5 job services launched in waves through the dashboard's server actions over 75 s, 5 clients
 * on /api/events refetching as the Jobs page does. Nothing is lost, listed or run twice, every
 * client hears every job end, nothing fails, and memory does not run away. The lag is printed,
 * never asserted: this machine's speed is not what is tested.
 */
import { test, expect } from '@playwright/test';
import { runSoak } from '../bench/soak/run-soak';
import { printSoakReport, warmSample } from '../bench/soak/soak-report';
import { SOAK_PORTS } from './ports';
import { freshDir } from './support/processes';

const OPTIONS = { minutes: 1.25, queries: 100, services: 5, clients: 5 };
/** The end's RSS may exceed the warm-up mark's (a quarter in: routes loaded, caches warm) by this factor at most. */
const RSS_GROWTH_BOUND = 1.5;

test('a short soak loses nothing, errs nowhere, and every client hears every job end', async () => {
  test.setTimeout(420_000);
  const report = await runSoak({
    ...OPTIONS,
    dashboardPort: SOAK_PORTS.dashboard,
    warehousePort: SOAK_PORTS.warehouse,
    dataDir: freshDir('soak'),
    querySeconds: [0.2, 3],
    serviceSeconds: [3, 8],
    sampleEveryMs: 15_000,
    log: (line) => console.log(line),
  });
  printSoakReport(OPTIONS, report);

  expect(report.httpErrors).toEqual([]);
  expect(report.launched).toEqual({ jobs: 105, queries: 100, services: 5 });
  expect(report.lost).toEqual([]);
  expect(report.duplicated).toEqual([]);
  expect(report.ranTwice).toEqual([]);
  expect(report.unfinished).toEqual([]);
  expect(report.missedFinals).toBe(0);
  expect(report.reconnects).toBe(0);
  const warm = warmSample(report.samples, OPTIONS.minutes);
  const end = report.samples[report.samples.length - 1];
  for (const process of ['dashboard', 'warehouse'] as const) {
    expect(end[process].rssMiB, `${process} RSS at the end against ${warm[process].rssMiB.toFixed(0)} MiB at the warm-up mark`).toBeLessThan(
      warm[process].rssMiB * RSS_GROWTH_BOUND,
    );
  }
});
