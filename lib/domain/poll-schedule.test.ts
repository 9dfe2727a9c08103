import { describe, expect, it } from 'vitest';
import { backoffDelay, MAX_POLL_DELAY_MS, pollDelay } from './poll-schedule';

describe('pollDelay', () => {
  it('polls a young query often enough to report its end within 300 ms', () => {
    for (const age of [0, 500, 2_000, 9_999]) {
      expect(pollDelay(age)).toBeGreaterThanOrEqual(100);
      expect(pollDelay(age)).toBeLessThanOrEqual(250);
    }
  });

  it('polls less as a query ages, never more often than before', () => {
    let previous = 0;
    for (let age = 0; age <= 3_600_000; age += 1_000) {
      const delay = pollDelay(age);
      expect(delay).toBeGreaterThanOrEqual(previous);
      previous = delay;
    }
    expect(pollDelay(30_000)).toBeGreaterThan(pollDelay(5_000));
  });

  it('settles at a few seconds for long-running queries', () => {
    expect(pollDelay(600_000)).toBe(MAX_POLL_DELAY_MS);
    expect(pollDelay(86_400_000)).toBe(MAX_POLL_DELAY_MS);
    expect(MAX_POLL_DELAY_MS).toBeGreaterThanOrEqual(2_000);
    expect(MAX_POLL_DELAY_MS).toBeLessThanOrEqual(10_000);
  });

  it('reads a statement a sequence waits on three times as often, at every age', () => {
    for (const age of [0, 5_000, 30_000, 120_000, 3_600_000]) {
      expect(pollDelay(age, true)).toBe(Math.round(pollDelay(age) / 3));
    }
    expect(pollDelay(0, true)).toBe(50);
  });

  it('treats a clock that went backwards as a brand-new query', () => {
    expect(pollDelay(-5_000)).toBe(pollDelay(0));
  });
});

describe('backoffDelay', () => {
  it('doubles from one second and stops at thirty', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(backoffDelay)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });
});
