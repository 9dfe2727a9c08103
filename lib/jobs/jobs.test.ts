import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isTerminal } from '@/lib/domain/status';
import { InputError, JobNotFoundError, NoResultError } from '@/lib/errors/request-errors';
import { jobsWhen, startDashboardParts, type DashboardParts } from '@/test/dashboard-parts';
import { cancelJobs } from './cancel';
import { launchBatch } from './launch';
import { jobResultPage, jobResultStream } from './results';

let parts: DashboardParts;

beforeAll(async () => {
  parts = await startDashboardParts();
});

afterAll(async () => {
  await parts?.close();
});

const untilEnded = async (jobId: string) => (await jobsWhen(() => parts.registry.getJobs([jobId]), (job) => isTerminal(job.phase)))[0];

describe('launchBatch', () => {
  it('submits every statement of a parallel batch at once, each its own query', async () => {
    const { batchId, jobIds } = await launchBatch({ sql: 'SELECT 1;\nSELECT 2;\nSELECT 3;', mode: 'parallel', label: 'nums' }, parts);
    const jobs = await parts.registry.batchJobs(batchId);
    expect(jobs.map((job) => job.id)).toEqual(jobIds);
    expect(jobs.map((job) => job.sql)).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3']);
    expect(new Set(jobs.map((job) => job.queryId)).size).toBe(3);
    expect(jobs.every((job) => job.rawStatus !== 'WAITING')).toBe(true);
  });

  it('submits only the first statement of a sequence', async () => {
    const { batchId } = await launchBatch({ sql: 'SELECT SYSTEM$WAIT(1); SELECT 2', mode: 'sequence', label: null }, parts);
    const [first, second] = await parts.registry.batchJobs(batchId);
    expect(first.queryId).not.toBeNull();
    expect(second).toMatchObject({ rawStatus: 'WAITING', queryId: null });
  });

  it('refuses SQL that cannot run as written, and registers nothing', async () => {
    const before = (await parts.registry.listBatches(1_000)).length;
    await expect(launchBatch({ sql: "SELECT 'unclosed", mode: 'parallel', label: null }, parts)).rejects.toBeInstanceOf(InputError);
    await expect(launchBatch({ sql: '-- only a comment', mode: 'parallel', label: null }, parts)).rejects.toThrow(/at least one SQL statement/);
    expect((await parts.registry.listBatches(1_000)).length).toBe(before);
  });
});

describe('cancelJobs', () => {
  it('says which jobs it cancelled, which had ended, and which it does not know', async () => {
    const { jobIds } = await launchBatch(
      { sql: 'SELECT COUNT(*) FROM TABLE(GENERATOR(TIMELIMIT => 60)); SELECT 1', mode: 'parallel', label: null },
      parts,
    );
    await untilEnded(jobIds[1]);
    const unknown = crypto.randomUUID();
    const report = await cancelJobs([jobIds[0], jobIds[1], unknown, jobIds[0]], parts);
    expect(report).toEqual({ cancelled: [jobIds[0]], alreadyEnded: [jobIds[1]], failed: [{ jobId: unknown, error: 'No such job.' }] });
    expect(await untilEnded(jobIds[0])).toMatchObject({ phase: 'cancelled' });
  });
});

describe('job results', () => {
  it('pages and streams the result of a succeeded job', async () => {
    const { jobIds } = await launchBatch(
      { sql: 'SELECT SEQ4() AS N FROM TABLE(GENERATOR(ROWCOUNT => 5))', mode: 'parallel', label: null },
      parts,
    );
    await untilEnded(jobIds[0]);
    const page = await jobResultPage(jobIds[0], 2, parts);
    expect(page).toMatchObject({ total: 5, rows: [['0'], ['1']] });
    const { queryId, result } = await jobResultStream(jobIds[0], parts);
    expect(queryId).toBe((await parts.registry.getJobs(jobIds))[0].queryId);
    const rows = [];
    for await (const row of result.rows) rows.push(row[0]);
    expect(rows).toEqual(['0', '1', '2', '3', '4']);
  });

  it('explains why a job has no result, and knows an unknown job', async () => {
    const { jobIds } = await launchBatch(
      { sql: 'SELECT SYSTEM$WAIT(3); SELECT * FROM flurry_jobs_missing', mode: 'parallel', label: null },
      parts,
    );
    await expect(jobResultPage(jobIds[0], 10, parts)).rejects.toBeInstanceOf(NoResultError);
    await vi.waitFor(async () => expect((await parts.registry.getJobs([jobIds[0]]))[0].phase).toBe('running'));
    await expect(jobResultPage(jobIds[0], 10, parts)).rejects.toThrow('The job is still running; its result will be here once it succeeds.');
    await untilEnded(jobIds[1]);
    await expect(jobResultPage(jobIds[1], 10, parts)).rejects.toThrow('The job failed, so it has no result.');
    await expect(jobResultPage(crypto.randomUUID(), 10, parts)).rejects.toBeInstanceOf(JobNotFoundError);
  });
});
