/**
 * Every ended job's times are the warehouse's own records, read back here independently through
 * the SDK: QUERY_HISTORY for a query; GET_JOB_HISTORY and SHOW SERVICE CONTAINERS for a job
 * service, whether it was done, failed or cancelled, running or still pending; and a dashboard
 * that stopped before it read them picks them up after a restart.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Job } from '@/lib/domain/job';
import { EMPTY_CONTAINER, specYaml } from '@/lib/domain/job-service-form';
import { isTerminal } from '@/lib/domain/status';
import { cancelJobs } from '@/lib/jobs/cancel';
import { launchBatch } from '@/lib/jobs/launch';
import { launchJobService } from '@/lib/jobs/launch-job-service';
import { WarehouseUnavailableError } from '@/lib/warehouse/errors';
import { execute } from '@/lib/warehouse/sdk';
import { jobsWhen, startDashboardParts, type DashboardParts } from '@/test/dashboard-parts';
import { Tracker } from './tracker';

const POOL = 'FLURRY_TIMES_POOL';
/** One node of two vCPUs: a job asking for both leaves no room for another. */
const FULL_POOL = 'FLURRY_TIMES_ONE_NODE';
const IMAGE = '/flurry/public/images/flurry_test:latest';

let parts: DashboardParts;

beforeAll(async () => {
  // A container is PID 1 of its sandbox: a SIGTERM that lands before its handler is installed is
  // ignored, as in any container, and the grace period ends it. Snowflake's 30 s would outlast the test.
  parts = await startDashboardParts({ jobGraceMs: 2_000 });
  await parts.pool.withConnection(async (connection) => {
    await execute(connection, `CREATE COMPUTE POOL IF NOT EXISTS ${POOL} MIN_NODES = 1 MAX_NODES = 4 INSTANCE_FAMILY = CPU_X64_S`);
    await execute(connection, `CREATE COMPUTE POOL IF NOT EXISTS ${FULL_POOL} MIN_NODES = 1 MAX_NODES = 1 INSTANCE_FAMILY = CPU_X64_XS`);
  });
});

afterAll(async () => {
  await parts?.close();
});

type Deps = Parameters<typeof launchJobService>[1];

async function launch(name: string, args: string, options: { pool?: string; cpu?: string; deps?: Deps } = {}): Promise<string> {
  const spec = specYaml({ ...EMPTY_CONTAINER, image: IMAGE, args: args.split(' ').join('\n'), cpu: options.cpu ?? '' });
  const { jobIds } = await launchJobService(
    { computePool: options.pool ?? POOL, name, replicas: 1, async: true, spec, label: name },
    options.deps ?? parts,
  );
  return jobIds[0];
}

const jobWhen = async (id: string, done: (job: Job) => boolean, timeout = 30_000): Promise<Job> =>
  (await jobsWhen(() => parts.registry.getJobs([id]), done, timeout))[0];

/** The job once it has ended and its times are the warehouse's. */
async function reconciled(id: string): Promise<Job> {
  await jobWhen(id, (job) => isTerminal(job.phase));
  await vi.waitFor(
    async () => {
      if ((await parts.registry.listUnreconciled()).some((job) => job.id === id)) throw new Error('times not reconciled yet');
    },
    { timeout: 10_000, interval: 50 },
  );
  return (await parts.registry.getJobs([id]))[0];
}

async function read(sql: string, binds: string[] = []): Promise<Record<string, unknown>[]> {
  const { rows } = await parts.pool.withConnection((connection) => execute<Record<string, unknown>>(connection, sql, { binds, rowMode: 'object' }));
  return rows;
}

const ms = (value: unknown): number | null => (value === null || value === undefined ? null : (value as Date).getTime());

/** What the warehouse itself records of a job service: GET_JOB_HISTORY's times and the earliest container start. */
async function warehouseRecord(job: Job) {
  const [history] = await read(
    'SELECT CREATED_TIME, COMPLETED_TIME FROM TABLE(SNOWFLAKE.SPCS.GET_JOB_HISTORY(RESULT_LIMIT => 10000)) WHERE QUERY_ID = ?',
    [job.queryId as string],
  );
  const containers = await read(`SHOW SERVICE CONTAINERS IN SERVICE ${job.service?.name}`);
  const starts = containers.map((row) => ms(row.start_time)).filter((start) => start !== null);
  return {
    createdAt: ms(history.CREATED_TIME),
    completedAt: ms(history.COMPLETED_TIME),
    firstStart: starts.length > 0 ? Math.min(...starts) : null,
  };
}

