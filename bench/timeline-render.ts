/**
 * The Timeline with many jobs in view, in Debian's Chromium against the real dashboard (built
 * with `next build`, as `npm start` serves it). A registry is seeded with batches of 1,000 and
 * 10,000 finished jobs (warehouse times, queued and running segments, three outcomes); for
 * each, the batch page is opened several times and the chart panned, dragged and zoomed.
 * Prints, per size, side by side:
 * - data: GET /api/timeline for the batch (server read + JSON), median;
 * - first draw: navigation start to bars and summary on screen, median;
 * - render: the timeline data's arrival to bars on screen (the page's own work), median;
 * - drag / wheel frames: time between frames while the chart is dragged (or wheel-zoomed) one
 *   step per frame, median, p95 and worst (16.7 ms is 60 frames a second);
 * - rows in the DOM: how many rows are actually rendered (the rest are culled).
 *
 * Run: npm run bench:timeline
 */
import type { Page } from '@playwright/test';
import { registryFile } from '@/lib/registry';
import { Registry } from '@/lib/registry/registry';
import { frameSummary, frameTimes, startBrowserDashboard } from './browser-dashboard';
import { median, ms } from './stats';

const SIZES = [1_000, 10_000];
const LOADS = 5;
const FRAMES = 90;
const PLOT = '[data-timeline] svg[data-plot]';

/** A deterministic pseudo-random sequence, so every run draws the same jobs. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

/**
 * A finished batch of `size` jobs over about ten minutes: submitted in waves, each waiting
 * up to 2 s and running 1–60 s; 90% succeed, 6% fail, 4% are cancelled.
 */
async function seedBatch(registry: Registry, size: number, start: number): Promise<string> {
  const { batch, jobs } = await registry.createBatch(
    { label: `bench ${size}`, mode: 'parallel', jobs: Array.from({ length: size }, (_, i) => ({ sql: `CALL SYSTEM$WAIT(${(i % 60) + 1})`, kind: 'query' as const })) },
    start,
  );
  const next = random(size);
  const times = jobs.map((job, i) => {
    const submittedAt = start + Math.floor(i / 50) * 3_000 + Math.floor(next() * 500);
    const startedAt = submittedAt + Math.floor(next() * 2_000);
    return { job, submittedAt, startedAt, endedAt: startedAt + 1_000 + Math.floor(next() * 59_000), roll: next() };
  });
  await registry.recordSubmissions(times.map(({ job, submittedAt }) => ({ jobId: job.id, queryId: `bench-${job.id}`, at: submittedAt })));
  await registry.recordStatusChanges(
    times.map(({ job, endedAt, roll }) => ({
      jobId: job.id,
      rawStatus: roll < 0.9 ? 'SUCCESS' : roll < 0.96 ? 'FAILED_WITH_ERROR' : 'ABORTED',
      at: endedAt,
    })),
  );
  await registry.applyWarehouseTimes(
    times.map(({ job, submittedAt, startedAt, endedAt }) => ({ jobId: job.id, submittedAt, startedAt, endedAt, errorCode: null, errorMessage: null, rowCount: 1 })),
  );
  return batch.id;
}

interface Figures {
  data: number[];
  firstDraw: number[];
  render: number[];
  drag: number[];
  wheel: number[];
  rows: number;
}

async function measure(page: Page, baseUrl: string, batchId: string, size: number): Promise<Figures> {
  const figures: Figures = { data: [], firstDraw: [], render: [], drag: [], wheel: [], rows: 0 };
  for (let load = 0; load < LOADS; load += 1) {
    await page.goto(`${baseUrl}/batches/${batchId}`);
    await page.waitForSelector('[data-bar]');
    await page.waitForSelector('[data-metric="makespan"]');
    const timing = await page.evaluate(() => {
      const drawn = performance.now();
      const request = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/api/timeline')) as PerformanceResourceTiming;
      return { drawn, arrived: request.responseEnd, requested: request.requestStart };
    });
    figures.firstDraw.push(timing.drawn);
    figures.render.push(timing.drawn - timing.arrived);
    figures.data.push(timing.arrived - timing.requested);
  }
  figures.rows = await page.locator('[data-row]').count();
  const total = await page.locator('[data-timeline] [data-timeline-rows] > div').evaluate((element) => element.getBoundingClientRect().height);
  if (total < size * 20) throw new Error(`the chart does not hold ${size} rows`);
  figures.drag = await frameTimes(page, { selector: PLOT, kind: 'drag', events: 'pointer', frames: FRAMES });
  figures.wheel = await frameTimes(page, { selector: PLOT, kind: 'wheel', events: 'pointer', frames: FRAMES });
  return figures;
}

const batches = new Map<number, string>();
const dashboard = await startBrowserDashboard({
  name: 'timeline',
  async beforeStart(dataDir) {
    const registry = await Registry.open(registryFile(dataDir));
    let start = Date.now() - 3_600_000;
    for (const size of SIZES) {
      batches.set(size, await seedBatch(registry, size, start));
      start += 1_200_000;
    }
    registry.close();
  },
});
try {
  const { page, baseUrl } = dashboard;
  const results = new Map<number, Figures>();
  for (const size of SIZES) results.set(size, await measure(page, baseUrl, batches.get(size) as string, size));

  console.log(`\nTimeline in Chromium (${LOADS} loads, ${FRAMES} frames of drag and of wheel per size)\n`);
  console.log('| jobs | data (median) | first draw (median) | render (median) | drag frame p50 / p95 / worst | wheel frame p50 / p95 / worst | rows in DOM |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [size, figures] of results) {
    console.log(
      `| ${size.toLocaleString('en-US')} | ${ms(median(figures.data))} | ${ms(median(figures.firstDraw))} | ${ms(median(figures.render))} | ${frameSummary(figures.drag)} | ${frameSummary(figures.wheel)} | ${figures.rows} |`,
    );
  }
  const [small, large] = SIZES.map((size) => results.get(size) as Figures);
  console.log(
    `\n10× the jobs: data ${(median(large.data) / median(small.data)).toFixed(1)}×, render ${(median(large.render) / median(small.render)).toFixed(1)}×, drag frame ${(median(large.drag) / median(small.drag)).toFixed(1)}×`,
  );
} finally {
  await dashboard.close();
}
