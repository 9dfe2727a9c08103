'use client';
import Link from 'next/link';
import { formatDuration, formatIsoTimestamp } from '@/lib/domain/format';
import { graphRunDuration, type GraphRunView } from '@/lib/domain/tasks/graph-runs';
import { taskRunPhase } from '@/lib/domain/status';
import { PHASE_LABELS } from '@/components/status-badge';
import { taskGraphHref } from './task-links';

const BAR_FILL: Record<string, string> = {
  queued: 'bg-zinc-300 dark:bg-zinc-600',
  running: 'bg-sky-500 animate-pulse',
  succeeded: 'bg-emerald-500',
  failed: 'bg-red-500',
  cancelled: 'bg-amber-500',
  skipped: 'bg-zinc-300 dark:bg-zinc-700',
};

const STRIP_HEIGHT_PX = 24;
const MIN_BAR_PX = 3;

/**
 * A graph's recent runs, oldest left: one bar per run, as tall as it took relative to the
 * longest shown, coloured by how it ended (Snowsight's "Previous Runs"). Each opens the run.
 */
export function RunStrip({ root, runs, now }: { root: string; runs: readonly GraphRunView[]; now: number }) {
  if (runs.length === 0) return <span className="text-zinc-400 dark:text-zinc-600">No runs in 7 days</span>;
  const durations = runs.map((run) => graphRunDuration(run, now) ?? 0);
  const longest = Math.max(1, ...durations);
  return (
    <ol aria-label="Recent runs, oldest first" className="flex items-end gap-0.5" style={{ height: STRIP_HEIGHT_PX }}>
      {[...runs].reverse().map((run, i) => {
        const duration = durations[runs.length - 1 - i];
        const phase = taskRunPhase(run.state);
        const label = `${formatIsoTimestamp(run.scheduledAt)}: ${PHASE_LABELS[phase]} (${run.state}) in ${formatDuration(duration)}`;
        return (
          <li key={run.key} className="flex h-full items-end">
            <Link
              href={`${taskGraphHref(root)}?run=${encodeURIComponent(run.key)}`}
              title={label}
              aria-label={label}
              data-run-state={run.state}
              className={`block w-1.5 rounded-sm ${BAR_FILL[phase]}`}
              style={{ height: Math.max(MIN_BAR_PX, Math.round((duration / longest) * STRIP_HEIGHT_PX)) }}
            />
          </li>
        );
      })}
    </ol>
  );
}
