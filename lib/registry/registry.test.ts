import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registryFile } from './index';
import { Registry } from './registry';

let dir: string;
let registry: Registry;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flurry-registry-'));
  registry = await Registry.open(registryFile(dir));
});

afterEach(() => {
  registry.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const submit = async (jobId: string, queryId: string, at: number) =>
  (await registry.recordSubmissions([{ jobId, queryId, at }])).recorded[0] ?? null;

const launch = (statements: string[], options: { label?: string | null; mode?: 'parallel' | 'sequence'; at?: number } = {}) =>
  registry.createBatch(
    { label: options.label ?? null, mode: options.mode ?? 'parallel', kind: 'query', statements },
    options.at ?? 1_000,
  );

describe('Registry', () => {
  it('creates a batch whose jobs wait, in statement order, each with a first transition', async () => {
    const { batch, jobs } = await launch(['SELECT 1', 'SELECT 2'], { label: 'nightly', mode: 'sequence' });
    expect(batch).toMatchObject({ label: 'nightly', mode: 'sequence', createdAt: 1_000, jobCount: 2 });
    expect(jobs.map((job) => [job.position, job.sql, job.rawStatus, job.phase, job.batchLabel])).toEqual([
      [0, 'SELECT 1', 'WAITING', 'queued', 'nightly'],
      [1, 'SELECT 2', 'WAITING', 'queued', 'nightly'],
    ]);
    const detail = await registry.getJob(jobs[0].id);
    expect(detail?.transitions).toEqual([{ rawStatus: 'WAITING', phase: 'queued', at: 1_000 }]);
  });

  it('refuses a batch without statements', async () => {
    await expect(launch([])).rejects.toThrow(/at least one statement/);
  });

  it('records a submission once, and not for a job that stopped waiting', async () => {
    const { jobs } = await launch(['SELECT 1', 'SELECT 2']);
    const submitted = await submit(jobs[0].id, 'q-1', 1_100);
    expect(submitted).toMatchObject({ queryId: 'q-1', submittedAt: 1_100, rawStatus: 'QUEUED', phase: 'queued' });

    await registry.recordStatusChanges([{ jobId: jobs[1].id, rawStatus: 'CANCELLED', onlyIf: 'WAITING', at: 1_050 }]);
    expect(await submit(jobs[1].id, 'q-2', 1_100)).toBeNull();
    expect((await registry.getJob(jobs[1].id))?.queryId).toBeNull();
  });

  it('appends a transition only when the status really changes, and sets observed times', async () => {
    const { jobs } = await launch(['SELECT 1']);
    const id = jobs[0].id;
    await submit(id, 'q-1', 1_100);
    expect(await registry.recordStatusChanges([{ jobId: id, rawStatus: 'RUNNING', at: 1_200 }])).toHaveLength(1);
    expect(await registry.recordStatusChanges([{ jobId: id, rawStatus: 'RUNNING', at: 1_300 }])).toHaveLength(0);
    const [ended] = await registry.recordStatusChanges([
      { jobId: id, rawStatus: 'FAILED_WITH_ERROR', at: 1_400, errorCode: '100038', errorMessage: 'Numeric value is not recognized' },
    ]);
    expect(ended).toMatchObject({ phase: 'failed', startedAt: 1_200, endedAt: 1_400, errorCode: '100038' });

    const detail = await registry.getJob(id);
    expect(detail?.transitions.map((t) => [t.rawStatus, t.phase, t.at])).toEqual([
      ['WAITING', 'queued', 1_000],
      ['QUEUED', 'queued', 1_100],
      ['RUNNING', 'running', 1_200],
      ['FAILED_WITH_ERROR', 'failed', 1_400],
    ]);
  });

  it('applies several changes to one job in one call in order, keeping each in the history', async () => {
    const { jobs } = await launch(['SELECT 1']);
    const id = jobs[0].id;
    await submit(id, 'q-1', 1_100);
    const [job] = await registry.recordStatusChanges([
      { jobId: id, rawStatus: 'RUNNING', at: 1_200 },
      { jobId: id, rawStatus: 'ABORTED', at: 1_300, errorCode: '000604', errorMessage: 'SQL execution canceled' },
      { jobId: id, rawStatus: 'SUCCESS', at: 1_400 },
    ]);
    expect(job).toMatchObject({ rawStatus: 'ABORTED', phase: 'cancelled', startedAt: 1_200, endedAt: 1_300, errorCode: '000604' });
    expect((await registry.getJob(id))?.transitions.map((t) => t.rawStatus)).toEqual(['WAITING', 'QUEUED', 'RUNNING', 'ABORTED']);
  });

  it('keeps a final status: a late report cannot reopen an ended job', async () => {
    const { jobs } = await launch(['SELECT 1']);
    const id = jobs[0].id;
    await registry.recordStatusChanges([{ jobId: id, rawStatus: 'SKIPPED', onlyIf: 'WAITING', at: 1_100 }]);
    expect(await registry.recordStatusChanges([{ jobId: id, rawStatus: 'RUNNING', at: 1_200 }])).toEqual([]);
    expect((await registry.getJob(id))?.rawStatus).toBe('SKIPPED');
  });

  it('replaces observed times with the warehouse’s and marks them reconciled', async () => {
    const { jobs } = await launch(['SELECT 1']);
    const id = jobs[0].id;
    await submit(id, 'q-1', 1_100);
    await registry.recordStatusChanges([{ jobId: id, rawStatus: 'SUCCESS', at: 1_900 }]);
    expect((await registry.listUnreconciled()).map((job) => job.id)).toEqual([id]);

    const [job] = await registry.applyWarehouseTimes([
      { jobId: id, startedAt: 1_150, endedAt: 1_850, errorCode: null, errorMessage: null, rowCount: 42 },
    ]);
    expect(job).toMatchObject({ startedAt: 1_150, endedAt: 1_850, rowCount: 42, phase: 'succeeded' });
    expect(await registry.listUnreconciled()).toEqual([]);
  });

  it('filters by phase, kind and batch, newest batch first, with the total before the limit', async () => {
    const older = await launch(['SELECT 1', 'SELECT 2', 'SELECT 3'], { at: 1_000 });
    const newer = await launch(['SELECT 4'], { at: 2_000 });
    await submit(older.jobs[1].id, 'q-2', 1_100);
    await registry.recordStatusChanges([{ jobId: older.jobs[1].id, rawStatus: 'RUNNING', at: 1_200 }]);

    const all = await registry.listJobs();
    expect(all.total).toBe(4);
    expect(all.jobs.map((job) => job.sql)).toEqual(['SELECT 4', 'SELECT 1', 'SELECT 2', 'SELECT 3']);

    expect((await registry.listJobs({ phases: ['running'] })).jobs.map((job) => job.sql)).toEqual(['SELECT 2']);
    expect((await registry.listJobs({ phases: ['running', 'queued'], kinds: ['query'] })).total).toBe(4);
    expect((await registry.listJobs({ phases: ['failed'] }))).toEqual({ jobs: [], total: 0 });
    expect((await registry.listJobs({ batchId: newer.batch.id })).jobs.map((job) => job.id)).toEqual([newer.jobs[0].id]);

    const page = await registry.listJobs({ limit: 2 });
    expect(page.jobs).toHaveLength(2);
    expect(page.total).toBe(4);
  });

  it('searches SQL, label, query id and error case-insensitively, taking the text literally', async () => {
    const { jobs } = await launch(['select * from ORDERS', "SELECT '100%_done'"], { label: 'Nightly Load' });
    await launch(['SELECT 1'], { label: 'other' });
    await submit(jobs[0].id, '01b2-ABCD', 1_100);
    await registry.recordStatusChanges([{ jobId: jobs[0].id, rawStatus: 'FAILED_WITH_ERROR', at: 1_200, errorMessage: 'Object does not exist' }]);

    const ids = async (text: string) => (await registry.listJobs({ text })).jobs.map((job) => job.id);
    expect(await ids('orders')).toEqual([jobs[0].id]);
    expect(await ids('NIGHTLY')).toEqual([jobs[0].id, jobs[1].id]);
    expect(await ids('abcd')).toEqual([jobs[0].id]);
    expect(await ids('DOES NOT EXIST')).toEqual([jobs[0].id]);
    expect(await ids('0%_')).toEqual([jobs[1].id]);
    expect(await ids('%')).toEqual([jobs[1].id]);
    expect(await ids("' OR 1=1 --")).toEqual([]);
  });

  it('lists active jobs, WAITING included, and leaves ended ones out', async () => {
    const { jobs } = await launch(['SELECT 1', 'SELECT 2', 'SELECT 3'], { mode: 'sequence' });
    await submit(jobs[0].id, 'q-1', 1_100);
    await registry.recordStatusChanges([{ jobId: jobs[0].id, rawStatus: 'SUCCESS', at: 1_200 }]);
    await submit(jobs[1].id, 'q-2', 1_300);
    const active = await registry.listActiveJobs();
    expect(active.map((job) => [job.position, job.rawStatus])).toEqual([
      [1, 'QUEUED'],
      [2, 'WAITING'],
    ]);
    expect((await registry.batchJobs(jobs[0].batchId)).map((job) => job.position)).toEqual([0, 1, 2]);
  });

  it('lists recent batches with their job counts', async () => {
    await launch(['SELECT 1'], { label: 'first', at: 1_000 });
    await launch(['SELECT 1', 'SELECT 2'], { label: 'second', mode: 'sequence', at: 2_000 });
    const batches = await registry.listBatches(10);
    expect(batches.map((batch) => [batch.label, batch.mode, batch.jobCount])).toEqual([
      ['second', 'sequence', 2],
      ['first', 'parallel', 1],
    ]);
    expect(await registry.listBatches(1)).toHaveLength(1);
  });

  it('serializes concurrent writes without losing any', async () => {
    const { jobs } = await launch(Array.from({ length: 30 }, (_, i) => `SELECT ${i}`));
    await Promise.all(jobs.map((job, i) => submit(job.id, `q-${i}`, 1_100 + i)));
    const changed = await Promise.all(jobs.map((job) => registry.recordStatusChanges([{ jobId: job.id, rawStatus: 'RUNNING', at: 1_500 }])));
    expect(changed.flat()).toHaveLength(30);
    expect((await registry.listJobs({ phases: ['running'] })).total).toBe(30);
  });

  it('survives being closed and opened again', async () => {
    const { jobs } = await launch(['SELECT 1'], { label: 'kept' });
    await submit(jobs[0].id, 'q-1', 1_100);
    registry.close();
    registry = await Registry.open(registryFile(dir));
    const detail = await registry.getJob(jobs[0].id);
    expect(detail).toMatchObject({ batchLabel: 'kept', queryId: 'q-1', rawStatus: 'QUEUED' });
    expect(detail?.transitions).toHaveLength(2);
    expect(await registry.getJob('no-such-job')).toBeNull();
  });
});
