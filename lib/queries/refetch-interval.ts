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
