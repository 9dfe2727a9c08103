/**
 * Gathers change events that arrive close together so a burst (a batch of 100 queries finishing)
 * costs one round of cache invalidation, not one per event. The first event of a burst opens a
 * short window; everything that arrives inside it is flushed together when it closes, so a
 * steady stream still flushes every `windowMs` instead of waiting for a quiet moment.
 */
import type { ChangeEvent } from '@/lib/domain/job';

export interface ChangeSummary {
  jobIds: Set<string>;
  health: boolean;
}

export interface ChangeBatcher {
  push(event: ChangeEvent): void;
  /** Drops anything pending (the page is going away). */
  dispose(): void;
}

export function createChangeBatcher(flush: (summary: ChangeSummary) => void, windowMs: number): ChangeBatcher {
  let pending: ChangeSummary | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const close = () => {
    const summary = pending;
    pending = null;
    timer = null;
    if (summary) flush(summary);
  };

  return {
    push(event) {
      pending ??= { jobIds: new Set(), health: false };
      if (event.type === 'job') pending.jobIds.add(event.jobId);
      else pending.health = true;
      timer ??= setTimeout(close, windowMs);
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}

/** Parses one SSE message; anything that is not a ChangeEvent is ignored rather than trusted. */
export function parseChangeEvent(data: string): ChangeEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || !('type' in value)) return null;
  if (value.type === 'job' && 'jobId' in value && typeof value.jobId === 'string') return value as ChangeEvent;
  if (value.type === 'health' && 'ok' in value && typeof value.ok === 'boolean') return value as ChangeEvent;
  return null;
}
