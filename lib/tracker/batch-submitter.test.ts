/**
 * The batch submitter on a fake clock, against an in-memory store and a fake warehouse port:
 * what it submits and when, what a refusal and an unreachable warehouse do to a batch, and that
 * no statement is ever submitted twice.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '@/lib/domain/job';
import { BatchSubmitter } from './batch-submitter';
import { down, FakeClock, FakeStore, recordingHealth, refusal, settle, type SubmitItem } from './tracker-fakes';

/** A warehouse port that answers each submitted statement with a query id, or fails it. */
function fakeWarehouse(answer: (item: SubmitItem) => string | Error = (item) => `q-${item.requestId}`) {
  const warehouse = {
    /** Calls made, answered or not. */
    calls: 0,
    sent: [] as string[],
    cancelled: [] as string[],
    /** When set, the whole call fails like this (no connection). */
    unreachable: false,
    /** When set, submissions wait for it before answering. */
    gate: null as Promise<void> | null,
    async submitQueries(items: readonly SubmitItem[]): Promise<PromiseSettledResult<string>[]> {
      warehouse.calls++;
      await warehouse.gate;
      if (warehouse.unreachable) throw down();
      return items.map((item) => {
        warehouse.sent.push(item.sql);
        const result = answer(item);
        return result instanceof Error ? { status: 'rejected', reason: result } : { status: 'fulfilled', value: result };
      });
    },
    async cancelQuery(queryId: string): Promise<string> {
      warehouse.cancelled.push(queryId);
      return queryId;
    },
  };
  return warehouse;
}

let clock: FakeClock;
let store: FakeStore;

beforeEach(() => {
  clock = new FakeClock();
  store = new FakeStore(clock);
});

function submitterWith(warehouse: ReturnType<typeof fakeWarehouse>) {
  const health = recordingHealth();
  const tracked: Job[] = [];
  const published: Job[] = [];
  const wakes = { count: 0 };
  const submitter = new BatchSubmitter({
    store,
    warehouse,
    clock,
    health,
    publish: (jobs) => published.push(...jobs),
    track: (jobs) => tracked.push(...jobs),
    wake: () => wakes.count++,
  });
  return { submitter, health, tracked, published, wakes };
}

const statuses = (jobs: readonly Job[]) => jobs.map((job) => store.job(job.id).rawStatus);

