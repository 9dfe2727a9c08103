/**
 * The reconciler on a fake clock, against an in-memory store and a fake warehouse history: an
 * ended job's times become the warehouse's, a job the history does not show yet is tried again
 * later, and after the attempts limit it keeps Flurry's own.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Job, ServiceContainer } from '@/lib/domain/job';
import type { QueryTimes } from '@/lib/domain/query-history';
import type { JobHistoryRow } from '@/lib/domain/service-rows';
import { Reconciler } from './reconciler';
import { RefusedReads } from './refused-reads';
import { down, FakeClock, FakeStore } from './tracker-fakes';

/** A warehouse history that shows the queries and jobs put in it. */
function fakeHistory() {
  const history = {
    queries: new Map<string, QueryTimes>(),
    jobs: new Map<string, JobHistoryRow>(),
    containers: new Map<string, ServiceContainer[] | Error>(),
    reads: { queries: 0, jobs: 0, containers: 0 },
    /** When set, the next read waits for it. */
    gate: null as Promise<void> | null,
    async queryTimes(queryIds: string[]): Promise<QueryTimes[]> {
      history.reads.queries++;
      await history.gate;
      return queryIds.flatMap((id) => history.queries.get(id) ?? []);
    },
    async jobServicesOfQueries(queryIds: readonly string[]): Promise<JobHistoryRow[]> {
      history.reads.jobs++;
      return queryIds.flatMap((id) => history.jobs.get(id) ?? []);
    },
    async serviceContainers(name: string): Promise<ServiceContainer[]> {
      history.reads.containers++;
      const containers = history.containers.get(name) ?? [];
      if (containers instanceof Error) throw containers;
      return containers;
    },
  };
  return history;
}

const container = (startedAt: number): ServiceContainer => ({
  instanceId: '0',
  containerName: 'main',
  status: 'DONE',
  instanceStatus: 'DONE',
  message: null,
  image: 'img',
  restartCount: 0,
  lastExitCode: 0,
  startedAt,
});

let clock: FakeClock;
let store: FakeStore;
let history: ReturnType<typeof fakeHistory>;
let published: Job[];
let reconciler: Reconciler;

beforeEach(() => {
  clock = new FakeClock();
  store = new FakeStore(clock);
  history = fakeHistory();
  published = [];
  reconciler = new Reconciler({ store, warehouse: history, clock, publish: (jobs) => published.push(...jobs), refusals: new RefusedReads() });
});

/** A job of `kind` that ran and ended as Flurry saw it. */
async function endedJob(kind: 'query' | 'job_service' = 'query', name: string | null = null): Promise<Job> {
  const [job] = store.addBatch('parallel', [{ kind }]);
  await store.recordSubmissions([{ jobId: job.id, queryId: `q-${job.id}`, at: clock.now() }]);
  if (name) await store.recordServiceNames([{ jobId: job.id, name }]);
  const [ended] = await store.recordStatusChanges([{ jobId: job.id, rawStatus: kind === 'query' ? 'SUCCESS' : 'DONE', at: clock.now() + 5_000 }]);
  return ended;
}

async function runWhenDue() {
  clock.time = reconciler.dueAt();
  await reconciler.run(clock.now());
}

