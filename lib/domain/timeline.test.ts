import { describe, expect, it } from 'vitest';
import { concurrencyCurve, summarizeTimeline, type TimelineJob } from './timeline';

/** Snowflake's async example: three loads of 2 s and three updates of 1 s. */
const PIPELINE_MS = [2000, 2000, 2000, 1000, 1000, 1000];

describe('summarizeTimeline', () => {
  it('shows the six-step pipeline in parallel saving about 4.5 times over running it in sequence', () => {
    // Submitted together; the warehouse starts them 1 ms apart.
    const parallel: TimelineJob[] = PIPELINE_MS.map((ms, i) => ({ submittedAt: 0, startedAt: i, endedAt: i + ms }));
    const summary = summarizeTimeline(parallel, 60_000);
    expect(summary).toMatchObject({ startSpreadMs: 5, makespanMs: 2002, totalWorkMs: 9000, peakRunning: 6 });
    expect(summary?.speedUp).toBeCloseTo(4.5, 1);

    // In sequence each statement is submitted when the one before it ends.
    let clock = 0;
    const sequence: TimelineJob[] = PIPELINE_MS.map((ms) => {
      const job = { submittedAt: clock, startedAt: clock, endedAt: clock + ms };
      clock += ms;
      return job;
    });
    expect(summarizeTimeline(sequence, 60_000)).toMatchObject({
      startSpreadMs: 8000,
      makespanMs: 9000,
      totalWorkMs: 9000,
      speedUp: 1,
      peakRunning: 1,
    });
  });

  it('runs unfinished jobs up to now, and counts no work for a job that never started', () => {
    const jobs: TimelineJob[] = [
      { submittedAt: 0, startedAt: 100, endedAt: null },
      { submittedAt: 0, startedAt: null, endedAt: null },
      { submittedAt: 200, startedAt: null, endedAt: 500 },
    ];
    expect(summarizeTimeline(jobs, 1_100)).toEqual({
      firstSubmitAt: 0,
      lastEndAt: 1_100,
      startSpreadMs: 0,
      makespanMs: 1_100,
      totalWorkMs: 1_000,
      speedUp: 1_000 / 1_100,
      peakRunning: 1,
    });
  });

  it('has nothing to say of no jobs, and no speed-up over no time', () => {
    expect(summarizeTimeline([], 0)).toBeNull();
    expect(summarizeTimeline([{ submittedAt: 5, startedAt: 5, endedAt: 5 }], 10)?.speedUp).toBeNull();
  });
});

describe('concurrencyCurve', () => {
  it('steps up and down with queued and running jobs', () => {
    const jobs: TimelineJob[] = [
      { submittedAt: 0, startedAt: 0, endedAt: 300 },
      { submittedAt: 0, startedAt: 100, endedAt: 200 },
    ];
    expect(concurrencyCurve(jobs, 1_000)).toEqual([
      { at: 0, running: 1, queued: 1 },
      { at: 100, running: 2, queued: 0 },
      { at: 200, running: 1, queued: 0 },
      { at: 300, running: 0, queued: 0 },
    ]);
  });

  it('does not count a job that starts as another ends as running alongside it', () => {
    const jobs: TimelineJob[] = [
      { submittedAt: 0, startedAt: 0, endedAt: 1_000 },
      { submittedAt: 1_000, startedAt: 1_000, endedAt: 2_000 },
    ];
    expect(concurrencyCurve(jobs, 5_000)).toEqual([
      { at: 0, running: 1, queued: 0 },
      { at: 2_000, running: 0, queued: 0 },
    ]);
    expect(summarizeTimeline(jobs, 5_000)?.peakRunning).toBe(1);
  });

  it('keeps unfinished jobs running, and waiting ones queued, until now', () => {
    const jobs: TimelineJob[] = [
      { submittedAt: 0, startedAt: 50, endedAt: null },
      { submittedAt: 10, startedAt: null, endedAt: null },
    ];
    expect(concurrencyCurve(jobs, 400)).toEqual([
      { at: 0, running: 0, queued: 1 },
      { at: 10, running: 0, queued: 2 },
      { at: 50, running: 1, queued: 1 },
      { at: 400, running: 0, queued: 0 },
    ]);
  });

  it('counts a job cancelled while queued as queued until it ended, never running', () => {
    expect(concurrencyCurve([{ submittedAt: 0, startedAt: null, endedAt: 500 }], 900)).toEqual([
      { at: 0, running: 0, queued: 1 },
      { at: 500, running: 0, queued: 0 },
    ]);
  });
});
