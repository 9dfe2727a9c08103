import { formatDuration } from '@/lib/domain/format';
import type { TimelineSummary } from '@/lib/domain/timeline';

function Metric({ name, term, value, detail }: { name: string; term: string; value: string; detail?: string }) {
  return (
    <div className="min-w-28 rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-800">
      <dt className="text-[11px] text-zinc-500 dark:text-zinc-400">{term}</dt>
      <dd data-metric={name} className="text-base font-semibold tabular-nums">
        {value}
      </dd>
      {detail ? <dd className="text-[11px] text-zinc-500 tabular-nums dark:text-zinc-400">{detail}</dd> : null}
    </div>
  );
}

/**
 * The numbers that say whether work ran in parallel: how spread out the starts were, how long
 * the whole took against the work it did, and how many ran at once.
 */
export function TimelineSummaryView({ summary, unfinished }: { summary: TimelineSummary | null; unfinished: boolean }) {
  if (!summary) return <p className="text-sm text-zinc-500 dark:text-zinc-400">Nothing has been submitted yet.</p>;
  const mean = summary.speedUp ?? 0;
  const soFar = unfinished ? ' so far' : '';
  return (
    <div className="space-y-2">
      <dl className="flex flex-wrap gap-2">
        <Metric name="start-spread" term="Start spread" value={formatDuration(summary.startSpreadMs)} detail="last start − first start" />
        <Metric name="makespan" term="Makespan" value={formatDuration(summary.makespanMs)} detail="first submit → last end" />
        <Metric name="total-work" term="Total work" value={formatDuration(summary.totalWorkMs)} detail="sum of running times" />
        <Metric
          name="speed-up"
          term="Speed-up"
          value={summary.speedUp === null ? '—' : `${summary.speedUp.toFixed(1)}×`}
          detail="total work ÷ makespan"
        />
        <Metric name="concurrency" term="Concurrency" value={`peak ${summary.peakRunning}`} detail={`mean ${mean.toFixed(1)} running`} />
        <Metric name="queued" term="Queued" value={`peak ${summary.peakQueued}`} detail={`${formatDuration(summary.totalQueuedMs)} waited in all`} />
      </dl>
      <p data-summary-sentence className="text-sm">
        In sequence this would have taken <strong className="tabular-nums">{formatDuration(summary.totalWorkMs)}</strong>
        {soFar}; it took <strong className="tabular-nums">{formatDuration(summary.makespanMs)}</strong>
        {soFar}.
      </p>
    </div>
  );
}
