/**
 * Parallel batches of 6 and 100 queries through the dashboard's real launch path and tracker,
 * against the local warehouse in its own process. Prints, per batch size:
 * - submission: from launchBatch() to every query having a warehouse query id;
 * - start spread: last START minus first START, from the warehouse's own QUERY_HISTORY;
 * - end → event: from a query's END_TIME (warehouse) to the tracker publishing its final phase,
 *   p50 and p95 over every query of every run.
 *
 * Run: npm run bench
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@/lib/config';
import type { ChangeEvent } from '@/lib/domain/job';
import { isTerminal } from '@/lib/domain/status';
import { launchBatch } from '@/lib/jobs/launch';
import { threadPoolSizeFor } from '@/lib/local-warehouse/engine/thread-pool';
import { registryFile } from '@/lib/registry';
import { Registry } from '@/lib/registry/registry';
import { createEventBus } from '@/lib/tracker/events';
import { Tracker } from '@/lib/tracker/tracker';
import { createWarehouseCalls } from '@/lib/warehouse/calls';
import { createWarehousePool } from '@/lib/warehouse/pool';
import { startWarehouseProcess } from './local-warehouse-process';
import { median, ms, percentile } from './stats';

const SIZES = [
  { size: 6, runs: 7 },
  { size: 100, runs: 6 },
];

/** Waits of 0.6–2.0 s, varied so the queries end at different moments. */
function batchSql(size: number): string {
  return Array.from({ length: size }, (_, i) => `CALL SYSTEM$WAIT(${600 + ((i * 137) % 1400)}, 'MILLISECONDS');`).join('\n');
}

// A warehouse that can run the largest batch at once, so start spread measures Flurry's
// submission and the warehouse's admission, not queueing behind the concurrency limit.
const warehouseProcess = await startWarehouseProcess({
  FLURRY_WAREHOUSE_CONCURRENCY: '128',
  UV_THREADPOOL_SIZE: String(threadPoolSizeFor(128)),
});
const dataDir = await mkdtemp(path.join(tmpdir(), 'flurry-bench-dashboard-'));
const config = loadConfig({ FLURRY_DATA_DIR: dataDir, FLURRY_WAREHOUSE_PORT: String(warehouseProcess.port), SNOWFLAKE_HOME: dataDir });
const pool = createWarehousePool(config, { max: 16 });
const warehouse = createWarehouseCalls(pool);
const registry = await Registry.open(registryFile(dataDir));
const bus = createEventBus();
const tracker = new Tracker({ registry, warehouse, bus });
await tracker.start();

/** Arrival time of each job's first terminal event. */
const finishedAt = new Map<string, number>();
bus.subscribe((event: ChangeEvent) => {
  if (event.type === 'job' && isTerminal(event.phase) && !finishedAt.has(event.jobId)) finishedAt.set(event.jobId, Date.now());
});

async function runBatch(size: number) {
  const started = performance.now();
  const { jobIds } = await launchBatch({ sql: batchSql(size), mode: 'parallel', label: `bench ${size}` }, { registry, tracker });
  for (;;) {
    const jobs = await registry.getJobs(jobIds);
    if (jobs.every((job) => job.queryId)) break;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const submission = performance.now() - started;
  while (!jobIds.every((id) => finishedAt.has(id))) await new Promise((resolve) => setTimeout(resolve, 20));

  const jobs = await registry.getJobs(jobIds);
  const times = await warehouse.queryTimes(jobs.map((job) => job.queryId as string));
  const byQuery = new Map(times.map((t) => [t.queryId, t]));
  const starts = times.map((t) => t.queuedAt as number);
  const delays = jobs.map((job) => (finishedAt.get(job.id) as number) - (byQuery.get(job.queryId as string)?.endedAt as number));
  if (jobs.some((job) => job.phase !== 'succeeded')) throw new Error('a benchmark query did not succeed');
  return { submission, spread: Math.max(...starts) - Math.min(...starts), delays };
}

console.log(`Flurry batch latency — node ${process.version}, local warehouse in its own process, concurrency 128\n`);
console.log('batch | runs | submission (median) | start spread (median, max) | end → event p50 | end → event p95');
console.log('----- | ---- | ------------------- | -------------------------- | --------------- | ---------------');
try {
  await runBatch(6); // warm-up: connections, DuckDB, JIT
  for (const { size, runs } of SIZES) {
    const results = [];
    for (let run = 0; run < runs; run++) results.push(await runBatch(size));
    const delays = results.flatMap((r) => r.delays);
    const spreads = results.map((r) => r.spread);
    console.log(
      `${size} | ${runs} | ${ms(median(results.map((r) => r.submission)))} | ${ms(median(spreads))}, ${ms(Math.max(...spreads))} | ${ms(percentile(delays, 50))} | ${ms(percentile(delays, 95))}`,
    );
  }
} finally {
  await tracker.stop();
  registry.close();
  await pool.close();
  await warehouseProcess.stop();
  await rm(dataDir, { recursive: true, force: true });
}
