/**
 * What one set of jobs looks like on the Timeline: rows in order, the summary and the
 * concurrency curve on the chart's clock, and the stretch of time they cover. Rows follow the
 * data; the summary and curve also follow the clock while anything is unfinished.
 */
import { useMemo } from 'react';
import type { TimelineEntry } from '@/lib/domain/job';
import { isTerminal } from '@/lib/domain/status';
import { concurrencyCurve, summarizeTimeline, timelineJobs, timelineOrder } from '@/lib/domain/timeline';
import type { TimeRange } from '@/lib/domain/timeline-view';
import type { AxisMode } from './time-axis';

export function useTimelineModel(entries: readonly TimelineEntry[], now: number, axis: AxisMode) {
  const rows = useMemo(() => timelineOrder(entries), [entries]);
  const unfinished = useMemo(() => entries.some((entry) => !isTerminal(entry.phase)), [entries]);
  const firstSubmit = useMemo(() => entries.reduce((first, entry) => Math.min(first, entry.submittedAt ?? Infinity), Infinity), [entries]);
  // On an elapsed axis each set of jobs has its own clock, starting at its first submit.
  const origin = axis === 'elapsed' && Number.isFinite(firstSubmit) ? firstSubmit : 0;
  const jobs = useMemo(() => timelineJobs(entries, origin), [entries, origin]);
  // Finished work does not change with the clock: only recompute per tick while it can.
  const clock = unfinished ? now - origin : 0;
  const curve = useMemo(() => concurrencyCurve(jobs, clock), [jobs, clock]);
  const summary = useMemo(() => summarizeTimeline(jobs, clock, curve), [jobs, clock, curve]);
  const extent: TimeRange | null = summary ? { start: summary.firstSubmitAt, end: summary.lastEndAt } : null;
  return { rows, origin, unfinished, summary, curve, extent };
}

export type TimelineModel = ReturnType<typeof useTimelineModel>;
