/**
 * The arithmetic behind the Timeline (issue 4): how spread out the starts were, how long the
 * whole took, how much work was done, and how many jobs ran at once. Pure: times are epoch
 * milliseconds, and `now` stands in for the end of anything still queued or running.
 */

export interface TimelineJob {
  /** When the job was submitted (its queued time starts here). */
  submittedAt: number;
  /** When it started running; null if it never did (still queued, or cancelled while queued). */
  startedAt: number | null;
  /** When it ended; null while it is still queued or running. */
  endedAt: number | null;
}

export interface ConcurrencyPoint {
  /** From this moment until the next point, `running` jobs ran and `queued` waited. */
  at: number;
  running: number;
  queued: number;
}

export interface TimelineSummary {
  firstSubmitAt: number;
  /** The last end, or `now` while anything is unfinished. */
  lastEndAt: number;
  /** Last start minus first start (0 with fewer than two started jobs). */
  startSpreadMs: number;
  /** First submit to last end. */
  makespanMs: number;
  /** Sum of running times: what the jobs would have taken one after another. */
  totalWorkMs: number;
  /**
   * Total work over makespan; null when the makespan is 0. It is also the mean number of jobs
   * running over the makespan (the area under the running curve is the total work), so the view
   * shows one number for both.
   */
  speedUp: number | null;
  peakRunning: number;
}

/** When the job stopped waiting: its start, or its end if it never started, or `now`. */
function queueEnd(job: TimelineJob, now: number): number {
  return job.startedAt ?? job.endedAt ?? now;
}

function runEnd(job: TimelineJob, now: number): number {
  return job.endedAt ?? now;
}

/**
 * Running and queued counts as a step function, one point per moment something changed. Every
 * change at one moment is applied before the point is taken, so a job that starts exactly when
 * another ends is never counted as running alongside it.
 */
export function concurrencyCurve(jobs: readonly TimelineJob[], now: number): ConcurrencyPoint[] {
  // [time, Δrunning, Δqueued]
  const changes: [number, number, number][] = [];
  for (const job of jobs) {
    const waitedUntil = queueEnd(job, now);
    if (waitedUntil > job.submittedAt) changes.push([job.submittedAt, 0, 1], [waitedUntil, 0, -1]);
    if (job.startedAt !== null) {
      const end = runEnd(job, now);
      if (end > job.startedAt) changes.push([job.startedAt, 1, 0], [end, -1, 0]);
    }
  }
  changes.sort((a, b) => a[0] - b[0]);

  const points: ConcurrencyPoint[] = [];
  let running = 0;
  let queued = 0;
  for (let i = 0; i < changes.length; i += 1) {
    const [at, dRunning, dQueued] = changes[i];
    running += dRunning;
    queued += dQueued;
    if (changes[i + 1]?.[0] === at) continue;
    const last = points.at(-1);
    if (last && last.running === running && last.queued === queued) continue;
    points.push({ at, running, queued });
  }
  return points;
}

export function summarizeTimeline(jobs: readonly TimelineJob[], now: number): TimelineSummary | null {
  if (jobs.length === 0) return null;
  const firstSubmitAt = Math.min(...jobs.map((job) => job.submittedAt));
  const lastEndAt = Math.max(...jobs.map((job) => (job.endedAt ?? now)));
  const starts = jobs.flatMap((job) => (job.startedAt === null ? [] : [job.startedAt]));
  const startSpreadMs = starts.length > 1 ? Math.max(...starts) - Math.min(...starts) : 0;
  const makespanMs = lastEndAt - firstSubmitAt;
  const totalWorkMs = jobs.reduce((sum, job) => sum + (job.startedAt === null ? 0 : runEnd(job, now) - job.startedAt), 0);

  const curve = concurrencyCurve(jobs, now);
  const peakRunning = Math.max(0, ...curve.map((point) => point.running));
  return {
    firstSubmitAt,
    lastEndAt,
    startSpreadMs,
    makespanMs,
    totalWorkMs,
    speedUp: makespanMs > 0 ? totalWorkMs / makespanMs : null,
    peakRunning,
  };
}
