/**
 * The job service poller on a fake clock, against an in-memory store and a fake warehouse:
 * how a job gets its name, one SHOW JOB SERVICES per round for every job, a job that goes
 * missing (DELETED after the grace), a failed job's message, a statement that failed before its
 * job existed, and the back-off while the warehouse does not answer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Job, ServiceContainer } from '@/lib/domain/job';
import type { JobHistoryRow, JobServiceRow } from '@/lib/domain/service-rows';
import { RefusedReads } from './refused-reads';
import { ServicePoller } from './service-poller';
import { down, FakeClock, FakeStore, recordingHealth, refusal, type StatusAnswers } from './tracker-fakes';

const POOL = 'POOL';

/** A warehouse with job services: SHOW JOB SERVICES rows, the job history, containers and statements. */
function fakeServices(clock: FakeClock) {
  const warehouse = {
    rows: new Map<string, string>(),
    /** Job history: the job each statement started. */
    history: new Map<string, string>(),
    historyFails: null as Error | null,
    containers: new Map<string, ServiceContainer[]>(),
    statements: new Map<string, string>(),
    unreachable: false,
    reads: { show: 0, history: 0, containers: 0, statements: 0 },
    async showJobServices(): Promise<JobServiceRow[]> {
      warehouse.reads.show++;
      if (warehouse.unreachable) throw down();
      return [...warehouse.rows].map(([qualifiedName, status]) => ({
        qualifiedName,
        name: qualifiedName.split('.').at(-1) as string,
        status,
        computePool: POOL,
        createdAt: clock.now(),
        updatedAt: clock.now(),
      }));
    },
    async jobServicesOfQueries(queryIds: readonly string[]): Promise<JobHistoryRow[]> {
      warehouse.reads.history++;
      if (warehouse.unreachable) throw down();
      if (warehouse.historyFails) throw warehouse.historyFails;
      return queryIds.flatMap((queryId) => {
        const qualifiedName = warehouse.history.get(queryId);
        return qualifiedName ? [{ queryId, qualifiedName, status: null, message: null, createdAt: clock.now(), completedAt: null }] : [];
      });
    },
    async serviceContainers(name: string): Promise<ServiceContainer[]> {
      warehouse.reads.containers++;
      return warehouse.containers.get(name) ?? [];
    },
    async queryStatuses(queryIds: readonly string[]): Promise<StatusAnswers> {
      warehouse.reads.statements++;
      if (warehouse.unreachable) throw down();
      return queryIds.map((id) => {
        const status = warehouse.statements.get(id) ?? 'RUNNING';
        const errorMessage = status === 'FAILED_WITH_ERROR' ? "Compute pool 'NOPE' does not exist." : null;
        return { status: 'fulfilled', value: { status, errorCode: errorMessage ? '002003' : null, errorMessage } };
      });
    },
  };
  return warehouse;
}

let clock: FakeClock;
let store: FakeStore;
let warehouse: ReturnType<typeof fakeServices>;
let health: ReturnType<typeof recordingHealth>;
let poller: ServicePoller;

