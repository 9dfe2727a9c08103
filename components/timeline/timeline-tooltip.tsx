import { KIND_LABELS } from '@/components/kind-badge';
import { StatusBadge } from '@/components/status-badge';
import { formatDuration, formatTimestamp, shortId } from '@/lib/domain/format';
import type { TimelineEntry } from '@/lib/domain/job';
import { entryDurations } from '@/lib/domain/timeline';

function Line({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4">
      <dt className="text-zinc-500 dark:text-zinc-400">{term}</dt>
      <dd className="tabular-nums">{children}</dd>
    </div>
  );
}

/** To the millisecond: a start spread of 12 ms is read off these. */
const at = (time: number | null, now: number) =>
  time === null ? '—' : `${formatTimestamp(time, now)}.${String(((time % 1_000) + 1_000) % 1_000).padStart(3, '0')}`;

/** A job's times, beside the pointer (or the focused row). Warehouse text is rendered as text. */
export function TimelineTooltip({ entry, now, left, top }: { entry: TimelineEntry; now: number; left: number; top: number }) {
  const { queuedMs, runningMs } = entryDurations(entry, now);
  return (
    <div
      role="tooltip"
      data-timeline-tooltip
      className="pointer-events-none fixed z-30 w-72 rounded-md border border-zinc-200 bg-white p-2.5 text-xs shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
      style={{ left, top }}
    >
      <p className="truncate font-mono font-medium">{entry.title}</p>
      <p className="mt-0.5 text-zinc-500 dark:text-zinc-400">
        {KIND_LABELS[entry.kind]} · batch {entry.batchLabel ?? shortId(entry.batchId)} · #{entry.position + 1}
      </p>
      <div className="mt-1.5">
        <StatusBadge phase={entry.phase} rawStatus={entry.rawStatus} />
      </div>
      <dl className="mt-1.5 space-y-0.5">
        <Line term="Submitted">{at(entry.submittedAt, now)}</Line>
        <Line term="Started">{at(entry.startedAt, now)}</Line>
        <Line term="Ended">{at(entry.endedAt, now)}</Line>
        <Line term="Queued">{queuedMs === null ? '—' : formatDuration(queuedMs)}</Line>
        <Line term="Ran">{runningMs === null ? '—' : formatDuration(runningMs)}</Line>
      </dl>
    </div>
  );
}
