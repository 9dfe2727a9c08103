import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isTerminal } from '@/lib/domain/status';
import { launchBatch } from '@/lib/jobs/launch';
import { jobsWhen, startDashboardParts, type DashboardParts } from '@/test/dashboard-parts';

let parts: DashboardParts;

beforeAll(async () => {
  parts = await startDashboardParts();
});

afterAll(async () => {
  await parts?.close();
});

const lastHealth = () => parts.events.flatMap((event) => (event.type === 'health' ? [event.ok] : [])).at(-1);

describe('Tracker when the warehouse stops answering', () => {
  it('with nothing to follow, reports the outage and its end by itself', async () => {
    await vi.waitFor(() => expect(lastHealth()).toBe(true), { timeout: 10_000 });
    expect(parts.tracker.watchedCount).toBe(0);

    const restartWarehouse = await parts.stopWarehouse();
    await vi.waitFor(() => expect(lastHealth()).toBe(false), { timeout: 10_000 });
    await restartWarehouse();
    // The restarted warehouse has forgotten every session the pool holds: the heartbeat must not stick to them.
    await vi.waitFor(() => expect(lastHealth()).toBe(true), { timeout: 10_000 });
  });

  it('keeps the jobs, reports the outage, and recovers by itself when the warehouse is back', async () => {
    const { batchId } = await launchBatch({ sql: 'SELECT SYSTEM$WAIT(30)', mode: 'parallel', label: null }, parts);
    await jobsWhen(() => parts.registry.batchJobs(batchId), (job) => job.phase === 'running', 10_000);

    const restartWarehouse = await parts.stopWarehouse();
    await vi.waitFor(() => expect(lastHealth()).toBe(false), { timeout: 10_000 });
    const [kept] = await parts.registry.batchJobs(batchId);
    expect(isTerminal(kept.phase)).toBe(false);
    expect(parts.tracker.watchedCount).toBe(1);

    await restartWarehouse();
    await vi.waitFor(() => expect(lastHealth()).toBe(true), { timeout: 15_000 });
    // The warehouse stopped with the query running; whatever it now says of it is recorded.
    const [after] = await jobsWhen(() => parts.registry.batchJobs(batchId), (job) => isTerminal(job.phase));
    expect(after.queryId).toBe(kept.queryId);
    // The tracker lets go of a job once its end is recorded: just after, not before.
    await vi.waitFor(() => expect(parts.tracker.watchedCount).toBe(0), { timeout: 5_000 });
  });

  it('after a long outage, follows its jobs again as soon as the warehouse answers, not when their back-off ends', async () => {
    const { batchId } = await launchBatch({ sql: 'SELECT SYSTEM$WAIT(120)', mode: 'parallel', label: null }, parts);
    await jobsWhen(() => parts.registry.batchJobs(batchId), (job) => job.phase === 'running', 10_000);

    const restartWarehouse = await parts.stopWarehouse();
    // Polls fail at about 0, 1, 3, 7 and 15 s of outage (back-offs of 1, 2, 4, 8, 16 s): at 16 s the next is ~15 s away.
    await new Promise((resolve) => setTimeout(resolve, 16_000));
    await restartWarehouse();
    // Stopped in-process, the warehouse cancelled the query as it closed: recorded within the heartbeat's seconds.
    const [ended] = await jobsWhen(() => parts.registry.batchJobs(batchId), (job) => isTerminal(job.phase), 8_000);
    expect(ended).toMatchObject({ rawStatus: 'ABORTED', errorCode: '000604' });
  }, 60_000);
});
