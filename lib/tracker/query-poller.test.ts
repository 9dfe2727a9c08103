/**
 * The query poller on a fake clock, against an in-memory store and a fake monitoring API: when
 * each query is polled, what it records, when it lets a query go, and how it backs off while
 * the warehouse does not answer and resumes when it does.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '@/lib/domain/job';
import { QueryPoller } from './query-poller';
import { down, FakeClock, FakeStore, recordingHealth, refusal, type StatusAnswers } from './tracker-fakes';

/** A monitoring API that reports each query's status as set in `statuses`. */
function fakeMonitoring() {
  const monitoring = {
    statuses: new Map<string, string | Error>(),
    /** The query ids of each call. */
    polls: [] as string[][],
    unreachable: false,
    async queryStatuses(queryIds: readonly string[]): Promise<StatusAnswers> {
      monitoring.polls.push([...queryIds]);
      if (monitoring.unreachable) throw down();
      return queryIds.map((id) => {
        const status = monitoring.statuses.get(id) ?? 'RUNNING';
        return status instanceof Error
          ? { status: 'rejected', reason: status }
          : { status: 'fulfilled', value: { status, errorCode: status === 'FAILED_WITH_ERROR' ? '100038' : null, errorMessage: null } };
      });
    },
  };
  return monitoring;
}

let clock: FakeClock;
let store: FakeStore;
let monitoring: ReturnType<typeof fakeMonitoring>;
let health: ReturnType<typeof recordingHealth>;
let published: Job[];
let poller: QueryPoller;

beforeEach(() => {
  clock = new FakeClock();
  store = new FakeStore(clock);
  monitoring = fakeMonitoring();
  health = recordingHealth();
  published = [];
  poller = new QueryPoller({ store, warehouse: monitoring, clock, health, publish: (jobs) => published.push(...jobs), parallelism: 100 });
});

/** Submitted queries of a new batch, as the store holds them. */
async function submitted(mode: 'parallel' | 'sequence', count = 1): Promise<Job[]> {
  const jobs = store.addBatch(mode, Array.from({ length: count }, () => ({})));
  const { recorded } = await store.recordSubmissions(jobs.map((job) => ({ jobId: job.id, queryId: `q-${job.id}`, at: clock.now() })));
  return recorded;
}

/** Runs the poller when it is due, with the clock moved there. */
async function pollWhenDue() {
  clock.time = poller.dueAt();
  return poller.run(clock.now());
}

