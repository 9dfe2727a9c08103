/**
 * What the dashboard's tracker costs per poll round while 1,000 queries run: 1,000
 * `CALL SYSTEM$WAIT(120)` launched as two parallel batches of 500 (the Launch form's limit) on a
 * local warehouse process with 1,000 slots, so all of them are RUNNING, none queued. The tracker
 * is the server's (default pool of 8 connections, 100 status requests in flight). Measured over
 * two 10-second windows: while the queries are young (polled every ~150 ms) and once they have
 * run a minute (every ~1 s). Prints per round:
 * - statements: query-requests the dashboard sent (HTTP, by kind), and the statements the
 *   warehouse's own QUERY_HISTORY gained (both should be 0: status reads are monitoring calls);
 * - HTTP requests, by kind;
 * - CPU time of the dashboard process (process.cpuUsage; also per status read) and of the
 *   warehouse process (/proc);
 * - the round's wall time (its status reads) and the time from one round's start to the next.
 * Then cancels all 1,000 through the dashboard's cancel path and times it.
 *
 * Run: npm run bench:tracker
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { isTerminal } from '@/lib/domain/status';
import { cancelJobs } from '@/lib/jobs/cancel';
import { launchBatch } from '@/lib/jobs/launch';
import { threadPoolSizeFor } from '@/lib/local-warehouse/engine/thread-pool';
import type { WarehouseCalls } from '@/lib/warehouse/calls';
import { connect, destroy, execute } from '@/lib/warehouse/sdk';
import { startBenchDashboard } from './bench-dashboard';
import { loadText, ownCpuMs, processCpuMs } from './cpu';
import { countRequests, requestsBetween, totalRequests, type RequestCounts } from './http-requests';
import { startWarehouseProcess } from './local-warehouse-process';
import { median, ms, percentile } from './stats';

const QUERIES = 1_000;
const BATCH = 500;
const WAIT_SECONDS = 120;
const WINDOW_MS = 10_000;
/** Age at which the second window starts: the poll schedule has slowed to once a second. */
const OLD_AGE_MS = 60_000;

/** One tracker round's status reads: every due query, on one pooled connection. */
interface Round {
  start: number;
  end: number;
  queries: number;
}

/** What the two processes have spent so far, taken synchronously at a round's edge. */
interface Sample {
  at: number;
  requests: RequestCounts;
  cpu: number;
  warehouseCpu: number;
}

const rounds: Round[] = [];
/** Waiters for the next round's start or end, so a window holds whole rounds only. */
const edgeWaiters = { start: [] as ((sample: Sample) => void)[], end: [] as ((sample: Sample) => void)[] };

function atEdge(edge: 'start' | 'end'): void {
  const waiters = edgeWaiters[edge].splice(0);
  if (waiters.length === 0) return;
  const sample = { at: performance.now(), requests: requests.snapshot(), cpu: ownCpuMs(), warehouseCpu: processCpuMs(warehouseProcess.pid) };
  for (const resolve of waiters) resolve(sample);
}

const nextEdge = (edge: 'start' | 'end') => new Promise<Sample>((resolve) => edgeWaiters[edge].push(resolve));

const observeRounds = (calls: WarehouseCalls): WarehouseCalls => ({
  ...calls,
  async queryStatuses(queryIds, parallelism) {
    atEdge('start');
    const start = performance.now();
    const result = await calls.queryStatuses(queryIds, parallelism);
    rounds.push({ start, end: performance.now(), queries: queryIds.length });
    atEdge('end');
    return result;
  },
});

const warehouseProcess = await startWarehouseProcess({
  FLURRY_WAREHOUSE_CONCURRENCY: String(QUERIES),
  UV_THREADPOOL_SIZE: String(threadPoolSizeFor(QUERIES)),
});
const dashboard = await startBenchDashboard(warehouseProcess.port, { wrapCalls: observeRounds });
const reader = await connect({ accessUrl: `http://127.0.0.1:${warehouseProcess.port}`, account: 'local', username: 'bench', password: 'bench' });
const requests = countRequests();

/**
 * Statements in the warehouse's history, except these reads (the marker in the text matches
 * itself), so the difference between two reads is what everyone else issued meanwhile.
 */
async function historyCount(): Promise<number> {
  const { rows } = await execute<unknown[]>(
    reader,
    `SELECT COUNT(*) /* bench history count */ FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY(RESULT_LIMIT => 10000))
     WHERE QUERY_TEXT NOT LIKE '%bench history count%'`,
    { rowMode: 'array' },
  );
  return Number(rows[0][0]);
}

