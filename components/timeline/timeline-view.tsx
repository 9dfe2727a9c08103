'use client';
import { useRouter } from 'next/navigation';
import { useCallback } from 'react';
import { formatDuration } from '@/lib/domain/format';
import type { TimelineEntry } from '@/lib/domain/job';
import { RangePicker } from './range-picker';
import type { AxisMode } from './time-axis';
import { TimelineChart } from './timeline-chart';
import { entryHref } from './timeline-rows';
import { TimelineSummaryView } from './timeline-summary';
import { useTimelineModel, type TimelineModel } from './use-timeline-model';
import { useTimelineView } from './use-timeline-view';

export interface TimelineSet {
  /** A heading for the set: the batch's label, or what the filters chose. */
  title: string;
  entries: readonly TimelineEntry[];
}

function union(models: readonly TimelineModel[]) {
  const extents = models.flatMap((model) => (model.extent ? [model.extent] : []));
  if (extents.length === 0) return null;
  return { start: Math.min(...extents.map((e) => e.start)), end: Math.max(...extents.map((e) => e.end)) };
}

function Comparison({ first, second, titles }: { first: TimelineModel; second: TimelineModel; titles: [string, string] }) {
  if (!first.summary || !second.summary || first.summary.makespanMs <= 0 || second.summary.makespanMs <= 0) return null;
  const [a, b] = [first.summary.makespanMs, second.summary.makespanMs];
  const ratio = Math.max(a, b) / Math.min(a, b);
  const faster = a <= b ? titles[0] : titles[1];
  return (
    <p data-comparison className="rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-950 dark:bg-sky-950/50 dark:text-sky-100">
      <strong>{titles[0]}</strong> took <span className="tabular-nums">{formatDuration(a)}</span>; <strong>{titles[1]}</strong> took{' '}
      <span className="tabular-nums">{formatDuration(b)}</span>. <strong>{faster}</strong> finished{' '}
      <span className="tabular-nums">{ratio.toFixed(1)}×</span> sooner.
    </p>
  );
}

function Panel({ set, heading, model, now, axis, curvePeak, view, setView, fitAll, onOpen }: {
  set: TimelineSet;
  heading: boolean;
  model: TimelineModel;
  now: number;
  axis: AxisMode;
  /** Shared by compared sets, so their curves read on one scale too. */
  curvePeak: number;
  onOpen: (entry: TimelineEntry) => void;
} & Pick<ReturnType<typeof useTimelineView>, 'view' | 'setView' | 'fitAll'>) {
  return (
    <section aria-label={set.title} data-timeline-panel className="space-y-2">
      {heading ? <h2 className="truncate font-semibold">{set.title}</h2> : null}
      <TimelineSummaryView summary={model.summary} unfinished={model.unfinished} />
      {set.entries.length > 0 ? (
        <TimelineChart
          rows={model.rows}
          origin={model.origin}
          now={now}
          axis={axis}
          view={view}
          onViewChange={setView}
          onFit={fitAll}
          curve={model.curve}
          curvePeak={curvePeak}
          label={`Timeline of ${set.title}`}
          onOpen={onOpen}
        />
      ) : null}
    </section>
  );
}

/**
 * One set of jobs on the clock, or two (e.g. the same work in parallel and in sequence) one
 * above the other on one scale of time since each began. Zoom, pan and the range picker move
 * both together.
 */
export function TimelineView({ sets, now, headings = true }: {
  sets: readonly [TimelineSet] | readonly [TimelineSet, TimelineSet];
  now: number;
  /** Off where the page's own heading already names the one set. */
  headings?: boolean;
}) {
  const axis: AxisMode = sets.length === 2 ? 'elapsed' : 'clock';
  const first = useTimelineModel(sets[0].entries, now, axis);
  const second = useTimelineModel(sets[1]?.entries ?? [], now, axis);
  const models = sets.length === 2 ? [first, second] : [first];
  const extent = union(models);
  const { view, setView, fitAll, fitted } = useTimelineView(extent);
  const router = useRouter();
  const onOpen = useCallback((entry: TimelineEntry) => router.push(entryHref(entry)), [router]);
  const peak = Math.max(1, ...models.map((model) => (model.summary ? Math.max(model.summary.peakRunning, model.summary.peakQueued) : 0)));

  return (
    <div className="space-y-4">
      {extent ? (
        <RangePicker extent={extent} view={view} onViewChange={setView} onFit={fitAll} fitted={fitted} curve={first.curve} curvePeak={peak} axis={axis} />
      ) : null}
      {sets.length === 2 ? <Comparison first={first} second={second} titles={[sets[0].title, sets[1].title]} /> : null}
      {sets.map((set, index) => (
        <Panel key={index} set={set} heading={headings || sets.length > 1} model={models[index]} now={now} axis={axis} curvePeak={peak} view={view} setView={setView} fitAll={fitAll} onOpen={onOpen} />
      ))}
    </div>
  );
}
