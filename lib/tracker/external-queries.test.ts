/**
 * Work launched elsewhere: another client (its own snowflake-sdk connection) runs queries on the
 * warehouse, and the dashboard imports them from the query history as external jobs (none of
 * Flurry's own launches or reads), follows them to their end with the warehouse's times, cancels
 * them like its own, never imports one twice across a restart, and finds them by origin.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Job } from '@/lib/domain/job';
import { isTerminal } from '@/lib/domain/status';
import { cancelJobs } from '@/lib/jobs/cancel';
import { launchBatch } from '@/lib/jobs/launch';
import { parseJobFilter } from '@/lib/jobs/route-params';
import { connect, destroy, execute, submitAsync, type Connection } from '@/lib/warehouse/sdk';
import { jobsWhen, startDashboardParts, type DashboardParts } from '@/test/dashboard-parts';

let parts: DashboardParts;
/** Another client of the same warehouse, with its own user and session. */
let other: Connection;

beforeAll(async () => {
  parts = await startDashboardParts({}, { externalQueries: { everyMs: 200 } });
  other = await connect(parts.localWarehouse.connectionOptions());
});

afterAll(async () => {
  if (other) await destroy(other);
  await parts?.close();
});

/** The external jobs imported so far. */
const externalJobs = async () => (await parts.registry.listJobs({ origins: ['external'], limit: 1_000 })).jobs;

/** The external job of a query once `done` holds for it. */
function externalJob(queryId: string, done: (job: Job) => boolean = () => true): Promise<Job> {
  return vi.waitFor(
    async () => {
      const job = (await externalJobs()).find((candidate) => candidate.queryId === queryId);
      if (!job || !done(job)) throw new Error(`query ${queryId} is ${job?.rawStatus ?? 'not imported yet'}`);
      return job;
    },
    { timeout: 15_000, interval: 50 },
  );
}

/** Runs a statement on the other client to its end; resolves with its query id. */
async function runElsewhere(sql: string): Promise<string> {
  return (await execute(other, sql)).statement.getQueryId();
}

async function reconciled(jobId: string): Promise<Job> {
  await vi.waitFor(
    async () => {
      if ((await parts.registry.listUnreconciled()).some((job) => job.id === jobId)) throw new Error('times not reconciled yet');
    },
    { timeout: 10_000, interval: 50 },
  );
  return (await parts.registry.getJobs([jobId]))[0];
}

