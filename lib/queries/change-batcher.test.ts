import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChangeEvent } from '@/lib/domain/job';
import { createChangeBatcher, parseChangeEvent, type ChangeSummary } from './change-batcher';

const jobEvent = (jobId: string): ChangeEvent => ({
  type: 'job',
  jobId,
  batchId: 'b',
  phase: 'succeeded',
  rawStatus: 'SUCCESS',
  at: 1,
});

describe('createChangeBatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('flushes a burst of 100 events once, with every job named once', () => {
    const flushes: ChangeSummary[] = [];
    const batcher = createChangeBatcher((summary) => flushes.push(summary), 100);
    for (let i = 0; i < 100; i++) batcher.push(jobEvent(`job-${i % 40}`));
    expect(flushes).toHaveLength(0);
    vi.advanceTimersByTime(100);
    expect(flushes).toHaveLength(1);
    expect(flushes[0].jobIds.size).toBe(40);
    expect(flushes[0].health).toBe(false);
  });

  it('keeps flushing every window under a steady stream instead of waiting for quiet', () => {
    const flushes: ChangeSummary[] = [];
    const batcher = createChangeBatcher((summary) => flushes.push(summary), 100);
    for (let t = 0; t < 1_000; t += 20) {
      batcher.push(jobEvent(`job-${t}`));
      vi.advanceTimersByTime(20);
    }
    expect(flushes.length).toBeGreaterThanOrEqual(9);
  });

  it('notes health changes and drops pending work on dispose', () => {
    const flushes: ChangeSummary[] = [];
    const batcher = createChangeBatcher((summary) => flushes.push(summary), 50);
    batcher.push({ type: 'health', ok: false, at: 1 });
    vi.advanceTimersByTime(50);
    expect(flushes[0]).toEqual({ jobIds: new Set(), health: true });
    batcher.push(jobEvent('late'));
    batcher.dispose();
    vi.advanceTimersByTime(50);
    expect(flushes).toHaveLength(1);
  });
});

describe('parseChangeEvent', () => {
  it('accepts job and health events', () => {
    expect(parseChangeEvent(JSON.stringify(jobEvent('j1')))).toEqual(jobEvent('j1'));
    expect(parseChangeEvent('{"type":"health","ok":true,"at":5}')).toEqual({ type: 'health', ok: true, at: 5 });
  });

  it('ignores malformed or unknown messages', () => {
    expect(parseChangeEvent('not json')).toBeNull();
    expect(parseChangeEvent('null')).toBeNull();
    expect(parseChangeEvent('{"type":"job"}')).toBeNull();
    expect(parseChangeEvent('{"type":"other","jobId":"x"}')).toBeNull();
  });
});
