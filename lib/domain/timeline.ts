/**
 * The arithmetic behind the Timeline: how spread out the starts were, how long the
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
  /** Sum of queued times: how long the jobs waited, for a slot or for a pool. */
  totalQueuedMs: number;
  peakQueued: number;
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

/** `curve` is the jobs' concurrency curve, when the caller has it already (it is the costly part). */
export function summarizeTimeline(
  jobs: readonly TimelineJob[],
  now: number,
  curve: readonly ConcurrencyPoint[] = concurrencyCurve(jobs, now),
): TimelineSummary | null {
  if (jobs.length === 0) return null;
  // Loops, not Math.min(...spread): a spread of 10,000 arguments can overflow the stack.
  let firstSubmitAt = Infinity;
  let lastEndAt = -Infinity;
  let firstStart = Infinity;
  let lastStart = -Infinity;
  let started = 0;
  let totalWorkMs = 0;
  let totalQueuedMs = 0;
  for (const job of jobs) {
    firstSubmitAt = Math.min(firstSubmitAt, job.submittedAt);
    lastEndAt = Math.max(lastEndAt, job.endedAt ?? now);
    totalQueuedMs += Math.max(0, queueEnd(job, now) - job.submittedAt);
    if (job.startedAt === null) continue;
    started += 1;
    firstStart = Math.min(firstStart, job.startedAt);
    lastStart = Math.max(lastStart, job.startedAt);
    totalWorkMs += Math.max(0, runEnd(job, now) - job.startedAt);
  }
  const makespanMs = lastEndAt - firstSubmitAt;

  let peakRunning = 0;
  let peakQueued = 0;
  for (const point of curve) {
    peakRunning = Math.max(peakRunning, point.running);
    peakQueued = Math.max(peakQueued, point.queued);
  }
  return {
    firstSubmitAt,
    lastEndAt,
    startSpreadMs: started > 1 ? lastStart - firstStart : 0,
    makespanMs,
    totalWorkMs,
    speedUp: makespanMs > 0 ? totalWorkMs / makespanMs : null,
    peakRunning,
    totalQueuedMs,
    peakQueued,
  };
}

/** The curve's value at `time`: the last point at or before it (none before the first point). */
function indexAt(points: readonly ConcurrencyPoint[], time: number): number {
  let low = 0;
  let high = points.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (points[mid].at <= time) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/**
 * The part of the curve between `start` and `end`, starting with its value at `start`. When it
 * has more steps than `columns` (one per pixel, say) can show, each column keeps the highest
 * running and queued counts within it, so no peak is lost to the drawing.
 */
export function curveInView(points: readonly ConcurrencyPoint[], start: number, end: number, columns: number): ConcurrencyPoint[] {
  const first = indexAt(points, start);
  const carried = first >= 0 ? points[first] : { at: start, running: 0, queued: 0 };
  let last = first + 1;
  while (last < points.length && points[last].at <= end) last += 1;
  const inside = points.slice(first + 1, last);
  const view = [{ at: start, running: carried.running, queued: carried.queued }, ...inside];
  if (inside.length <= columns * 2) return view;

  const width = (end - start) / columns;
  const bucketed: ConcurrencyPoint[] = [];
  let i = 0;
  let current = view[0];
  for (let column = 0; column < columns; column += 1) {
    const columnStart = start + column * width;
    const columnEnd = columnStart + width;
    let running = current.running;
    let queued = current.queued;
    while (i < view.length && view[i].at < columnEnd) {
      current = view[i];
      running = Math.max(running, current.running);
      queued = Math.max(queued, current.queued);
      i += 1;
    }
    bucketed.push({ at: columnStart, running, queued });
  }
  return bucketed;
}

/** What a Timeline row needs of a job (TimelineEntry has it). */
export interface TimelineRowJob {
  batchId: string;
  position: number;
  submittedAt: number | null;
  startedAt: number | null;
  endedAt: number | null;
}

/**
 * Rows in the order things happened: by submit time, then batch and statement order. Jobs not
 * yet submitted (waiting in a sequence) come last, in statement order.
 */
export function timelineOrder<T extends TimelineRowJob>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) =>
      (a.submittedAt ?? Infinity) - (b.submittedAt ?? Infinity) ||
      (a.batchId < b.batchId ? -1 : a.batchId > b.batchId ? 1 : 0) ||
      a.position - b.position,
  );
}

/**
 * The submitted jobs as the timeline math reads them, on a clock shifted by `origin` (0 keeps
 * epoch ms; a batch's first submit gives time since it began). Jobs not yet submitted have no
 * place on a time axis.
 */
export function timelineJobs(entries: readonly TimelineRowJob[], origin = 0): TimelineJob[] {
  const shift = (time: number | null) => (time === null ? null : time - origin);
  return entries.flatMap((entry) =>
    entry.submittedAt === null ? [] : [{ submittedAt: entry.submittedAt - origin, startedAt: shift(entry.startedAt), endedAt: shift(entry.endedAt) }],
  );
}

/** The running and queued counts at `time`. */
export function curveValueAt(points: readonly ConcurrencyPoint[], time: number): { running: number; queued: number } {
  const index = indexAt(points, time);
  return index >= 0 ? { running: points[index].running, queued: points[index].queued } : { running: 0, queued: 0 };
}

/** How long a job waited and ran so far (null for a part it has not reached). */
export function entryDurations(entry: TimelineRowJob, now: number): { queuedMs: number | null; runningMs: number | null } {
  if (entry.submittedAt === null) return { queuedMs: null, runningMs: null };
  const job = { submittedAt: entry.submittedAt, startedAt: entry.startedAt, endedAt: entry.endedAt };
  return {
    queuedMs: Math.max(0, queueEnd(job, now) - job.submittedAt),
    runningMs: job.startedAt === null ? null : Math.max(0, runEnd(job, now) - job.startedAt),
  };
}
