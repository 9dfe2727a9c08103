/**
 * The whole loop on a fake clock, against an in-memory store and a fake warehouse whose queries
 * run for a set time on the same clock: it sleeps until its parts have work, runs a sequence
 * through all of them, backs off during an outage and follows everything again the moment the
 * warehouse answers, sends the heartbeat when idle, imports other clients' queries only while
 * asked to, and leaves nothing running once stopped. Each part has its own test; this one is
 * about how the loop drives them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '@/lib/domain/job';
import type { ExternalQuery, QueryTimes } from '@/lib/domain/query-history';
import { createEventBus } from './events';
import { Tracker } from './tracker';
import { down, FakeClock, FakeStore, type StatusAnswers, type SubmitItem } from './tracker-fakes';

/** A warehouse whose queries run `runMs` on the fake clock, unless `aborted`. */
function fakeWarehouse(clock: FakeClock) {
  const queries = new Map<string, { submittedAt: number; endsAt: number; aborted: boolean }>();
  const calls = { submit: 0, status: 0, history: 0, external: 0, ping: 0 };
  const warehouse = {
    queries,
    calls,
    runMs: 1_000,
    unreachable: false,
    external: [] as ExternalQuery[],
    answer(): void {
      if (warehouse.unreachable) throw down();
    },
    status(queryId: string): string {
      const query = queries.get(queryId);
      if (!query) return 'NO_QUERY_DATA';
      if (query.aborted) return 'ABORTED';
      return clock.now() >= query.endsAt ? 'SUCCESS' : 'RUNNING';
    },
    async submitQueries(items: readonly SubmitItem[]): Promise<PromiseSettledResult<string>[]> {
      calls.submit++;
      warehouse.answer();
      return items.map((item) => {
        const queryId = `q-${item.requestId}`;
        queries.set(queryId, { submittedAt: clock.now(), endsAt: clock.now() + warehouse.runMs, aborted: false });
        return { status: 'fulfilled', value: queryId };
      });
    },
    async queryStatuses(queryIds: readonly string[]): Promise<StatusAnswers> {
      calls.status++;
      warehouse.answer();
      return queryIds.map((id) => ({ status: 'fulfilled', value: { status: warehouse.status(id), errorCode: null, errorMessage: null } }));
    },
    async queryTimes(queryIds: string[]): Promise<QueryTimes[]> {
      calls.history++;
      warehouse.answer();
      return queryIds.flatMap((queryId) => {
        const query = queries.get(queryId);
        if (!query || warehouse.status(queryId) === 'RUNNING') return [];
        const { submittedAt, endsAt } = query;
        return [{ queryId, status: 'SUCCESS', queuedAt: submittedAt, startedAt: submittedAt + 10, endedAt: endsAt, errorCode: null, errorMessage: null, rowCount: 1 }];
      });
    },
    async cancelQuery(queryId: string): Promise<string> {
      return queryId;
    },
    async externalQueries(): Promise<ExternalQuery[]> {
      calls.external++;
      warehouse.answer();
      return warehouse.external;
    },
    async ping(): Promise<void> {
      calls.ping++;
      warehouse.answer();
    },
    showJobServices: async () => [],
    jobServicesOfQueries: async () => [],
    serviceContainers: async () => [],
  };
  return warehouse;
}

let clock: FakeClock;
let store: FakeStore;
let warehouse: ReturnType<typeof fakeWarehouse>;
let events: ChangeEvent[];

beforeEach(() => {
  clock = new FakeClock();
  store = new FakeStore(clock);
  warehouse = fakeWarehouse(clock);
  events = [];
});

async function startTracker(extra: Partial<ConstructorParameters<typeof Tracker>[0]> = {}): Promise<Tracker> {
  const bus = createEventBus();
  bus.subscribe((event) => events.push(event));
  const tracker = new Tracker({ registry: store, warehouse, bus, clock, ...extra });
  await tracker.start();
  return tracker;
}

const health = () => events.flatMap((event) => (event.type === 'health' ? [event.ok] : []));

