import { describe, expect, it } from 'vitest';
import { concurrencyCurve, curveInView, curveValueAt, entryDurations, summarizeTimeline, timelineJobs, timelineOrder, type TimelineJob } from './timeline';

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
      // 100 ms before the first started, 1,100 ms for the one still waiting, 300 ms cancelled.
      totalQueuedMs: 1_500,
      peakQueued: 2,
    });
  });

  it('copes with two hundred thousand jobs (no argument spread that overflows the stack)', () => {
    const jobs: TimelineJob[] = Array.from({ length: 200_000 }, (_, i) => ({ submittedAt: i, startedAt: i + 1, endedAt: i + 3 }));
    expect(summarizeTimeline(jobs, 0)).toMatchObject({ firstSubmitAt: 0, lastEndAt: 200_002, startSpreadMs: 199_999, peakRunning: 2 });
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

describe('curveInView', () => {
  const points = [
    { at: 0, running: 1, queued: 0 },
    { at: 100, running: 3, queued: 2 },
    { at: 200, running: 2, queued: 0 },
    { at: 300, running: 0, queued: 0 },
  ];

  it('starts with the value carried into the view and keeps the steps inside it', () => {
    expect(curveInView(points, 150, 250, 100)).toEqual([
      { at: 150, running: 3, queued: 2 },
      { at: 200, running: 2, queued: 0 },
    ]);
    expect(curveInView(points, -50, 10, 100)).toEqual([
      { at: -50, running: 0, queued: 0 },
      { at: 0, running: 1, queued: 0 },
    ]);
  });

  it('keeps every peak when it has more steps than columns', () => {
    // A spike of 9 running for 1 ms among many small steps.
    const dense = Array.from({ length: 1_000 }, (_, i) => ({ at: i, running: i === 503 ? 9 : i % 2, queued: i === 10 ? 4 : 0 }));
    const view = curveInView(dense, 0, 1_000, 10);
    expect(view).toHaveLength(10);
    expect(view.map((point) => point.at)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
    expect(view[5].running).toBe(9);
    expect(view[0].queued).toBe(4);
    expect(view[1].queued).toBe(0);
  });
});

describe('timeline rows', () => {
  const entry = (batchId: string, position: number, submittedAt: number | null) => ({ batchId, position, submittedAt, startedAt: null, endedAt: null });

  it('orders rows by submit time, then batch and position, with jobs not yet submitted last', () => {
    const rows = timelineOrder([entry('b', 1, null), entry('b', 0, 500), entry('a', 2, 100), entry('a', 1, 100), entry('a', 0, null)]);
    expect(rows.map((row) => `${row.batchId}${row.position}`)).toEqual(['a1', 'a2', 'b0', 'a0', 'b1']);
  });

  it('shifts times to a batch’s own clock and leaves out jobs never submitted', () => {
    const jobs = timelineJobs(
      [
        { batchId: 'a', position: 0, submittedAt: 1_000, startedAt: 1_200, endedAt: null },
        { batchId: 'a', position: 1, submittedAt: null, startedAt: null, endedAt: null },
      ],
      1_000,
    );
    expect(jobs).toEqual([{ submittedAt: 0, startedAt: 200, endedAt: null }]);
  });

  it('reads the curve at any time, zero before it starts', () => {
    const points = [
      { at: 10, running: 1, queued: 2 },
      { at: 20, running: 0, queued: 0 },
    ];
    expect(curveValueAt(points, 5)).toEqual({ running: 0, queued: 0 });
    expect(curveValueAt(points, 10)).toEqual({ running: 1, queued: 2 });
    expect(curveValueAt(points, 19)).toEqual({ running: 1, queued: 2 });
  });
});

describe('entryDurations', () => {
  const at = (submittedAt: number | null, startedAt: number | null, endedAt: number | null) => ({ batchId: 'a', position: 0, submittedAt, startedAt, endedAt });

  it('splits a job into its wait and its run, counting to now while unfinished', () => {
    expect(entryDurations(at(100, 250, 1_250), 5_000)).toEqual({ queuedMs: 150, runningMs: 1_000 });
    expect(entryDurations(at(100, 250, null), 400)).toEqual({ queuedMs: 150, runningMs: 150 });
    expect(entryDurations(at(100, null, null), 400)).toEqual({ queuedMs: 300, runningMs: null });
    expect(entryDurations(at(100, null, 200), 400)).toEqual({ queuedMs: 100, runningMs: null });
    expect(entryDurations(at(null, null, null), 400)).toEqual({ queuedMs: null, runningMs: null });
  });
});