describe('BatchSubmitter', () => {
  it('submits every WAITING statement of a parallel batch at once and hands them to the pollers', async () => {
    const warehouse = fakeWarehouse();
    const { submitter, health, tracked, published } = submitterWith(warehouse);
    const jobs = store.addBatch('parallel', [{ sql: 'SELECT 1' }, { sql: 'SELECT 2' }, { sql: 'SELECT 3' }]);

    const changed = await submitter.advanceBatch(jobs[0].batchId);

    expect(warehouse.sent).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3']);
    expect(statuses(jobs)).toEqual(['QUEUED', 'QUEUED', 'QUEUED']);
    expect(store.job(jobs[1].id)).toMatchObject({ queryId: `q-${jobs[1].id}`, submittedAt: clock.now() });
    expect(changed.map((job) => job.id)).toEqual(jobs.map((job) => job.id));
    expect(tracked.map((job) => job.id)).toEqual(jobs.map((job) => job.id));
    expect(published.map((job) => job.phase)).toEqual(['queued', 'queued', 'queued']);
    expect(health.notes).toEqual([null]);
    expect(submitter.dueAt()).toBe(Infinity);
  });

  it('submits a sequence one statement at a time: the next once the one before succeeded', async () => {
    const warehouse = fakeWarehouse();
    const { submitter } = submitterWith(warehouse);
    const jobs = store.addBatch('sequence', [{ sql: 'SELECT 1' }, { sql: 'SELECT 2' }]);

    await submitter.advanceBatch(jobs[0].batchId);
    expect(statuses(jobs)).toEqual(['QUEUED', 'WAITING']);
    // Advancing again while the first runs submits nothing more.
    await submitter.advanceBatch(jobs[0].batchId);
    expect(warehouse.sent).toEqual(['SELECT 1']);

    await store.recordStatusChanges([{ jobId: jobs[0].id, rawStatus: 'SUCCESS', at: clock.now() }]);
    // The loop marks the batch of an ended statement due, and runs it.
    submitter.markDue([jobs[0].batchId], clock.now());
    expect(submitter.dueAt()).toBe(clock.now());
    await submitter.run(clock.now());
    expect(warehouse.sent).toEqual(['SELECT 1', 'SELECT 2']);
    expect(statuses(jobs)).toEqual(['SUCCESS', 'QUEUED']);
    expect(submitter.dueAt()).toBe(Infinity);
  });

  it('fails a statement the warehouse refuses and skips the rest of its sequence, submitting nothing after it', async () => {
    const warehouse = fakeWarehouse((item) => (item.sql === 'SELECT * FROM missing' ? refusal("Object 'MISSING' does not exist") : `q-${item.requestId}`));
    const { submitter, tracked, health } = submitterWith(warehouse);
    const jobs = store.addBatch('sequence', [{ sql: 'SELECT * FROM missing' }, { sql: 'SELECT 2' }, { sql: 'SELECT 3' }]);

    const changed = await submitter.advanceBatch(jobs[0].batchId);

    expect(statuses(jobs)).toEqual(['SUBMIT_FAILED', 'SKIPPED', 'SKIPPED']);
    expect(store.job(jobs[0].id)).toMatchObject({ phase: 'failed', queryId: null, errorCode: '002003', errorMessage: "Object 'MISSING' does not exist" });
    expect(changed.map((job) => job.rawStatus)).toEqual(['SUBMIT_FAILED', 'SKIPPED', 'SKIPPED']);
    expect(warehouse.sent).toEqual(['SELECT * FROM missing']);
    expect(tracked).toEqual([]);
    // A refusal is an answer: the warehouse is up, and nothing is left to retry.
    expect(health.notes).toEqual([null]);
    expect(submitter.dueAt()).toBe(Infinity);
  });

  it('keeps the query a refused statement created; a refused job service never existed', async () => {
    const warehouse = fakeWarehouse((item) => refusal('SQL compilation error', `failed-${item.requestId}`));
    const { submitter } = submitterWith(warehouse);
    const [query] = store.addBatch('parallel', [{ sql: 'SELEC 1' }]);
    const [service] = store.addBatch('parallel', [{ kind: 'job_service', sql: 'EXECUTE JOB SERVICE IN COMPUTE POOL P FROM SPECIFICATION $$x$$' }]);

    await submitter.advanceBatch(query.batchId);
    await submitter.advanceBatch(service.batchId);

    expect(store.job(query.id)).toMatchObject({ rawStatus: 'FAILED_WITH_ERROR', phase: 'failed', queryId: `failed-${query.id}` });
    expect(store.job(service.id)).toMatchObject({ rawStatus: 'SUBMIT_FAILED', phase: 'failed', queryId: `failed-${service.id}` });
  });

  it('in a parallel batch, a refusal fails its own statement only', async () => {
    const warehouse = fakeWarehouse((item) => (item.sql === 'BAD' ? refusal('syntax error') : `q-${item.requestId}`));
    const { submitter, tracked } = submitterWith(warehouse);
    const jobs = store.addBatch('parallel', [{ sql: 'SELECT 1' }, { sql: 'BAD' }, { sql: 'SELECT 3' }]);

    await submitter.advanceBatch(jobs[0].batchId);

    expect(statuses(jobs)).toEqual(['QUEUED', 'SUBMIT_FAILED', 'QUEUED']);
    expect(tracked.map((job) => job.id)).toEqual([jobs[0].id, jobs[2].id]);
  });

  it('leaves the jobs WAITING while the warehouse does not answer, and retries with a doubling back-off', async () => {
    const warehouse = fakeWarehouse();
    warehouse.unreachable = true;
    const { submitter, health, wakes } = submitterWith(warehouse);
    const jobs = store.addBatch('sequence', [{ sql: 'SELECT 1' }, { sql: 'SELECT 2' }]);
    const start = clock.now();

    const changed = await submitter.advanceBatch(jobs[0].batchId);
    expect(changed).toEqual([]);
    expect(statuses(jobs)).toEqual(['WAITING', 'WAITING']);
    expect(health.notes).toEqual([expect.objectContaining({ name: 'WarehouseUnavailableError' })]);
    expect(submitter.dueAt()).toBe(start + 1_000);
    expect(wakes.count).toBe(1);

    // Not due yet: nothing is sent.
    await submitter.run(start + 999);
    expect(submitter.dueAt()).toBe(start + 1_000);

    clock.time = start + 1_000;
    await submitter.run(clock.now());
    expect(statuses(jobs)).toEqual(['WAITING', 'WAITING']);
    expect(submitter.dueAt()).toBe(start + 3_000);

    clock.time = start + 3_000;
    warehouse.unreachable = false;
    await submitter.run(clock.now());
    expect(statuses(jobs)).toEqual(['QUEUED', 'WAITING']);
    expect(warehouse.sent).toEqual(['SELECT 1']);
    expect(submitter.dueAt()).toBe(Infinity);
  });

  it('after an outage ends, a batch backing off is due at once and its back-off starts over', async () => {
    const warehouse = fakeWarehouse();
    warehouse.unreachable = true;
    const { submitter } = submitterWith(warehouse);
    const [job] = store.addBatch('parallel', [{}]);
    const start = clock.now();
    for (const at of [start, start + 1_000, start + 3_000, start + 7_000]) {
      clock.time = at;
      submitter.markDue(at === start ? [job.batchId] : [], at);
      await submitter.run(at);
    }
    expect(submitter.dueAt()).toBe(start + 15_000);

    clock.time = start + 8_000;
    submitter.resume(clock.now());
    expect(submitter.dueAt()).toBe(start + 8_000);
    // Still down at that moment: the back-off starts again from one second.
    await submitter.run(clock.now());
    expect(submitter.dueAt()).toBe(start + 9_000);
  });

  it('submits a statement once when its batch is advanced twice at the same time', async () => {
    const warehouse = fakeWarehouse();
    const { submitter } = submitterWith(warehouse);
    const jobs = store.addBatch('parallel', [{ sql: 'SELECT 1' }, { sql: 'SELECT 2' }]);

    await Promise.all([submitter.advanceBatch(jobs[0].batchId), submitter.advanceBatch(jobs[0].batchId)]);

    expect(warehouse.sent).toEqual(['SELECT 1', 'SELECT 2']);
  });

  it('cancels WAITING jobs and skips what follows them in their sequence', async () => {
    const warehouse = fakeWarehouse();
    const { submitter, published } = submitterWith(warehouse);
    const jobs = store.addBatch('sequence', [{ sql: 'SELECT 1' }, { sql: 'SELECT 2' }, { sql: 'SELECT 3' }]);
    await submitter.advanceBatch(jobs[0].batchId);

    const cancelled = await submitter.cancelWaiting([jobs[0].id, jobs[1].id]);

    // The first was submitted already: it is left out.
    expect(cancelled).toEqual([jobs[1].id]);
    expect(statuses(jobs)).toEqual(['QUEUED', 'CANCELLED', 'WAITING']);
    await store.recordStatusChanges([{ jobId: jobs[0].id, rawStatus: 'SUCCESS', at: clock.now() }]);
    await submitter.advanceBatch(jobs[0].batchId);
    expect(statuses(jobs)).toEqual(['SUCCESS', 'CANCELLED', 'SKIPPED']);
    expect(warehouse.sent).toEqual(['SELECT 1']);
    expect(published.map((job) => job.rawStatus)).toContain('CANCELLED');
  });

  it('cancels the query started for a job cancelled while its submission was in flight', async () => {
    const warehouse = fakeWarehouse();
    let release = () => {};
    warehouse.gate = new Promise((resolve) => (release = resolve));
    const { submitter, tracked } = submitterWith(warehouse);
    const [job] = store.addBatch('parallel', [{}]);

    const advancing = submitter.advanceBatch(job.batchId);
    await settle();
    expect(warehouse.calls).toBe(1);
    // Cancelled while the warehouse has the statement and has not answered yet.
    const cancelling = submitter.cancelWaiting([job.id]);
    await settle();
    release();
    await advancing;
    expect(await cancelling).toEqual([job.id]);

    expect(store.job(job.id)).toMatchObject({ rawStatus: 'CANCELLED', queryId: null });
    expect(warehouse.cancelled).toEqual([`q-${job.id}`]);
    expect(tracked).toEqual([]);
  });
});