beforeEach(() => {
  clock = new FakeClock();
  store = new FakeStore(clock);
  warehouse = fakeServices(clock);
  health = recordingHealth();
  poller = new ServicePoller({ store, warehouse, clock, health, publish: () => undefined, refusals: new RefusedReads(), parallelism: 100 });
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** A job service whose statement the warehouse accepted, as the store holds it, watched. */
async function watchedService(serviceName: string | null = null): Promise<Job> {
  const [job] = store.addBatch('parallel', [{ kind: 'job_service', serviceName }]);
  const { recorded } = await store.recordSubmissions([{ jobId: job.id, queryId: `q-${job.id}`, at: clock.now() }]);
  poller.track(recorded, clock.now());
  return recorded[0];
}

async function pollWhenDue() {
  clock.time = poller.dueAt();
  return poller.run(clock.now());
}

describe('ServicePoller', () => {
  it('names each job from the job history, then reads every job’s status with one SHOW JOB SERVICES a round', async () => {
    const jobs = [await watchedService(), await watchedService()];
    jobs.forEach((job, i) => warehouse.history.set(`q-${job.id}`, `DB.SCH.JOB_${i}`));
    warehouse.rows.set('DB.SCH.JOB_0', 'RUNNING').set('DB.SCH.JOB_1', 'PENDING');

    await pollWhenDue();

    expect(jobs.map((job) => store.job(job.id).service)).toMatchObject([
      { name: 'DB.SCH.JOB_0', resolved: true },
      { name: 'DB.SCH.JOB_1', resolved: true },
    ]);
    expect(jobs.map((job) => store.job(job.id).rawStatus)).toEqual(['RUNNING', 'PENDING']);
    expect(warehouse.reads).toMatchObject({ show: 1, history: 1 });
    // SHOW JOB SERVICES is a statement: at most once a second, whatever the poll schedule says.
    expect(poller.dueAt()).toBe(clock.now() + 1_000);

    await pollWhenDue();
    // Named jobs need no more history reads.
    expect(warehouse.reads).toMatchObject({ show: 2, history: 1 });
  });

  it('names a job by the NAME its statement gave when the warehouse has no job history', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    warehouse.historyFails = refusal('Unknown function SNOWFLAKE.SPCS.GET_JOB_HISTORY');
    const job = await watchedService('MY_JOB');
    warehouse.rows.set('DB.SCH.MY_JOB', 'RUNNING');

    await pollWhenDue();
    expect(store.job(job.id)).toMatchObject({ rawStatus: 'RUNNING', service: { name: 'DB.SCH.MY_JOB', resolved: true } });

    // A refusal that comes every time is logged once.
    const other = await watchedService('OTHER_JOB');
    await pollWhenDue();
    await pollWhenDue();
    expect(store.job(other.id).rawStatus).toBe('PENDING');
    expect(error.mock.calls.filter(([text]) => String(text).includes('job history'))).toHaveLength(1);
  });

  it('records a job missing from SHOW JOB SERVICES as DELETED once it stays missing for 30 s', async () => {
    const job = await watchedService();
    warehouse.history.set(`q-${job.id}`, 'DB.SCH.GONE');
    warehouse.rows.set('DB.SCH.GONE', 'RUNNING');
    await pollWhenDue();
    expect(store.job(job.id).rawStatus).toBe('RUNNING');

    warehouse.rows.delete('DB.SCH.GONE');
    await pollWhenDue();
    const missingSince = clock.now();
    while (poller.dueAt() < missingSince + 30_000) {
      expect(await pollWhenDue()).toEqual([]);
      expect(store.job(job.id).rawStatus).toBe('RUNNING');
    }
    const ended = await pollWhenDue();

    expect(ended.map(({ job: j }) => j.id)).toEqual([job.id]);
    expect(store.job(job.id)).toMatchObject({
      rawStatus: 'DELETED',
      phase: 'cancelled',
      errorMessage: 'The job service DB.SCH.GONE no longer exists: it was dropped before it ended.',
    });
    expect(poller.size).toBe(0);
  });

  it('gives a job that is seen again the full grace the next time it goes missing', async () => {
    const job = await watchedService();
    warehouse.history.set(`q-${job.id}`, 'DB.SCH.FLAKY');
    await pollWhenDue();
    const start = clock.now();
    while (clock.now() < start + 20_000) await pollWhenDue();
    warehouse.rows.set('DB.SCH.FLAKY', 'RUNNING');
    await pollWhenDue();
    warehouse.rows.delete('DB.SCH.FLAKY');
    while (clock.now() < start + 45_000) await pollWhenDue();
    expect(store.job(job.id).rawStatus).toBe('RUNNING');
  });

  it('records why a job failed from its containers, and hands them on with the ended job', async () => {
    const job = await watchedService();
    warehouse.history.set(`q-${job.id}`, 'DB.SCH.BROKEN');
    const containers: ServiceContainer[] = [
      { instanceId: '0', containerName: 'main', status: 'FAILED', instanceStatus: 'FAILED', message: 'out of memory', image: 'img', restartCount: 0, lastExitCode: 137, startedAt: clock.now() },
    ];
    warehouse.containers.set('DB.SCH.BROKEN', containers);
    warehouse.rows.set('DB.SCH.BROKEN', 'FAILED');

    const ended = await pollWhenDue();

    expect(store.job(job.id)).toMatchObject({ rawStatus: 'FAILED', phase: 'failed', errorMessage: 'Container main (instance 0) exited with code 137: out of memory' });
    expect(ended).toEqual([{ job: expect.objectContaining({ id: job.id }), containers }]);
    expect(warehouse.reads.containers).toBe(1);
  });

  it('fails a job whose statement failed before the job existed, and cancels one whose statement was aborted', async () => {
    const failed = await watchedService();
    const aborted = await watchedService();
    warehouse.statements.set(`q-${failed.id}`, 'FAILED_WITH_ERROR').set(`q-${aborted.id}`, 'ABORTED');

    const ended = await pollWhenDue();

    expect(store.job(failed.id)).toMatchObject({ rawStatus: 'SUBMIT_FAILED', phase: 'failed', errorCode: '002003', errorMessage: "Compute pool 'NOPE' does not exist." });
    expect(store.job(aborted.id)).toMatchObject({ rawStatus: 'CANCELLED', phase: 'cancelled', errorMessage: 'The EXECUTE JOB SERVICE statement ended as ABORTED.' });
    expect(ended).toHaveLength(2);
  });

  it('backs off while the warehouse does not answer, and is due at once when the outage ends', async () => {
    const job = await watchedService();
    const start = clock.now();
    warehouse.unreachable = true;
    const times: number[] = [];
    for (let i = 0; i < 4; i++) {
      clock.time = poller.dueAt();
      times.push(clock.now() - start);
      await poller.run(clock.now());
    }
    expect(times).toEqual([0, 1_000, 3_000, 7_000]);
    expect(poller.dueAt()).toBe(start + 15_000);
    expect(health.notes.every((note) => note?.name === 'WarehouseUnavailableError')).toBe(true);
    expect(store.job(job.id).rawStatus).toBe('PENDING');

    clock.time = start + 8_000;
    poller.resume(clock.now());
    expect(poller.dueAt()).toBe(start + 8_000);
    warehouse.unreachable = false;
    await pollWhenDue();
    expect(health.notes.at(-1)).toBeNull();
    expect(poller.dueAt()).toBe(start + 9_000);
  });
});
