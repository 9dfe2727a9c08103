/**
 * The Timeline page's filters, kept in the URL (?batch=…&compare=…&kind=…&phase=…&label=…&window=…)
 * so a shared link opens on the same jobs. The zoom is kept beside them (use-timeline-view.ts).
 */
import { parseAsString, parseAsStringLiteral, useQueryStates } from 'nuqs';
import { useMemo } from 'react';
import { timelineViewParsers } from '@/components/timeline/use-timeline-view';
import type { TimelineFilter } from '@/lib/domain/job';
import { filterUrlParsers } from '@/lib/hooks/filter-url-parsers';
import { filterOfUrlState } from '@/lib/domain/job-filter-codec';

/** How far back the Timeline looks when no batch is chosen; a batch is shown whole. */
export const TIME_WINDOWS = {
  '15m': { label: 'Last 15 minutes', ms: 15 * 60_000 },
  '1h': { label: 'Last hour', ms: 3_600_000 },
  '6h': { label: 'Last 6 hours', ms: 6 * 3_600_000 },
  '24h': { label: 'Last 24 hours', ms: 24 * 3_600_000 },
  '7d': { label: 'Last 7 days', ms: 7 * 24 * 3_600_000 },
  all: { label: 'All time', ms: null },
} as const;
export type TimeWindow = keyof typeof TIME_WINDOWS;
const WINDOW_KEYS = Object.keys(TIME_WINDOWS) as TimeWindow[];
const DEFAULT_WINDOW: TimeWindow = '24h';

const filterParsers = {
  batch: filterUrlParsers.batch,
  compare: parseAsString,
  kind: filterUrlParsers.kind,
  phase: filterUrlParsers.phase,
  label: filterUrlParsers.label,
  window: parseAsStringLiteral(WINDOW_KEYS),
  // The zoom (read by use-timeline-view.ts), here only to be reset with a new choice of jobs.
  ...timelineViewParsers,
};

/** The start of a window, on a whole minute: it does not creep (and refetch) on every render. */
function windowStart(window: TimeWindow): number | undefined {
  const ms = TIME_WINDOWS[window].ms;
  return ms === null ? undefined : Math.floor((Date.now() - ms) / 60_000) * 60_000;
}

export function useTimelineFilters() {
  const [filters, setFilters] = useQueryStates(filterParsers);
  const { batch, compare, kind, phase, label } = filters;
  const window: TimeWindow = filters.window ?? (batch ? 'all' : DEFAULT_WINDOW);
  const since = useMemo(() => windowStart(window), [window]);

  const shared = useMemo<TimelineFilter>(() => ({ ...filterOfUrlState({ kind, phase, label }), since }), [kind, phase, label, since]);
  const primary = useMemo<TimelineFilter>(() => ({ ...shared, batchId: batch ?? undefined }), [shared, batch]);
  const secondary = useMemo<TimelineFilter | null>(() => (batch && compare ? { ...shared, batchId: compare } : null), [shared, batch, compare]);
  const active = Object.keys(filterOfUrlState({ batch, kind, phase, label })).length > 0 || filters.window !== null;

  // The zoom belongs to what was shown: a new choice of jobs starts fitted.
  const choose = (next: Partial<Omit<typeof filters, 'from' | 'to'>>) => void setFilters({ ...next, from: null, to: null });
  return { filters, choose, window, primary, secondary, active, clear: () => void setFilters(null) };
}

export type TimelineFilters = ReturnType<typeof useTimelineFilters>;