/**
 * From a round's start to the end of the first round that ends WINDOW_MS later. The history
 * reads bracket the window from outside, so they are not in its HTTP or CPU figures.
 */
async function window(label: string) {
  const statementsBefore = await historyCount();
  const before = await nextEdge('start');
  await sleep(WINDOW_MS);
  const after = await nextEdge('end');
  const statementsAfter = await historyCount();
  const inWindow = rounds.filter((r) => r.start >= before.at && r.end <= after.at);
  const n = inWindow.length;
  const http = requestsBetween(before.requests, after.requests);
  const elapsed = after.at - before.at;
  const walls = inWindow.map((r) => r.end - r.start);
  const periods = inWindow.slice(1).map((r, i) => r.start - inWindow[i].start);
  const cells = [
    label,
    n,
    (inWindow.reduce((sum, r) => sum + r.queries, 0) / n).toFixed(0),
    (http.statement / n).toFixed(2),
    ((statementsAfter - statementsBefore) / n).toFixed(2),
    (http.monitoring / n).toFixed(0),
    (totalRequests(http) / n).toFixed(0),
    ms((after.cpu - before.cpu) / n),
    `${(((after.cpu - before.cpu) / http.monitoring) * 1000).toFixed(0)} µs`,
    ms((after.warehouseCpu - before.warehouseCpu) / n),
    `${ms(median(walls))} / ${ms(percentile(walls, 95))}`,
    ms(median(periods)),
    `${(((after.cpu - before.cpu) / elapsed) * 100).toFixed(0)} % / ${(((after.warehouseCpu - before.warehouseCpu) / elapsed) * 100).toFixed(0)} %`,
  ];
  console.log(cells.join(' | '));
}

let jobIds: string[] = [];
console.log(`Tracker cost per poll round, ${QUERIES} running queries — node ${process.version}, local warehouse in its own process, ${QUERIES} slots, ${loadText()}\n`);
try {
  const launched = performance.now();
  for (let i = 0; i < QUERIES; i += BATCH) {
    const sql = Array.from({ length: BATCH }, () => `CALL SYSTEM$WAIT(${WAIT_SECONDS});`).join('\n');
    jobIds.push(...(await launchBatch({ sql, mode: 'parallel', label: `bench tracker ${i / BATCH + 1}` }, dashboard)).jobIds);
  }
  while (!(await dashboard.registry.getJobs(jobIds)).every((job) => job.phase === 'running')) await sleep(200);
  const allRunning = performance.now();
  console.log(`${QUERIES} launched and seen RUNNING by the tracker in ${ms(allRunning - launched)}\n`);

  console.log('window | rounds | queries/round | statements/round (HTTP) | statements/round (QUERY_HISTORY) | monitoring requests/round | HTTP requests/round | dashboard CPU/round | dashboard CPU/status read | warehouse CPU/round | round wall p50 / p95 | round start to start | CPU share dashboard / warehouse');
  console.log('------ | -----: | ------------: | ----------------------: | -------------------------------: | ------------------------: | ------------------: | ------------------: | ------------------------: | ------------------: | -------------------: | -------------------: | ------------------------------:');
  await window('young (the first 10 s after all are running)');
  await sleep(Math.max(0, allRunning + OLD_AGE_MS - performance.now()));
  await window('after a minute (age 60–70 s)');

  const before = requests.snapshot();
  const cancelled = performance.now();
  const report = await cancelJobs(jobIds, dashboard);
  const answered = performance.now() - cancelled;
  while (!(await dashboard.registry.getJobs(jobIds)).every((job) => isTerminal(job.phase))) await sleep(50);
  const http = requestsBetween(before, requests.snapshot());
  const phases = new Map<string, number>();
  for (const job of await dashboard.registry.getJobs(jobIds)) phases.set(job.phase, (phases.get(job.phase) ?? 0) + 1);
  console.log(
    `\ncancel all ${QUERIES}: cancelJobs() answered in ${ms(answered)} (${report.cancelled.length} cancelled, ${report.failed.length} failed), ` +
      `all ended in the registry after ${ms(performance.now() - cancelled)}; ${http.statement} statements, ${http.monitoring} monitoring requests; ` +
      `phases: ${[...phases].map(([phase, count]) => `${count} ${phase}`).join(', ')}`,
  );
  jobIds = [];
} finally {
  // A failed run still stops the queries it started.
  if (jobIds.length > 0) await cancelJobs(jobIds, dashboard).catch(() => undefined);
  requests.stop();
  await destroy(reader);
  await dashboard.close();
  await warehouseProcess.stop();
}
