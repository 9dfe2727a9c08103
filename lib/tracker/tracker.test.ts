import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Job } from '@/lib/domain/job';
import { isTerminal } from '@/lib/domain/status';
import { cancelJobs } from '@/lib/jobs/cancel';
import { launchBatch } from '@/lib/jobs/launch';
import { execute } from '@/lib/warehouse/sdk';
import { jobsWhen, startDashboardParts, type DashboardParts } from '@/test/dashboard-parts';

let parts: DashboardParts;

beforeAll(async () => {
  parts = await startDashboardParts();
});

afterAll(async () => {
  await parts?.close();
});

const launch = (sql: string, mode: 'parallel' | 'sequence' = 'parallel', label: string | null = null) =>
  launchBatch({ sql, mode, label }, parts);

/** Waits until every job of the batch satisfies `done`, then returns the jobs in order. */
const batchUntil = (batchId: string, done: (job: Job) => boolean, timeout?: number) =>
  jobsWhen(() => parts.registry.batchJobs(batchId), done, timeout);

const ended = (job: Job) => isTerminal(job.phase);
const reconciled = async (batchId: string) =>
  vi.waitFor(
    async () => {
      const jobs = await parts.registry.listUnreconciled();
      if (jobs.some((job) => job.batchId === batchId)) throw new Error('times not reconciled yet');
    },
    { timeout: 10_000, interval: 50 },
  );