describe('QueryPoller', () => {
  it('polls a query at once, then on the poll schedule, and records what changed', async () => {
    const [job] = await submitted('parallel');
    const start = clock.now();
    poller.track([job], start);
    expect(poller.dueAt()).toBe(start);

    expect(await pollWhenDue()).toEqual([]);
    expect(store.job(job.id)).toMatchObject({ rawStatus: 'RUNNING', phase: 'running', startedAt: start });
    expect(published.map((j) => j.rawStatus)).toEqual(['RUNNING']);
    expect(health.notes).toEqual([null]);
    // A young query is read every 150 ms.
    expect(poller.dueAt()).toBe(start + 150);

    // Nothing changed: nothing is written or published.
    await pollWhenDue();
    expect(published).toHaveLength(1);
    expect(monitoring.polls).toHaveLength(2);
  });

  it('reads a statement a sequence waits on three times as often', async () => {
    const [job] = await submitted('sequence');
    poller.track([job], clock.now());
    await pollWhenDue();
    expect(poller.dueAt()).toBe(clock.now() + 50);
  });

  it('polls only the due queries, many in one call', async () => {
    const jobs = await submitted('parallel', 3);
    poller.track(jobs, clock.now());
    await pollWhenDue();
    expect(monitoring.polls).toEqual([jobs.map((job) => job.queryId)]);
    // Polling again before anything is due asks nothing.
    await poller.run(clock.now() + 10);
    expect(monitoring.polls).toHaveLength(1);
  });

  it('lets a query go once its end is recorded, and hands it back', async () => {
    const [job] = await submitted('parallel');
    poller.track([job], clock.now());
    monitoring.statuses.set(`q-${job.id}`, 'FAILED_WITH_ERROR');

    const ended = await pollWhenDue();

    expect(ended.map(({ job: j }) => [j.id, j.rawStatus, j.errorCode])).toEqual([[job.id, 'FAILED_WITH_ERROR', '100038']]);
    expect(poller.size).toBe(0);
    expect(poller.dueAt()).toBe(Infinity);
  });

  it('ignores jobs it cannot follow: not submitted, ended, job services, or watched already', async () => {
    const [waiting] = store.addBatch('parallel', [{}]);
    const [service] = store.addBatch('parallel', [{ kind: 'job_service' }]);
    await store.recordSubmissions([{ jobId: service.id, queryId: 'q-s', at: clock.now() }]);
    const [done] = await submitted('parallel');
    await store.recordStatusChanges([{ jobId: done.id, rawStatus: 'SUCCESS', at: clock.now() }]);
    const [running] = await submitted('parallel');

    poller.track([waiting, store.job(service.id), store.job(done.id), running, running], clock.now());

    expect(poller.size).toBe(1);
  });

  it('does not take a just-submitted query the monitoring API does not know yet for lost; after 30 s it is', async () => {
    const [job] = await submitted('parallel');
    const start = clock.now();
    poller.track([job], start);
    monitoring.statuses.set(`q-${job.id}`, 'NO_QUERY_DATA');

    await pollWhenDue();
    expect(store.job(job.id).rawStatus).toBe('QUEUED');

    while (poller.dueAt() < start + 30_000) await pollWhenDue();
    const ended = await pollWhenDue();
    expect(ended.map(({ job: j }) => j.rawStatus)).toEqual(['NO_QUERY_DATA']);
    expect(store.job(job.id).phase).toBe('failed');
  });

  it('backs off while the warehouse does not answer, reporting the outage, and keeps the job', async () => {
    const [job] = await submitted('parallel');
    const start = clock.now();
    poller.track([job], start);
    monitoring.unreachable = true;

    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      clock.time = poller.dueAt();
      times.push(clock.now() - start);
      await poller.run(clock.now());
    }
    // Back-offs of 1, 2, 4, 8 s: failed polls at 0, 1, 3, 7 and 15 s; the next 16 s later.
    expect(times).toEqual([0, 1_000, 3_000, 7_000, 15_000]);
    expect(poller.dueAt()).toBe(start + 31_000);
    expect(health.notes.every((note) => note?.name === 'WarehouseUnavailableError')).toBe(true);
    expect(store.job(job.id).rawStatus).toBe('QUEUED');
    expect(poller.size).toBe(1);
  });

  it('when the outage ends, a query backing off is due at once and its back-off starts over', async () => {
    const [job] = await submitted('parallel');
    const start = clock.now();
    poller.track([job], start);
    monitoring.unreachable = true;
    for (let i = 0; i < 5; i++) await pollWhenDue();
    expect(poller.dueAt()).toBe(start + 31_000);

    clock.time = start + 17_000;
    poller.resume(clock.now());
    expect(poller.dueAt()).toBe(start + 17_000);
    await pollWhenDue();
    expect(poller.dueAt()).toBe(start + 18_000);

    monitoring.unreachable = false;
    monitoring.statuses.set(`q-${job.id}`, 'SUCCESS');
    const ended = await pollWhenDue();
    expect(ended.map(({ job: j }) => j.rawStatus)).toEqual(['SUCCESS']);
    expect(health.notes.at(-1)).toBeNull();
  });

  it('backs off a query whose status the warehouse refuses to give, without reporting an outage', async () => {
    const jobs = await submitted('parallel', 2);
    poller.track(jobs, clock.now());
    monitoring.statuses.set(`q-${jobs[0].id}`, refusal('no such query'));

    await pollWhenDue();

    expect(health.notes).toEqual([null]);
    expect(poller.dueAt()).toBe(clock.now() + 150);
    await poller.run(clock.now() + 150);
    // The refused one waits its second of back-off.
    expect(monitoring.polls.at(-1)).toEqual([jobs[1].queryId]);
  });

  it('polls a job at the next opportunity when asked to', async () => {
    const [job] = await submitted('parallel');
    poller.track([job], clock.now());
    await pollWhenDue();
    expect(poller.dueAt()).toBeGreaterThan(clock.now());

    poller.pollSoon([job.id, 'job-unknown']);
    expect(poller.dueAt()).toBeLessThanOrEqual(clock.now());
  });
});
