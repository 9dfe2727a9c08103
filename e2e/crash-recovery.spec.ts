/**
 * Crashes, which Flurry must survive without losing or repeating work: its own dashboard and
 * local warehouse processes (e2e/support/processes.ts), one of them SIGKILLed while work runs.
 *
 * 1. The dashboard dies with 100 queries and 10 job services running; started again on the same
 *    data, it lists every launch under the same ids, follows each to its end by itself, and the
 *    warehouse ran each statement once.
 * 2. The local warehouse dies with queries and job services running; the open page shows it as
 *    not answering, then recovers by itself when the warehouse is back, and the work that was
 *    running ends as the warehouse's restart rules say (docs/local-warehouse.md, "Process
 *    restart" and "Job retention and restarts"): queries FAILED_WITH_ERROR with 000603, job
 *    services FAILED.
 */
import type { Job } from '../lib/domain/job';
import { isTerminal } from '../lib/domain/status';
import { expect, test, type FlurryApp } from './fixtures';
import { CRASH_PORTS } from './ports';
import { batchJobs, batchJobsWhen, jobDetail } from './support/dashboard-api';
import { freshDir, startDashboard, startWarehouse, type FlurryProcess } from './support/processes';
import { batchTag, historyByJob } from './support/warehouse-history';

const DASHBOARD_URL = `http://127.0.0.1:${CRASH_PORTS.dashboard}`;
const POOL = 'CRASH_POOL';
/** Enough slots for every query to run at once: the kill finds them all RUNNING, none queued. */
const WAREHOUSE_ENV = { FLURRY_WAREHOUSE_CONCURRENCY: '128' };

test.use({ baseURL: DASHBOARD_URL });

let processes: FlurryProcess[] = [];
test.afterEach(async () => {
  await Promise.all(processes.map((process) => process.kill('SIGKILL')));
  processes = [];
});

async function startBoth(dataDir: string): Promise<{ warehouse: FlurryProcess; dashboard: FlurryProcess }> {
  const warehouse = await startWarehouse({ port: CRASH_PORTS.warehouse, dataDir, env: WAREHOUSE_ENV });
  processes.push(warehouse);
  const dashboard = await startDashboard({ port: CRASH_PORTS.dashboard, warehousePort: CRASH_PORTS.warehouse, dataDir });
  processes.push(dashboard);
  return { warehouse, dashboard };
}

/** SIGKILLs a process this file started, and forgets it. */
async function crash(process: FlurryProcess): Promise<void> {
  await process.kill('SIGKILL');
  processes = processes.filter((p) => p !== process);
}

function queries(count: number, seconds: number): string[] {
  return Array.from({ length: count }, (_, i) => `SELECT ${i + 1} AS crash_query, SYSTEM$WAIT(${seconds}) AS waited;`);
}

function jobServices(count: number, seconds: number, prefix: string): string[] {
  return Array.from(
    { length: count },
    (_, i) => `EXECUTE JOB SERVICE IN COMPUTE POOL ${POOL} NAME = ${prefix}_${i + 1} ASYNC = TRUE FROM SPECIFICATION $$
spec:
  containers:
  - name: main
    image: flurry_test
    args: [--sleep, "${seconds}"]
$$;`,
  );
}

const isRunning = (job: Job) => job.phase === 'running';

/** The pool the job services run in: room for 16 containers of 0.5 CPU. */
async function createPool(app: FlurryApp): Promise<void> {
  const batchId = await app.launch({
    sql: `CREATE COMPUTE POOL IF NOT EXISTS ${POOL} MIN_NODES = 1 MAX_NODES = 2 INSTANCE_FAMILY = CPU_X64_S`,
    statements: 1,
    label: 'crash pool',
  });
  await batchJobsWhen(DASHBOARD_URL, batchId, (job) => job.phase === 'succeeded', 'created the pool', 30_000);
}

interface Work {
  queries: number;
  services: number;
  seconds: number;
  /** Names the job services: <prefix>_1, <prefix>_2 … */
  servicePrefix: string;
  label: string;
}

/**
 * Its own warehouse and dashboard on fresh data, and the work launched as one batch from the
 * Launch page (the page is marked, to prove later that it was never reloaded), all RUNNING.
 */
async function launchRunning(app: FlurryApp, work: Work) {
  const dataDir = freshDir(work.servicePrefix.toLowerCase());
  const started = await startBoth(dataDir);
  await createPool(app);
  const sql = [...queries(work.queries, work.seconds), ...jobServices(work.services, work.seconds, work.servicePrefix)].join('\n');
  const batchId = await app.launch({ sql, statements: work.queries + work.services, label: work.label });
  await app.markDocument();
  const launched = await batchJobsWhen(DASHBOARD_URL, batchId, isRunning, 'is RUNNING', 90_000);
  return { ...started, dataDir, batchId, launched };
}

