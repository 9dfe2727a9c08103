import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExternalQuery } from '@/lib/domain/query-history';
import { registryFile } from './index';
import { Registry } from './registry';
import { openTempRegistry, removeTempRegistry } from './registry-fixture';
import { SCHEMA } from './schema';

let dir: string;
let registry: Registry;

beforeEach(async () => {
  ({ dir, registry } = await openTempRegistry());
});
afterEach(() => removeTempRegistry(dir, registry));

const submit = async (jobId: string, queryId: string, at: number) =>
  (await registry.recordSubmissions([{ jobId, queryId, at }])).recorded[0] ?? null;

const launch = (statements: string[], options: { label?: string | null; mode?: 'parallel' | 'sequence'; at?: number } = {}) =>
  registry.createBatch(
    { label: options.label ?? null, mode: options.mode ?? 'parallel', jobs: statements.map((sql) => ({ sql, kind: 'query' as const })) },
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
      { jobId: id, submittedAt: 1_090, startedAt: 1_150, endedAt: 1_850, errorCode: null, errorMessage: null, rowCount: 42 },
    ]);
    expect(job).toMatchObject({ submittedAt: 1_090, startedAt: 1_150, endedAt: 1_850, rowCount: 42, phase: 'succeeded' });
    expect(await registry.listUnreconciled()).toEqual([]);
  });

  it('keeps the times it holds where the warehouse has none', async () => {
    const { jobs } = await launch(['SELECT 1']);
    const id = jobs[0].id;
    await submit(id, 'q-1', 1_100);
    await registry.recordStatusChanges([
      { jobId: id, rawStatus: 'RUNNING', at: 1_200 },
      { jobId: id, rawStatus: 'FAILED_WITH_ERROR', at: 1_900, errorMessage: 'observed' },
    ]);
    const [job] = await registry.applyWarehouseTimes([
      { jobId: id, submittedAt: null, startedAt: null, endedAt: 1_850, errorCode: null, errorMessage: null, rowCount: null },
    ]);
    expect(job).toMatchObject({ submittedAt: 1_100, startedAt: 1_200, endedAt: 1_850, errorMessage: 'observed' });
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

describe('Registry with job services', () => {
  const service = { name: 'nightly', computePool: 'CPU_S', spec: 'spec:\n  containers: []\n', replicas: 2 };
  const launchService = () =>
    registry.createBatch(
      {
        label: 'mixed',
        mode: 'parallel',
        jobs: [
          { sql: 'SELECT 1', kind: 'query' },
          { sql: 'EXECUTE JOB SERVICE IN COMPUTE POOL CPU_S NAME = nightly ASYNC = TRUE FROM SPECIFICATION $$…$$', kind: 'job_service', service },
        ],
      },
      1_000,
    );

  it('records a job service with its pool, spec and replicas, and a query without any', async () => {
    const { jobs } = await launchService();
    expect(jobs.map((job) => [job.kind, job.rawStatus, job.phase])).toEqual([
      ['query', 'WAITING', 'queued'],
      ['job_service', 'WAITING', 'queued'],
    ]);
    expect(jobs[0].service).toBeNull();
    expect(jobs[1].service).toEqual({ ...service, resolved: false });
  });

  it('accepts a job service as PENDING and maps its statuses as a job, not a query', async () => {
    const { jobs } = await launchService();
    const id = jobs[1].id;
    expect((await submit(id, 'q-9', 1_100))?.rawStatus).toBe('PENDING');
    const [running] = await registry.recordStatusChanges([{ jobId: id, rawStatus: 'RUNNING', at: 1_200 }]);
    expect(running).toMatchObject({ phase: 'running', startedAt: 1_200 });
    const [done] = await registry.recordStatusChanges([{ jobId: id, rawStatus: 'DONE', at: 1_900 }]);
    expect(done).toMatchObject({ phase: 'succeeded', endedAt: 1_900 });
    expect((await registry.getJob(id))?.transitions.map((t) => [t.rawStatus, t.phase])).toEqual([
      ['WAITING', 'queued'],
      ['PENDING', 'queued'],
      ['RUNNING', 'running'],
      ['DONE', 'succeeded'],
    ]);
    // Named by the warehouse, it existed: its times are the warehouse's to give.
    expect(await registry.listUnreconciled()).toEqual([]);
    await registry.recordServiceNames([{ jobId: id, name: 'FLURRY.PUBLIC.NIGHTLY' }]);
    expect((await registry.listUnreconciled()).map((job) => [job.id, job.kind])).toEqual([[id, 'job_service']]);
    await registry.applyWarehouseTimes([
      { jobId: id, submittedAt: 1_050, startedAt: 1_300, endedAt: 1_880, errorCode: null, errorMessage: null, rowCount: null },
    ]);
    expect(await registry.getJob(id)).toMatchObject({ submittedAt: 1_050, startedAt: 1_300, endedAt: 1_880 });
    expect(await registry.listUnreconciled()).toEqual([]);
  });

  it('leaves a job service whose statement failed out of the jobs to reconcile: it never existed', async () => {
    const { jobs } = await launchService();
    const [query, service] = jobs;
    await registry.recordSubmissions([
      { jobId: query.id, queryId: 'q-1', at: 1_100 },
      { jobId: service.id, queryId: 'q-2', at: 1_100 },
    ]);
    await registry.recordStatusChanges([
      { jobId: query.id, rawStatus: 'SUCCESS', at: 1_500 },
      { jobId: service.id, rawStatus: 'SUBMIT_FAILED', at: 1_200, errorMessage: 'no such pool' },
    ]);
    expect((await registry.listUnreconciled()).map((job) => job.id)).toEqual([query.id]);
  });

  it('records the qualified name once the warehouse says it, and finds jobs by it and by kind', async () => {
    const { jobs } = await launchService();
    const [named] = await registry.recordServiceNames([{ jobId: jobs[1].id, name: 'FLURRY.PUBLIC.NIGHTLY' }]);
    expect(named.service).toMatchObject({ name: 'FLURRY.PUBLIC.NIGHTLY', resolved: true });
    expect(await registry.recordServiceNames([{ jobId: jobs[0].id, name: 'X.Y.Z' }]).then((js) => js[0].service)).toBeNull();
    expect((await registry.listJobs({ text: 'public.nightly' })).jobs.map((job) => job.id)).toEqual([jobs[1].id]);
    expect((await registry.listJobs({ kinds: ['job_service'] })).jobs.map((job) => job.id)).toEqual([jobs[1].id]);
    expect((await registry.listJobs({ kinds: ['query'] })).jobs.map((job) => job.id)).toEqual([jobs[0].id]);
  });

  it('opens a registry written before job services existed, keeping its jobs', async () => {
    const oldDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flurry-old-registry-'));
    const file = registryFile(oldDir);
    const instance = await DuckDBInstance.create(file);
    const connection = await instance.connect();
    for (const statement of SCHEMA.filter((sql) => !sql.startsWith('ALTER'))) await connection.run(statement);
    await connection.run("INSERT INTO batches VALUES ('b-1', 'old', 'parallel', 1000)");
    await connection.run("INSERT INTO jobs (id, batch_id, position, kind, sql, raw_status, phase, updated_at) VALUES ('j-1', 'b-1', 0, 'query', 'SELECT 1', 'SUCCESS', 'succeeded', 1000)");
    connection.closeSync();
    instance.closeSync();
    try {
      const old = await Registry.open(file);
      try {
        expect(await old.getJob('j-1')).toMatchObject({ sql: 'SELECT 1', rawStatus: 'SUCCESS', service: null, origin: 'flurry', ranBy: null });
        const { jobs } = await old.createBatch({ label: null, mode: 'parallel', jobs: [{ sql: 'EXECUTE JOB SERVICE …', kind: 'job_service', service }] });
        expect(jobs[0].service).toMatchObject({ computePool: 'CPU_S', replicas: 2 });
      } finally {
        old.close();
      }
    } finally {
      fs.rmSync(oldDir, { recursive: true, force: true });
    }
  });
});

describe('Registry with queries other clients ran', () => {
  const ranBy = { user: 'ANALYST', role: 'ANALYST_ROLE', warehouse: 'BI_WH', sessionId: '9007199254740993' };
  const found = (queryId: string, queuedAt: number, more: Partial<ExternalQuery> = {}): ExternalQuery => ({
    queryId,
    sql: `SELECT '${queryId}'`,
    ranBy,
    status: 'SUCCESS',
    queuedAt,
    startedAt: queuedAt + 5,
    endedAt: queuedAt + 50,
    errorCode: null,
    errorMessage: null,
    rowCount: 1,
    ...more,
  });

  it('records a session’s queries in one external batch, in the order they started, with the history’s times', async () => {
    const running = found('ext-2', 2_000, { status: 'RUNNING', endedAt: null, rowCount: null });
    const imported = await registry.importExternalQueries([running, found('ext-1', 1_000)], 3_000);
    expect(imported.map((job) => [job.queryId, job.position, job.rawStatus, job.phase])).toEqual([
      ['ext-1', 0, 'SUCCESS', 'succeeded'],
      ['ext-2', 1, 'RUNNING', 'running'],
    ]);
    const [ended] = imported;
    expect(ended).toMatchObject({
      kind: 'query',
      origin: 'external',
      ranBy,
      batchLabel: 'External · ANALYST · session 9007199254740993',
      submittedAt: 1_000,
      startedAt: 1_005,
      endedAt: 1_050,
      rowCount: 1,
    });
    expect(imported[1].batchId).toBe(ended.batchId);
    expect((await registry.getJob(ended.id))?.transitions).toEqual([{ rawStatus: 'SUCCESS', phase: 'succeeded', at: 3_000 }]);
    // The ended one's times are already the warehouse's; the running one is for the tracker to follow.
    expect(await registry.listUnreconciled()).toEqual([]);
    expect((await registry.listActiveJobs()).map((job) => job.queryId)).toEqual(['ext-2']);
    expect(await registry.listBatches()).toEqual([expect.objectContaining({ label: ended.batchLabel, createdAt: 1_000, jobCount: 2 })]);
  });

  it('never records a query twice, and appends a session’s later queries to its batch', async () => {
    const [first] = await registry.importExternalQueries([found('ext-1', 1_000)], 3_000);
    const again = await registry.importExternalQueries([found('ext-1', 1_000), found('ext-3', 4_000), found('ext-3', 4_000)], 5_000);
    expect(again.map((job) => [job.queryId, job.batchId, job.position])).toEqual([['ext-3', first.batchId, 1]]);
    expect(await registry.importExternalQueries([found('ext-3', 4_000)], 6_000)).toEqual([]);
    const other = await registry.importExternalQueries([found('ext-4', 4_500, { ranBy: { ...ranBy, sessionId: '7' } })], 6_000);
    expect(other[0]).toMatchObject({ position: 0, batchLabel: 'External · ANALYST · session 7' });
    expect(other[0].batchId).not.toBe(first.batchId);
    expect((await registry.listJobs()).total).toBe(3);
  });

  it('records a cancelled query as ABORTED, as the monitoring API says it', async () => {
    const [job] = await registry.importExternalQueries(
      [found('ext-5', 1_000, { status: 'FAILED_WITH_ERROR', errorCode: '000604', errorMessage: 'SQL execution canceled', rowCount: 0 })],
      2_000,
    );
    expect(job).toMatchObject({ rawStatus: 'ABORTED', phase: 'cancelled', errorMessage: 'SQL execution canceled' });
  });

  it('filters by origin, alone and with the other filters', async () => {
    const { jobs } = await launch(['SELECT 1'], { at: 500 });
    const [external] = await registry.importExternalQueries([found('ext-1', 1_000)], 2_000);
    const ids = async (filter: Parameters<Registry['listJobs']>[0]) => (await registry.listJobs(filter)).jobs.map((job) => job.id);
    expect(await ids({ origins: ['external'] })).toEqual([external.id]);
    expect(await ids({ origins: ['flurry'] })).toEqual([jobs[0].id]);
    expect(await ids({ origins: ['flurry', 'external'] })).toEqual([external.id, jobs[0].id]);
    expect(await ids({ origins: ['external'], phases: ['queued'] })).toEqual([]);
    expect(await ids({ origins: ['external'], text: 'analyst' })).toEqual([external.id]);
    expect((await registry.getJob(jobs[0].id))).toMatchObject({ origin: 'flurry', ranBy: null });
  });
});