describe('queries another client ran', () => {
  let quick: string;
  let followed: string;
  let long: string;

  it('are imported as external jobs, one batch per session, and none of Flurry’s own statements is', async () => {
    quick = await runElsewhere('SELECT 42 AS ANSWER');
    followed = await submitAsync(other, 'CALL SYSTEM$WAIT(2)');
    long = await submitAsync(other, 'CALL SYSTEM$WAIT(30)');
    // Meanwhile Flurry launches its own query and makes its own reads: none of it is external.
    const { jobIds } = await launchBatch({ sql: 'SELECT 1', mode: 'parallel', label: 'own' }, parts);
    await jobsWhen(() => parts.registry.getJobs(jobIds), (job) => isTerminal(job.phase));
    await reconciled(jobIds[0]);
    await parts.warehouse.identity();
    await parts.warehouse.showJobServices();

    const [ended, running] = await Promise.all([externalJob(quick), externalJob(long)]);
    expect(ended).toMatchObject({
      kind: 'query',
      origin: 'external',
      sql: 'SELECT 42 AS ANSWER',
      rawStatus: 'SUCCESS',
      phase: 'succeeded',
      rowCount: 1,
      ranBy: { user: 'FLURRY_TEST', role: expect.any(String), sessionId: expect.stringMatching(/^\d+$/) },
    });
    expect(ended.batchLabel).toBe(`External · FLURRY_TEST · session ${ended.ranBy?.sessionId}`);
    const [history] = await parts.warehouse.queryTimes([quick]);
    expect(ended).toMatchObject({ submittedAt: history.queuedAt, startedAt: history.startedAt, endedAt: history.endedAt });
    expect(running).toMatchObject({ batchId: ended.batchId, phase: 'running', ranBy: ended.ranBy });
    // In the order they started: the two submitted together may have started in the same millisecond.
    expect(ended.position).toBe(0);
    expect([running.position, (await externalJob(followed)).position].sort()).toEqual([1, 2]);
    expect(parts.events.some((event) => event.type === 'job' && event.jobId === ended.id)).toBe(true);
    expect((await parts.registry.getJobs(jobIds))[0]).toMatchObject({ origin: 'flurry', ranBy: null });

    // A query run after all of that is imported: every round since has been read, and it found only the other client's.
    const marker = await runElsewhere("SELECT 'after Flurry''s reads' AS MARKER");
    await externalJob(marker);
    const found = await externalJobs();
    expect(found.map((job) => job.queryId).sort()).toEqual([quick, followed, long, marker].sort());
    // The dashboard's sessions log in as FLURRY: whatever they ran was Flurry's, and tagged so.
    expect(found.every((job) => job.ranBy?.user === 'FLURRY_TEST')).toBe(true);
  });

  it('are followed to their end like Flurry’s own, with the warehouse’s times', async () => {
    const job = await externalJob(followed, (candidate) => candidate.phase === 'succeeded');
    const detail = await parts.registry.getJob(job.id);
    // Found running (or still queued, on a busy machine), then seen ending by the tracker's polls.
    expect(detail?.transitions.map((t) => t.rawStatus).filter((status) => status !== 'QUEUED')).toEqual(['RUNNING', 'SUCCESS']);
    const [history] = await parts.warehouse.queryTimes([followed]);
    expect(await reconciled(job.id)).toMatchObject({ submittedAt: history.queuedAt, startedAt: history.startedAt, endedAt: history.endedAt });
    expect((history.endedAt as number) - (history.startedAt as number)).toBeGreaterThanOrEqual(1_950);
  });

  it('are cancelled through Flurry in the warehouse, and end ABORTED', async () => {
    const job = await externalJob(long, (candidate) => candidate.phase === 'running');
    expect(await cancelJobs([job.id], parts)).toEqual({ cancelled: [job.id], alreadyEnded: [], failed: [] });
    expect(await externalJob(long, (candidate) => isTerminal(candidate.phase))).toMatchObject({ phase: 'cancelled', rawStatus: 'ABORTED' });
    expect(await parts.warehouse.queryStatus(long)).toMatchObject({ status: 'ABORTED', errorMessage: expect.stringMatching(/canceled/i) });
  });

  it('are not imported again after a dashboard restart; the session’s next query joins its batch', async () => {
    const before = await externalJob(quick);
    await parts.restartDashboard();
    const next = await runElsewhere('SELECT 43');
    const after = await externalJob(next);
    expect(after).toMatchObject({ batchId: before.batchId, position: 4 });
    const queryIds = (await externalJobs()).map((job) => job.queryId);
    expect(queryIds).toHaveLength(new Set(queryIds).size);
    expect(queryIds).toHaveLength(5);
  });

  it('are what GET /api/jobs?origin=external lists, and ?origin=flurry leaves out', async () => {
    const list = async (query: string) => (await parts.registry.listJobs(parseJobFilter(new URLSearchParams(query)))).jobs;
    const external = await list('origin=external');
    expect(external.every((job) => job.origin === 'external' && job.ranBy !== null)).toBe(true);
    expect(external.filter((job) => job.ranBy?.user === 'FLURRY_TEST')).toHaveLength(5);
    const own = await list('origin=flurry');
    expect(own.map((job) => [job.sql, job.origin])).toEqual([['SELECT 1', 'flurry']]);
    expect(await list('origin=flurry,external')).toHaveLength(external.length + 1);
  });
});
