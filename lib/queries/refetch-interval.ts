/**
 * Polling is the fallback path: /api/events invalidates the cache the moment something changes.
 * While work is active the fallback polls fast enough to stay useful if the stream drops;
 * once everything has finished there is little left to change, so it polls slowly or not at all.
 */
import type { Phase } from '@/lib/domain/status';
import { isTerminal } from '@/lib/domain/status';

export const ACTIVE_POLL_MS = 2_000;
export const IDLE_LIST_POLL_MS = 30_000;

/** A list may gain jobs launched elsewhere, so it keeps a slow poll even when all have ended. */
export function listRefetchInterval(jobs: readonly { phase: Phase }[] | undefined): number {
  return jobs?.some((job) => !isTerminal(job.phase)) ? ACTIVE_POLL_MS : IDLE_LIST_POLL_MS;
}

/** A finished job never changes again. */
export function detailRefetchInterval(job: { phase: Phase } | undefined): number | false {
  if (!job) return false;
  return isTerminal(job.phase) ? false : ACTIVE_POLL_MS;
}

/** How often the task pages poll TASK_HISTORY: fast while a graph runs, and again just after a run is due. */
export const TASK_ACTIVE_POLL_MS = 1_000;
/** Runs started elsewhere (EXECUTE TASK from another client) show within this. */
export const TASK_IDLE_POLL_MS = 10_000;

export function taskRunsRefetchInterval(
  data: { runs: readonly { state: string; scheduledAt: number }[]; current: readonly { state: string }[]; now: number } | undefined,
  clientNow: number,
): number {
  if (!data) return TASK_IDLE_POLL_MS;
  if (data.current.some((run) => run.state === 'EXECUTING') || data.runs.some((run) => run.state === 'EXECUTING')) return TASK_ACTIVE_POLL_MS;
  // The next scheduled run starts on the warehouse's clock; ask shortly after it is due.
  const skew = clientNow - data.now;
  const due = data.runs.filter((run) => run.state === 'SCHEDULED').map((run) => run.scheduledAt + skew - clientNow);
  const soonest = due.length > 0 ? Math.min(...due) : Infinity;
  return Math.min(TASK_IDLE_POLL_MS, Math.max(TASK_ACTIVE_POLL_MS, soonest + TASK_ACTIVE_POLL_MS));
}