describe('Reconciler', () => {
  it('replaces an ended query’s times with the query history’s, in one read for every due query', async () => {
    const jobs = [await endedJob(), await endedJob()];
    const base = clock.now() - 60_000;
    jobs.forEach((job, i) =>
      history.queries.set(job.queryId as string, {
        queryId: job.queryId as string,
        status: 'SUCCESS',
        queuedAt: base + i,
        startedAt: base + 100 + i,
        endedAt: base + 1_100 + i,
        errorCode: null,
        errorMessage: null,
        rowCount: 7,
      }),
    );
    for (const job of jobs) reconciler.add(job, null, clock.now());

    await runWhenDue();

    expect(history.reads.queries).toBe(1);
    expect(store.job(jobs[1].id)).toMatchObject({ submittedAt: base + 1, startedAt: base + 101, endedAt: base + 1_101, rowCount: 7 });
    expect([...store.reconciled]).toEqual(jobs.map((job) => job.id));
    expect(published.map((job) => job.id)).toEqual(jobs.map((job) => job.id));
    expect(reconciler.dueAt()).toBe(Infinity);
  });

  it('tries a job the history does not show yet again later, and gives up after five attempts', async () => {
    const job = await endedJob();
    const observed = store.job(job.id);
    const start = clock.now();
    reconciler.add(job, null, start);

    const attempts: number[] = [];
    for (let round = 0; round < 10 && Number.isFinite(reconciler.dueAt()); round++) {
      attempts.push(reconciler.dueAt() - start);
      await runWhenDue();
    }

    // Each retry waits a second longer than the one before.
    expect(attempts).toEqual([0, 1_000, 3_000, 6_000, 10_000]);
    expect(history.reads.queries).toBe(5);
    expect(store.reconciled.has(job.id)).toBe(false);
    expect(store.job(job.id)).toEqual(observed);
  });

  it('takes a query the history shows as still running for not shown yet', async () => {
    const job = await endedJob();
    history.queries.set(job.queryId as string, { queryId: job.queryId as string, status: 'RUNNING', queuedAt: 1, startedAt: 2, endedAt: null, errorCode: null, errorMessage: null, rowCount: null });
    reconciler.add(job, null, clock.now());
    await runWhenDue();
    expect(store.reconciled.has(job.id)).toBe(false);
    expect(reconciler.dueAt()).toBe(clock.now() + 1_000);
  });

  it('gives an ended job service the job history’s times and its first container’s start', async () => {
    const job = await endedJob('job_service', 'DB.SCH.JOB');
    const created = clock.now() - 30_000;
    history.jobs.set(job.queryId as string, { queryId: job.queryId as string, qualifiedName: 'DB.SCH.JOB', status: 'DONE', message: null, createdAt: created, completedAt: created + 20_000 });
    history.containers.set('DB.SCH.JOB', [container(created + 5_000), container(created + 3_000)]);
    reconciler.add(job, null, clock.now());

    await runWhenDue();

    expect(store.job(job.id)).toMatchObject({ submittedAt: created, startedAt: created + 3_000, endedAt: created + 20_000 });
    expect(history.reads).toMatchObject({ jobs: 1, containers: 1 });
  });

  it('uses the containers already read when the job failed, and tries again when they cannot be read', async () => {
    const known = await endedJob('job_service', 'DB.SCH.KNOWN');
    const cut = await endedJob('job_service', 'DB.SCH.CUT');
    const created = clock.now() - 30_000;
    for (const [job, name] of [[known, 'DB.SCH.KNOWN'], [cut, 'DB.SCH.CUT']] as const) {
      history.jobs.set(job.queryId as string, { queryId: job.queryId as string, qualifiedName: name, status: 'FAILED', message: null, createdAt: created, completedAt: created + 9_000 });
    }
    history.containers.set('DB.SCH.CUT', down());
    reconciler.add(known, [container(created + 1_000)], clock.now());
    reconciler.add(cut, null, clock.now());

    await runWhenDue();

    expect(store.job(known.id).startedAt).toBe(created + 1_000);
    expect(store.reconciled.has(cut.id)).toBe(false);
    expect(history.reads.containers).toBe(1);
    expect(reconciler.dueAt()).toBe(clock.now() + 1_000);
  });

  it('leaves out a job service the warehouse never named: it never existed', async () => {
    reconciler.add(await endedJob('job_service'), null, clock.now());
    expect(reconciler.dueAt()).toBe(Infinity);
  });

  it('is not due while its read is in flight', async () => {
    let release = () => {};
    history.gate = new Promise((resolve) => (release = resolve));
    reconciler.add(await endedJob(), null, clock.now());
    const running = reconciler.run(clock.now());
    reconciler.add(await endedJob(), null, clock.now());
    expect(reconciler.dueAt()).toBe(Infinity);
    release();
    await running;
    expect(reconciler.dueAt()).toBe(clock.now());
  });
});
