'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { buttonClass } from '@/components/button';
import { PageHeader } from '@/components/page-header';
import { TimelineView, type TimelineSet } from '@/components/timeline/timeline-view';
import { countOf, shortId } from '@/lib/domain/format';
import type { Batch, TimelineData } from '@/lib/domain/job';
import { isTerminal } from '@/lib/domain/status';
import { useServerNow } from '@/lib/hooks/use-server-now';
import { batchesQuery, jobQueries } from '@/lib/queries';
import { TimelineFiltersBar, batchName } from './timeline-filters';
import { TIME_WINDOWS, useTimelineFilters } from './use-timeline-filters';

function titleOf(batchId: string | null, batches: readonly Batch[] | undefined, fallback: string): string {
  if (!batchId) return fallback;
  const batch = batches?.find((candidate) => candidate.id === batchId);
  return batch ? batchName(batch) : `Batch ${shortId(batchId)}`;
}

function Shown({ data }: { data: TimelineData }) {
  if (data.total > data.entries.length) {
    return <>Showing the latest {data.entries.length.toLocaleString('en-US')} of {countOf(data.total, 'job')}</>;
  }
  return <>{countOf(data.total, 'job')}</>;
}

export function TimelineClient() {
  const timelineFilters = useTimelineFilters();
  const { filters, window, primary, secondary } = timelineFilters;
  const first = useQuery(jobQueries.timeline(primary));
  const second = useQuery({ ...jobQueries.timeline(secondary ?? {}), enabled: secondary !== null });
  const batches = useQuery(batchesQuery).data;

  const loaded = [first.data, secondary ? second.data : undefined].filter((data): data is TimelineData => data !== undefined);
  const unfinished = loaded.some((data) => data.entries.some((entry) => !isTerminal(entry.phase)));
  const now = useServerNow(first.data?.now, unfinished);
  const error = first.error ?? (secondary ? second.error : null);

  const sets: [TimelineSet] | [TimelineSet, TimelineSet] | null = !first.data
    ? null
    : secondary && second.data
      ? [
          { title: titleOf(filters.batch, batches, 'Batch'), entries: first.data.entries },
          { title: titleOf(filters.compare, batches, 'Batch'), entries: second.data.entries },
        ]
      : [{ title: titleOf(filters.batch, batches, `All jobs · ${TIME_WINDOWS[window].label}`), entries: first.data.entries }];

  return (
    <div className="space-y-3">
      <PageHeader
        title="Timeline"
        subtitle={first.data ? <Shown data={first.data} /> : null}
        actions={
          <Link href={filters.batch ? `/jobs?batch=${encodeURIComponent(filters.batch)}` : '/jobs'} className={buttonClass('secondary')}>
            Jobs table
          </Link>
        }
      />

      <TimelineFiltersBar {...timelineFilters} />

      {error ? (
        <p role="alert" className="font-medium text-red-700 dark:text-red-400">
          Could not load the timeline: {error.message}
        </p>
      ) : null}

      {!sets ? (
        <p className="py-10 text-center text-zinc-500">Loading…</p>
      ) : sets.every((set) => set.entries.length === 0) ? (
        <div className="px-4 py-16 text-center">
          <p className="font-medium">No jobs in this view.</p>
          <p className="mt-1 text-zinc-600 dark:text-zinc-400">Widen the window, clear the filters, or launch some work.</p>
          <Link href="/launch" className={`${buttonClass('primary')} mt-4`}>
            Launch
          </Link>
        </div>
      ) : (
        <TimelineView sets={sets} now={now} />
      )}
    </div>
  );
}
