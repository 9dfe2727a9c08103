'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { parseAsString, useQueryStates } from 'nuqs';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Breadcrumb } from '@/components/breadcrumb';
import { Button } from '@/components/button';
import { StatusBadge } from '@/components/status-badge';
import { TaskGraphView } from '@/components/task-graph/task-graph-view';
import { TimelineView } from '@/components/timeline/timeline-view';
import { formatDuration, formatIsoTimestamp, formatTimestamp } from '@/lib/domain/format';
import { taskRunPhase } from '@/lib/domain/status';
import { graphRunDuration, groupGraphRuns, type GraphRunView } from '@/lib/domain/tasks/graph-runs';
import { formatScheduledRun, scheduleInWords, graphOf, runCriticalPath, runGanttEntries, upcomingRuns } from '@/lib/domain/tasks/task-graphs';
import { useServerNow } from '@/lib/hooks/use-server-now';
import { taskKeys, taskQueries } from '@/lib/queries';
import { GraphActions } from './graph-actions';
import { TaskPanel } from './task-panel';

const selectionParsers = { run: parseAsString, task: parseAsString };
/** One object, so a graph with no runs does not look changed on every render. */
const NO_RUN = {};

function runLabel(run: GraphRunView, now: number): string {
  const attempt = run.attempt > 1 ? `, attempt ${run.attempt}` : '';
  return `${formatTimestamp(run.scheduledAt, now)} · ${run.state} · ${formatDuration(graphRunDuration(run, now) ?? 0)} (${run.scheduledFrom}${attempt})`;
}

/**
 * A task graph: its DAG laid out once per structure with the chosen run's status patched in,
 * the run's critical path marked on the graph and on its Gantt, and the selected task's panel.
 * The structure (SHOW TASKS) is read once and again only when a new run or graph version shows
 * it may have changed, or an action changed it; the runs (TASK_HISTORY, CURRENT_TASK_GRAPHS) are
 * polled.
 */
export function GraphClient({ name }: { name: string }) {
  const queryClient = useQueryClient();
  const [{ run: runKey, task: selectedName }, setSelection] = useQueryStates(selectionParsers);
  const structure = useQuery(taskQueries.structure());
  const graph = useMemo(() => (structure.data ? graphOf(structure.data.tasks, name) : null), [structure.data, name]);
  const root = graph?.root ?? null;
  const runs = useQuery({ ...taskQueries.runs(root?.id ?? ''), enabled: root !== null });
  const graphRuns = useMemo(() => (root && runs.data ? groupGraphRuns(runs.data.runs, runs.data.current, root.name) : []), [root, runs.data]);
  const executing = graphRuns.some((run) => run.state === 'EXECUTING');
  const now = useServerNow(runs.data?.now, executing);

  // The structure is re-read when a run starts or shows a newer graph version: either may mean
  // the graph changed elsewhere (a CREATE or ALTER TASK from another client) since it was read.
  const newest = !runs.data ? null : graphRuns[0] ? `${graphRuns[0].key}|${graphRuns.reduce((max, r) => Math.max(max, r.graphVersion), 0)}` : 'no runs';
  const seenNewest = useRef<string | null>(null);
  useEffect(() => {
    if (!structure.isSuccess || newest === null) return;
    if (seenNewest.current !== null && newest !== seenNewest.current) void queryClient.invalidateQueries({ queryKey: taskKeys.structure() });
    seenNewest.current = newest;
  }, [newest, structure.isSuccess, queryClient]);

  // No run in the URL follows the latest run as new ones start.
  const chosen = graphRuns.find((r) => r.key === runKey) ?? null;
  const run = chosen ?? graphRuns[0] ?? null;
  const members = graph?.members ?? [];
  const path = useMemo(() => runCriticalPath(members, run, now), [members, run, now]);
  const gantt = useMemo(() => (run ? runGanttEntries(members, run, path) : []), [members, run, path]);
  const onSelect = useCallback((task: string | null) => void setSelection({ task }), [setSelection]);
  const selected = members.find((task) => task.name === selectedName) ?? null;

  if (structure.isPending) return <p className="py-8 text-center text-zinc-500">Loading the graph…</p>;
  if (structure.error) return <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800 dark:bg-red-950 dark:text-red-200">{structure.error.message}</p>;
  if (!graph || !root) {
    return (
      <div className="space-y-2 py-8 text-center">
        <p className="font-medium">No task named {name}.</p>
        <p className="text-zinc-600 dark:text-zinc-400">It may have been dropped, or renamed.</p>
      </div>
    );
  }
  const upcoming = upcomingRuns(root, runs.data?.runs ?? [], now, 1)[0];

  return (
    <div className="space-y-4">
      <Breadcrumb trail={[{ href: '/tasks', label: 'Tasks' }]} current={root.shortName} />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="font-mono text-xl font-semibold tracking-tight break-all">{root.name}</h1>
          <p className="text-zinc-600 dark:text-zinc-400">
            {root.state === 'started' ? 'Resumed' : 'Suspended'} · {scheduleInWords(root.schedule)} · {members.length} task
            {members.length === 1 ? '' : 's'}
            {upcoming ? ` · next run ${formatScheduledRun(upcoming, root.schedule)}` : ''}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <Button variant="ghost" onClick={() => void queryClient.invalidateQueries({ queryKey: taskKeys.structure() })}>
            Reload graph
          </Button>
        </div>
      </div>
      <GraphActions root={root} latest={graphRuns[0] ?? null} executing={executing} />
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor="run-picker" className="font-medium">
          Run
        </label>
        <select
          id="run-picker"
          value={chosen?.key ?? ''}
          onChange={(event) => void setSelection({ run: event.target.value || null })}
          disabled={graphRuns.length === 0}
          className="h-8 max-w-full rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        >
          {graphRuns.length === 0 ? <option value="">No runs in the last 7 days</option> : null}
          {graphRuns.map((r, i) => (
            <option key={r.key} value={i === 0 ? '' : r.key}>
              {i === 0 ? `Latest: ${runLabel(r, now)}` : runLabel(r, now)}
            </option>
          ))}
        </select>
        {run ? <StatusBadge phase={taskRunPhase(run.state)} rawStatus={run.state} /> : null}
        {run?.firstError ? (
          <span className="text-sm text-red-700 dark:text-red-400">
            First error in {run.firstError.task.split('.').at(-1)}: {run.firstError.message}
          </span>
        ) : null}
      </div>
      <div className="flex flex-col gap-4 lg:flex-row">
        <div className="min-w-0 flex-1 rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <TaskGraphView
            tasks={members}
            runs={run?.tasks ?? NO_RUN}
            criticalPath={path}
            selected={selected?.name ?? null}
            onSelect={onSelect}
            now={now}
            label={`Task graph of ${root.shortName}`}
            className="h-[32rem]"
          />
        </div>
        <div className="lg:w-96">
          {selected ? (
            <TaskPanel task={selected} run={run} history={runs.data?.runs ?? []} now={now} />
          ) : (
            <p className="rounded-lg border border-dashed border-zinc-300 p-4 text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
              Select a task to see its definition, its part in this run and its recent runs.
            </p>
          )}
        </div>
      </div>
      {run && gantt.length > 0 ? (
        <section aria-label="Run timeline" className="space-y-2">
          <h2 className="font-semibold">This run on the clock</h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Outlined bars are the critical path: the chain of tasks that decided when the run finished.
          </p>
          <TimelineView sets={[{ title: `Run of ${formatIsoTimestamp(run.scheduledAt)}`, entries: gantt }]} now={now} headings={false} />
        </section>
      ) : null}
    </div>
  );
}