describe('the tracker loop', () => {
  it('picks up a WAITING sequence at start and runs it through to the warehouse’s times', async () => {
    const jobs = store.addBatch('sequence', [{ sql: 'SELECT 1' }, { sql: 'SELECT 2' }]);
    const tracker = await startTracker();

    await clock.advance(2_500);

    const [first, second] = jobs.map((job) => store.job(job.id));
    expect([first.rawStatus, second.rawStatus]).toEqual(['SUCCESS', 'SUCCESS']);
    // The second was submitted as soon as the loop saw the first end (polled every 50 ms in a sequence).
    expect(second.submittedAt).toBeGreaterThanOrEqual(first.endedAt as number);
    expect((second.submittedAt as number) - (first.endedAt as number)).toBeLessThanOrEqual(50);
    expect([...store.reconciled]).toEqual(jobs.map((job) => job.id));
    // Each job's end went out on the bus (and again when its times became the warehouse's).
    const succeeded = events.flatMap((event) => (event.type === 'job' && event.phase === 'succeeded' ? [event.jobId] : []));
    expect([...new Set(succeeded)]).toEqual(jobs.map((job) => job.id));
    expect(tracker.watchedCount).toBe(0);
    await tracker.stop();
  });

  it('backs its polls off during an outage, and follows its jobs again the moment the warehouse answers', async () => {
    warehouse.runMs = 120_000;
    const [job] = store.addBatch('parallel', [{}]);
    const tracker = await startTracker();
    await clock.advance(1_000);
    expect(store.job(job.id).rawStatus).toBe('RUNNING');

    warehouse.unreachable = true;
    const pollsBefore = warehouse.calls.status;
    await clock.advance(16_000);
    // Back-offs of 1, 2, 4, 8 s: five failed polls in 16 s instead of one every 150 ms; the next is ~15 s away.
    expect(warehouse.calls.status - pollsBefore).toBe(5);
    expect(health()).toEqual([true, false]);
    expect(store.job(job.id).rawStatus).toBe('RUNNING');
    expect(tracker.watchedCount).toBe(1);

    // The warehouse comes back, having aborted the query as it went down.
    warehouse.unreachable = false;
    warehouse.queries.get(store.job(job.id).queryId as string)!.aborted = true;
    await clock.advance(2_000);

    // The outage heartbeat (every 2 s) got an answer: the poll backing off ran at once.
    expect(health()).toEqual([true, false, true]);
    expect(store.job(job.id)).toMatchObject({ rawStatus: 'ABORTED', phase: 'cancelled' });
    expect(tracker.watchedCount).toBe(0);
    await tracker.stop();
  });

  it('submits a batch the warehouse could not take once it answers again, not at the end of its back-off', async () => {
    warehouse.unreachable = true;
    const jobs = store.addBatch('parallel', [{}, {}]);
    const tracker = await startTracker();
    await clock.advance(20_000);
    expect(jobs.map((job) => store.job(job.id).rawStatus)).toEqual(['WAITING', 'WAITING']);
    // Tries at 0, 1, 3, 7 and 15 s.
    expect(warehouse.calls.submit).toBe(5);

    warehouse.unreachable = false;
    await clock.advance(2_000);
    expect(jobs.map((job) => store.job(job.id).rawStatus)).toEqual(['RUNNING', 'RUNNING']);
    await tracker.stop();
  });

  it('with nothing to follow, sleeps but for a heartbeat whenever nothing reached the warehouse for 5 s', async () => {
    const tracker = await startTracker();
    await clock.advance(60_000);

    // At 0, 5, 10 … 60 s.
    expect(warehouse.calls.ping).toBe(13);
    expect(warehouse.calls).toMatchObject({ submit: 0, status: 0, history: 0, external: 0 });
    expect(clock.nextTimer()).toBe(clock.now() + 5_000);
    await tracker.stop();
  });

  it('imports other clients’ queries every round while asked to, and follows those still running', async () => {
    let pageOpen = false;
    warehouse.external = [
      {
        queryId: 'ext-1',
        sql: 'SELECT 42',
        status: 'RUNNING',
        queuedAt: clock.now(),
        startedAt: clock.now(),
        endedAt: null,
        errorCode: null,
        errorMessage: null,
        rowCount: null,
        ranBy: { user: 'ANALYST', role: null, warehouse: null, sessionId: '7' },
      },
    ];
    warehouse.queries.set('ext-1', { submittedAt: clock.now(), endsAt: clock.now() + 30_000, aborted: false });
    const tracker = await startTracker({ externalQueries: { everyMs: 10_000, onlyWhile: () => pageOpen } });

    await clock.advance(60_000);
    expect(warehouse.calls.external).toBe(0);

    pageOpen = true;
    await clock.advance(60_000);
    // The first within a round (the heartbeat's 5 s at most), then every 10 s.
    expect(warehouse.calls.external).toBeGreaterThanOrEqual(6);
    expect(warehouse.calls.external).toBeLessThanOrEqual(7);
    const [imported] = [...store.jobs.values()].filter((job) => job.origin === 'external');
    expect(imported).toMatchObject({ queryId: 'ext-1', rawStatus: 'SUCCESS' });

    pageOpen = false;
    const reads = warehouse.calls.external;
    await clock.advance(60_000);
    expect(warehouse.calls.external).toBe(reads);
    await tracker.stop();
  });

  it('once stopped, sets no timer and calls the warehouse no more', async () => {
    warehouse.runMs = 60_000;
    store.addBatch('parallel', [{}]);
    const tracker = await startTracker();
    await clock.advance(1_000);
    await tracker.stop();

    const calls = { ...warehouse.calls };
    expect(clock.nextTimer()).toBeNull();
    await clock.advance(60_000);
    expect(warehouse.calls).toEqual(calls);
  });
});