describe('Tracker against the local warehouse', () => {
  it('runs a parallel batch of three to success, with the warehouse’s own times and events', async () => {
    const { batchId, jobIds } = await launch(
      "SELECT SYSTEM$WAIT(1);\nCALL SYSTEM$WAIT(1, 'SECONDS');\nSELECT SYSTEM$WAIT(1)",
      'parallel',
      'three waits',
    );
    expect(jobIds).toHaveLength(3);
    const submitted = await parts.registry.batchJobs(batchId);
    expect(submitted.every((job) => job.queryId && job.submittedAt)).toBe(true);

    await batchUntil(batchId, ended);
    await reconciled(batchId);
    const jobs = await parts.registry.batchJobs(batchId);
    for (const job of jobs) {
      expect(job).toMatchObject({ phase: 'succeeded', rawStatus: 'SUCCESS', batchLabel: 'three waits' });
      const ran = (job.endedAt as number) - (job.startedAt as number);
      expect(ran).toBeGreaterThanOrEqual(950);
      expect(ran).toBeLessThan(3_000);
    }
    // Submitted together: they all started within a moment of one another.
    const starts = jobs.map((job) => job.startedAt as number);
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(1_000);

    const detail = await parts.registry.getJob(jobIds[0]);
    expect(detail?.transitions.map((t) => t.rawStatus)).toEqual(['WAITING', 'QUEUED', 'RUNNING', 'SUCCESS']);
    const published = parts.events.filter((event) => event.type === 'job' && event.batchId === batchId);
    for (const jobId of jobIds) {
      expect(published.some((event) => event.type === 'job' && event.jobId === jobId && event.phase === 'succeeded')).toBe(true);
    }
  });

  it('records the error code and message of a failing statement', async () => {
    const { batchId } = await launch('SELECT * FROM flurry_no_such_table');
    const [job] = await batchUntil(batchId, ended);
    expect(job.phase).toBe('failed');
    expect(job.errorCode).toBe('002003');
    expect(job.errorMessage).toMatch(/FLURRY_NO_SUCH_TABLE.*does not exist/i);
    expect(job.endedAt).not.toBeNull();
  });

  it('cancels a running query, and reports a job that already ended', async () => {
    const { batchId, jobIds } = await launch('SELECT COUNT(*) FROM TABLE(GENERATOR(TIMELIMIT => 60));\nSELECT 1');
    await batchUntil(batchId, (job) => (job.position === 0 ? job.phase === 'running' : job.phase === 'succeeded'));

    const report = await cancelJobs(jobIds, parts);
    expect(report).toEqual({ cancelled: [jobIds[0]], alreadyEnded: [jobIds[1]], failed: [] });
    const [cancelled] = await batchUntil(batchId, ended, 5_000);
    expect(cancelled).toMatchObject({ phase: 'cancelled', rawStatus: 'ABORTED' });
  });

  it('runs a sequence in order, one statement at a time', async () => {
    const { batchId } = await launch('SELECT SYSTEM$WAIT(1);\nSELECT 2;\nSELECT 3', 'sequence');
    const [first, second, third] = await batchUntil(batchId, ended);
    expect([first.phase, second.phase, third.phase]).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(second.submittedAt).toBeGreaterThanOrEqual(first.endedAt as number);
    expect(third.submittedAt).toBeGreaterThanOrEqual(second.endedAt as number);
  });

  it('skips the rest of a sequence after a failure', async () => {
    const { batchId } = await launch('SELECT 1;\nSELECT * FROM flurry_missing;\nSELECT 3;\nSELECT 4', 'sequence');
    const jobs = await batchUntil(batchId, ended);
    expect(jobs.map((job) => job.rawStatus)).toEqual(['SUCCESS', expect.stringMatching(/FAILED_WITH_ERROR|SUBMIT_FAILED/), 'SKIPPED', 'SKIPPED']);
    expect(jobs[2].queryId).toBeNull();
  });

  it('cancels a sequence still waiting: the rest is skipped and nothing more is submitted', async () => {
    const { batchId, jobIds } = await launch('SELECT SYSTEM$WAIT(2);\nSELECT 2;\nSELECT 3', 'sequence');
    const report = await cancelJobs([jobIds[1]], parts);
    expect(report.cancelled).toEqual([jobIds[1]]);
    const jobs = await batchUntil(batchId, ended);
    expect(jobs.map((job) => job.rawStatus)).toEqual(['SUCCESS', 'CANCELLED', 'SKIPPED']);
    expect(jobs[1].queryId).toBeNull();
  });

  it('loses no query across a dashboard restart: running and WAITING jobs are picked up', async () => {
    const sequence = await launch('SELECT SYSTEM$WAIT(2);\nSELECT 2', 'sequence');
    await batchUntil(sequence.batchId, (job) => job.position === 1 || job.phase === 'running');
    // A parallel batch registered just before the dashboard stopped, never submitted.
    const stranded = await parts.registry.createBatch({ label: 'stranded', mode: 'parallel', jobs: [{ sql: 'SELECT 42', kind: 'query' }] });

    await parts.restartDashboard();
    expect(parts.tracker.watchedCount).toBeGreaterThanOrEqual(1);

    const jobs = await batchUntil(sequence.batchId, ended);
    expect(jobs.map((job) => job.rawStatus)).toEqual(['SUCCESS', 'SUCCESS']);
    const [picked] = await batchUntil(stranded.batch.id, ended);
    expect(picked).toMatchObject({ rawStatus: 'SUCCESS' });
    expect(picked.queryId).not.toBeNull();
    await reconciled(sequence.batchId);
  });

  it('runs a launch once when the dashboard died after the warehouse took it but before recording it', async () => {
    const { batch, jobs } = await parts.registry.createBatch({ label: 'answer lost', mode: 'parallel', jobs: [{ sql: 'SELECT 7 AS answer_lost', kind: 'query' }] });
    const [job] = jobs;
    // Sent as the tracker sends it, and the answer lost with the process.
    const [sent] = await parts.warehouse.submitQueries([{ sql: job.sql, queryTag: { batchId: batch.id, jobId: job.id }, requestId: job.id }]);
    expect(sent.status).toBe('fulfilled');

    await parts.restartDashboard();
    const [picked] = await batchUntil(batch.id, ended);
    expect(picked).toMatchObject({ rawStatus: 'SUCCESS', queryId: (sent as PromiseFulfilledResult<string>).value });
    const { rows } = await parts.pool.withConnection((connection) =>
      execute<unknown[]>(connection, 'SELECT COUNT(*) FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY()) WHERE QUERY_TAG LIKE ?', {
        binds: [`%"job":"${job.id}"%`],
        rowMode: 'array',
      }),
    );
    expect(Number(rows[0][0])).toBe(1);
  });
});
