/**
 * Which stretch of time the Timeline shows, kept in the URL (?from=…&to=…, on the chart's
 * clock) so a shared link opens on the same zoom. Without them the view fits everything, and
 * keeps fitting as live bars grow.
 */
import { debounce, parseAsInteger, useQueryStates } from 'nuqs';
import { useCallback, useMemo } from 'react';
import { fitRange, type TimeRange } from '@/lib/domain/timeline-view';

/** The zoom's URL parameters; the Timeline's filters reset them when a new choice of jobs is made. */
export const timelineViewParsers = { from: parseAsInteger, to: parseAsInteger };
/**
 * The chart follows every frame of a pan; the URL is rewritten once the pan pauses (a URL
 * update re-renders the page, which mid-drag shows as a dropped frame).
 */
const URL_UPDATE_MS = 300;

export function useTimelineView(extent: TimeRange | null) {
  const [{ from, to }, setParams] = useQueryStates(timelineViewParsers, { limitUrlUpdates: debounce(URL_UPDATE_MS) });
  const fitted = from === null || to === null || to <= from;
  const start = extent?.start ?? 0;
  const end = extent?.end ?? 1_000;
  const fit = useMemo(() => fitRange({ start, end }), [start, end]);
  const view = useMemo<TimeRange>(() => (fitted ? fit : { start: from, end: to }), [fitted, fit, from, to]);

  const setView = useCallback((next: TimeRange) => void setParams({ from: Math.round(next.start), to: Math.round(next.end) }), [setParams]);
  const fitAll = useCallback(() => void setParams({ from: null, to: null }), [setParams]);
  return { view, setView, fitAll, fitted };
}
