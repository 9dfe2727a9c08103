'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo } from 'react';
import { Button, buttonClass } from '@/components/button';
import { StatusBadge } from '@/components/status-badge';
import { Timestamp } from '@/components/timestamp';
import { countOf, formatDuration } from '@/lib/domain/format';
import { taskRunPhase } from '@/lib/domain/status';
import { graphRunDuration, groupGraphRuns, type GraphRunView } from '@/lib/domain/tasks/graph-runs';
import { formatScheduledRun, scheduleInWords, taskGraphs, upcomingRuns, type TaskGraphSummary } from '@/lib/domain/tasks/task-graphs';
import type { TaskRun } from '@/lib/domain/tasks/task-rows';
import { useServerNow } from '@/lib/hooks/use-server-now';
import { taskKeys, taskQueries } from '@/lib/queries';
import { RunStrip } from './run-strip';
import { taskGraphHref } from './task-links';

const RECENT_RUNS = 24;
const NEXT_RUNS = 3;

function GraphRow({ graph, runs, current, now }: { graph: TaskGraphSummary; runs: readonly TaskRun[]; current: Parameters<typeof groupGraphRuns>[1]; now: number }) {
  const { root, members } = graph;
  const own = useMemo(() => runs.filter((run) => run.rootTaskId === root.id), [runs, root.id]);
  const graphRuns: GraphRunView[] = useMemo(() => groupGraphRuns(own, current, root.name), [own, current, root.name]);
  const last = graphRuns[0];
  const upcoming = upcomingRuns(root, own, now, NEXT_RUNS);
  return (
    <tr data-graph={root.name} className="border-t border-zinc-200 align-top dark:border-zinc-800">
      <td className="px-3 py-2">
        <Link href={taskGraphHref(root.name)} className="font-mono font-medium text-sky-700 hover:underline dark:text-sky-400">
          {root.shortName}
        </Link>
        <div className="text-xs text-zinc-500 dark:text-zinc-400">
          {root.database}.{root.schema} · {members.length === 1 ? 'standalone task' : countOf(members.length, 'task')}
        </div>
      </td>
      <td className="px-3 py-2">
        <span
          data-task-state={root.state}
          className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${
            root.state === 'started'
              ? 'bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-300 dark:ring-emerald-800'
              : 'bg-zinc-100 text-zinc-600 ring-zinc-300 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700'
          }`}
        >
          {root.state === 'started' ? 'Resumed' : 'Suspended'}
        </span>
        {root.lastSuspendedReason === 'SUSPENDED_DUE_TO_ERRORS' && root.state === 'suspended' ? (
          <div className="mt-1 text-xs text-red-700 dark:text-red-400">Suspended after repeated failures</div>
        ) : null}
      </td>
      <td className="px-3 py-2 first-letter:uppercase">{scheduleInWords(root.schedule)}</td>
      <td className="px-3 py-2 tabular-nums">
        {upcoming.length === 0 ? (
          <span className="text-zinc-400 dark:text-zinc-600">—</span>
        ) : (
          <ul>
            {upcoming.map((at) => (
              <li key={at}>{formatScheduledRun(at, root.schedule)}</li>
            ))}
          </ul>
        )}
      </td>
      <td className="px-3 py-2">
        {last ? (
          <div className="space-y-1">
            <StatusBadge phase={taskRunPhase(last.state)} rawStatus={last.state} />
            <div className="text-xs text-zinc-500 dark:text-zinc-400">
              <Timestamp at={last.scheduledAt} /> · {formatDuration(graphRunDuration(last, now) ?? 0)}
            </div>
            {last.firstError ? (
              <div className="max-w-xs truncate text-xs text-red-700 dark:text-red-400" title={last.firstError.message}>
                {last.firstError.message}
              </div>
            ) : null}
          </div>
        ) : (
          <span className="text-zinc-400 dark:text-zinc-600">Never ran</span>
        )}
      </td>
      <td className="px-3 py-2">
        <RunStrip root={root.name} runs={graphRuns.slice(0, RECENT_RUNS)} now={now} />
      </td>
    </tr>
  );
}

/**
 * Every task graph and standalone task: its state, schedule in words, next runs, last run and a
 * strip of recent runs. The structure is read once (and on Refresh); the runs are polled, fast
 * while a graph runs.
 */
export function TasksClient() {
  const queryClient = useQueryClient();
  const structure = useQuery(taskQueries.structure());
  const runs = useQuery(taskQueries.runs(null));
  const executing = runs.data?.current.some((run) => run.state === 'EXECUTING') ?? false;
  const now = useServerNow(runs.data?.now, executing);
  const graphs = useMemo(() => taskGraphs(structure.data?.tasks ?? []), [structure.data]);
  const error = structure.error ?? runs.error;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Tasks</h1>
          <p className="text-zinc-600 dark:text-zinc-400">Task graphs and standalone tasks, with their runs of the last 7 days.</p>
        </div>
        <div className="flex gap-2">
          <Button variant="secondary" onClick={() => void queryClient.invalidateQueries({ queryKey: taskKeys.all })}>
            Refresh
          </Button>
          <Link href="/tasks/new" className={buttonClass('primary')}>
            New task
          </Link>
        </div>
      </div>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800 dark:bg-red-950 dark:text-red-200">
          {error.message}
        </p>
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full text-left text-sm">
          <thead className="bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500 dark:bg-zinc-950 dark:text-zinc-400">
            <tr>
              <th className="px-3 py-2 font-medium">Graph</th>
              <th className="px-3 py-2 font-medium">State</th>
              <th className="px-3 py-2 font-medium">Schedule</th>
              <th className="px-3 py-2 font-medium">Next runs</th>
              <th className="px-3 py-2 font-medium">Last run</th>
              <th className="px-3 py-2 font-medium">Recent runs</th>
            </tr>
          </thead>
          <tbody>
            {graphs.map((graph) => (
              <GraphRow key={graph.root.name} graph={graph} runs={runs.data?.runs ?? []} current={runs.data?.current ?? []} now={now} />
            ))}
          </tbody>
        </table>
        {structure.isSuccess && graphs.length === 0 ? (
          <div className="px-4 py-16 text-center">
            <p className="font-medium">No tasks yet.</p>
            <p className="mt-1 text-zinc-600 dark:text-zinc-400">Create one here, or run CREATE TASK from Launch.</p>
            <Link href="/tasks/new" className={`${buttonClass('primary')} mt-4`}>
              New task
            </Link>
          </div>
        ) : null}
        {structure.isPending ? <p className="px-4 py-8 text-center text-zinc-500">Loading tasks…</p> : null}
      </div>
    </div>
  );
}
