import { describe, expect, it } from 'vitest';
import { ACTIVE_POLL_MS, IDLE_LIST_POLL_MS, detailRefetchInterval, listRefetchInterval } from './refetch-interval';

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