function expectOrdered(job: Job): void {
  expect(job.submittedAt).toBeLessThanOrEqual(job.startedAt as number);
  expect(job.startedAt).toBeLessThanOrEqual(job.endedAt as number);
}

describe('the warehouse’s own times', () => {
  it('gives a query QUERY_HISTORY’s times: received, executing, ended', async () => {
    const { batchId } = await launchBatch({ sql: 'SELECT SYSTEM$WAIT(1)', mode: 'parallel', label: null }, parts);
    const [launched] = await parts.registry.batchJobs(batchId);
    const job = await reconciled(launched.id);
    const [history] = await read(
      'SELECT START_TIME, END_TIME, EXECUTION_TIME FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY(RESULT_LIMIT => 10000)) WHERE QUERY_ID = ?',
      [job.queryId as string],
    );
    const ended = ms(history.END_TIME) as number;
    expect(job).toMatchObject({
      rawStatus: 'SUCCESS',
      submittedAt: ms(history.START_TIME),
      startedAt: ended - Number(history.EXECUTION_TIME),
      endedAt: ended,
    });
    expectOrdered(job);
  });

  it('gives a job service that ran GET_JOB_HISTORY’s created and completed times and its container’s start', async () => {
    const ids = await Promise.all([launch('times_done', '--sleep 1'), launch('times_failed', '--sleep 1 --exit 3')]);
    const statuses: string[] = [];
    for (const id of ids) {
      const job = await reconciled(id);
      statuses.push(job.rawStatus);
      const record = await warehouseRecord(job);
      expect(record.firstStart).not.toBeNull();
      expect(job).toMatchObject({ submittedAt: record.createdAt, startedAt: record.firstStart, endedAt: record.completedAt });
      expectOrdered(job);
      expect((job.endedAt as number) - (job.startedAt as number)).toBeGreaterThanOrEqual(950);
    }
    expect(statuses).toEqual(['DONE', 'FAILED']);
  });

  it('gives a cancelled job service the warehouse’s times; one cancelled while PENDING never started', async () => {
    const running = await launch('times_cancel_running', '--sleep 60', { pool: FULL_POOL, cpu: '2' });
    await jobWhen(running, (job) => job.rawStatus === 'RUNNING');
    const pending = await launch('times_cancel_pending', '--sleep 1', { pool: FULL_POOL, cpu: '2' });
    await jobWhen(pending, (job) => job.rawStatus === 'PENDING' && job.service?.resolved === true);
    // The pending job first: cancelled second, it could take the node the running one frees.
    expect((await cancelJobs([pending], parts)).cancelled).toEqual([pending]);
    expect((await cancelJobs([running], parts)).cancelled).toEqual([running]);

    const ran = await reconciled(running);
    const ranRecord = await warehouseRecord(ran);
    expect(ran).toMatchObject({ rawStatus: 'CANCELLED', submittedAt: ranRecord.createdAt, startedAt: ranRecord.firstStart, endedAt: ranRecord.completedAt });
    expectOrdered(ran);

    const waited = await reconciled(pending);
    const waitedRecord = await warehouseRecord(waited);
    expect(waitedRecord.firstStart).toBeNull();
    expect(waited).toMatchObject({ rawStatus: 'CANCELLED', submittedAt: waitedRecord.createdAt, startedAt: null, endedAt: waitedRecord.completedAt });
    expect(waited.submittedAt).toBeLessThanOrEqual(waited.endedAt as number);
  });

  it('reads the times of a job service that ended while the dashboard could not, after it restarts', async () => {
    // A dashboard whose container reads do not get through: it sees the job end, not when it ran.
    const cut = { ...parts.warehouse, serviceContainers: () => Promise.reject(new WarehouseUnavailableError('cut off')) };
    const tracker = new Tracker({ registry: parts.registry, warehouse: cut, bus: parts.bus });
    await tracker.start();
    let id: string;
    try {
      id = await launch('times_restart', '--sleep 1', { deps: { registry: parts.registry, tracker } });
      await jobWhen(id, (job) => job.rawStatus === 'DONE');
    } finally {
      await tracker.stop();
    }
    expect((await parts.registry.listUnreconciled()).map((job) => job.id)).toContain(id);

    await parts.restartDashboard();
    const job = await reconciled(id);
    const record = await warehouseRecord(job);
    expect(job).toMatchObject({ submittedAt: record.createdAt, startedAt: record.firstStart, endedAt: record.completedAt });
    expectOrdered(job);
  });
});