test('a dashboard killed with 100 queries and 10 job services running loses none: restarted, it follows each to its end', async ({ app, page }) => {
  test.setTimeout(300_000);
  // 110 statements through the Launch page, as a user launches them.
  const { dashboard, dataDir, batchId, launched } = await launchRunning(app, {
    queries: 100,
    services: 10,
    seconds: 45,
    servicePrefix: 'CRASH_JOB',
    label: 'crash: 100 queries, 10 job services',
  });
  expect(launched.filter((job) => job.kind === 'query')).toHaveLength(100);
  expect(launched.filter((job) => job.kind === 'job_service')).toHaveLength(10);

  await crash(dashboard);
  const restartedAt = Date.now();
  processes.push(await startDashboard({ port: CRASH_PORTS.dashboard, warehousePort: CRASH_PORTS.warehouse, dataDir }));

  // Every launch is still listed, under the same ids and the same warehouse queries.
  const listed = await batchJobs(DASHBOARD_URL, batchId);
  expect(listed.map((job) => [job.id, job.queryId])).toEqual(launched.map((job) => [job.id, job.queryId]));

  // Followed to the end by the new process, nobody launching anything again.
  const ended = await batchJobsWhen(DASHBOARD_URL, batchId, (job) => isTerminal(job.phase), 'has ended', 150_000);
  for (const job of ended) expect(job.rawStatus, `${job.kind} ${job.id}`).toBe(job.kind === 'query' ? 'SUCCESS' : 'DONE');
  for (const job of ended) {
    const { transitions } = await jobDetail(DASHBOARD_URL, job.id);
    // The end was recorded by the restarted dashboard: re-attached, not found ended by chance.
    expect(transitions.at(-1)?.at, `the end of ${job.id} was seen after the restart`).toBeGreaterThanOrEqual(restartedAt);
    expect(transitions.map((t) => t.rawStatus).filter((status) => status === 'WAITING')).toHaveLength(1);
  }

  // The warehouse ran each statement once: nothing was submitted again.
  const history = await historyByJob(CRASH_PORTS.warehouse, batchTag(batchId));
  expect(history.size).toBe(110);
  for (const job of ended) expect(history.get(job.id)?.map((ran) => ran.queryId), `history of ${job.id}`).toEqual([job.queryId]);

  // The page opened before the crash caught up by itself.
  await expect(app.rows).toHaveCount(110);
  await expect(page.getByTestId('job-status').filter({ hasText: 'Succeeded' })).toHaveCount(110, { timeout: 30_000 });
  await app.expectSameDocument();
});

test('a local warehouse killed under running work shows as down, then recovers by itself, and the work ends as its restart rules say', async ({ app, page }) => {
  test.setTimeout(300_000);
  const { warehouse, dataDir, batchId } = await launchRunning(app, {
    queries: 20,
    services: 2,
    seconds: 600,
    servicePrefix: 'DOOMED_JOB',
    label: 'crash: the warehouse dies',
  });
  const health = page.getByTestId('health');
  await expect(health).toContainText('local warehouse');
  await expect(health).not.toContainText('not answering');

  await crash(warehouse);
  // The header says so without a reload, within a few seconds.
  await expect(health).toContainText('not answering', { timeout: 10_000 });
  // Nothing is given up while the warehouse is away.
  expect((await batchJobs(DASHBOARD_URL, batchId)).every(isRunning)).toBe(true);

  processes.push(await startWarehouse({ port: CRASH_PORTS.warehouse, dataDir, env: WAREHOUSE_ENV }));
  await expect(health).not.toContainText('not answering', { timeout: 40_000 });

  // docs/local-warehouse.md: queries a dead process left running end FAILED_WITH_ERROR, 000603;
  // jobs that were running are FAILED on the next start, naming the restart.
  const ended = await batchJobsWhen(DASHBOARD_URL, batchId, (job) => isTerminal(job.phase), 'has ended', 60_000);
  for (const job of ended.filter((j) => j.kind === 'query')) {
    expect(job).toMatchObject({ phase: 'failed', rawStatus: 'FAILED_WITH_ERROR', errorCode: '000603' });
    expect(job.errorMessage).toContain('the local warehouse restarted while the query was queued or running');
  }
  for (const job of ended.filter((j) => j.kind === 'job_service')) {
    expect(job).toMatchObject({ phase: 'failed', rawStatus: 'FAILED' });
    expect(job.errorMessage).toContain('The local warehouse restarted while the job was running');
  }
  await expect(page.getByTestId('job-status').filter({ hasText: 'Failed' })).toHaveCount(22);
  await expect(page.getByTestId('job-error').filter({ hasText: '000603' })).toHaveCount(20);

  // The same tab launches again, and the tracker follows the new work: no dashboard restart.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Launch' }).click();
  await app.sqlEditor.fill('SELECT 42 AS after_the_outage');
  await page.getByRole('button', { name: /^Launch/ }).click();
  await page.waitForURL(/\/jobs\?batch=/);
  await expect(app.row('after_the_outage').getByTestId('job-status')).toHaveText(/Succeeded/, { timeout: 30_000 });
  await app.expectSameDocument();
});
