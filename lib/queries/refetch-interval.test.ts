import { describe, expect, it } from 'vitest';
import { ACTIVE_POLL_MS, IDLE_LIST_POLL_MS, TASK_ACTIVE_POLL_MS, TASK_IDLE_POLL_MS, detailRefetchInterval, listRefetchInterval, taskRunsRefetchInterval } from './refetch-interval';

describe('listRefetchInterval', () => {
  it('polls fast while any job is queued or running', () => {
    expect(listRefetchInterval([{ phase: 'succeeded' }, { phase: 'queued' }])).toBe(ACTIVE_POLL_MS);
    expect(listRefetchInterval([{ phase: 'running' }])).toBe(ACTIVE_POLL_MS);
  });

  it('polls slowly once every job has finished, and before the first answer', () => {
    expect(listRefetchInterval([{ phase: 'succeeded' }, { phase: 'failed' }, { phase: 'skipped' }])).toBe(
      IDLE_LIST_POLL_MS,
    );
    expect(listRefetchInterval([])).toBe(IDLE_LIST_POLL_MS);
    expect(listRefetchInterval(undefined)).toBe(IDLE_LIST_POLL_MS);
    expect(IDLE_LIST_POLL_MS).toBeGreaterThan(ACTIVE_POLL_MS);
  });
});

describe('detailRefetchInterval', () => {
  it('polls an active job and stops for a finished one', () => {
    expect(detailRefetchInterval({ phase: 'running' })).toBe(ACTIVE_POLL_MS);
    expect(detailRefetchInterval({ phase: 'cancelled' })).toBe(false);
  });

  it('does not poll a job it has not loaded (a 404 stays a 404)', () => {
    expect(detailRefetchInterval(undefined)).toBe(false);
  });
});

describe('taskRunsRefetchInterval', () => {
  const idle = { runs: [{ state: 'SUCCEEDED', scheduledAt: 0 }], current: [], now: 10_000 };
  it('polls fast while a graph run executes', () => {
    expect(taskRunsRefetchInterval({ ...idle, current: [{ state: 'EXECUTING' }] }, 10_000)).toBe(TASK_ACTIVE_POLL_MS);
    expect(taskRunsRefetchInterval({ ...idle, runs: [{ state: 'EXECUTING', scheduledAt: 0 }] }, 10_000)).toBe(TASK_ACTIVE_POLL_MS);
  });
  it('polls slowly when idle, and again just after the next scheduled run is due on the server clock', () => {
    expect(taskRunsRefetchInterval(idle, 10_000)).toBe(TASK_IDLE_POLL_MS);
    const scheduled = { ...idle, runs: [{ state: 'SCHEDULED', scheduledAt: 15_000 }] };
    // The client clock is 2 s ahead of the server's: the run is due in 5 s either way.
    expect(taskRunsRefetchInterval(scheduled, 12_000)).toBe(6_000);
    expect(taskRunsRefetchInterval(undefined, 0)).toBe(TASK_IDLE_POLL_MS);
    expect(taskRunsRefetchInterval({ ...idle, runs: [{ state: 'SCHEDULED', scheduledAt: 10_000 + 3_600_000 }] }, 10_000)).toBe(TASK_IDLE_POLL_MS);
  });
});
