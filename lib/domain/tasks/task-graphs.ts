/**
 * What the task pages derive from SHOW TASKS and TASK_HISTORY: the graphs (each root with its
 * tasks), a root's upcoming runs, and a graph run as the times, critical path and Gantt bars the
 * graph page draws. Pure.
 */
import type { TimelineEntry } from '../job';
import { taskRunPhase } from '../status';
import { criticalPath, type TaskTimes } from '../task-graph/critical-path';
import { graphMembers, indexGraph, topologicalOrder } from '../task-graph/graph';
import { nextRuns } from './next-runs';
import { describeSchedule } from './describe-schedule';
import { parseSchedule } from './schedule';
import { formatRunTime } from './task-form-preview';
import type { GraphRunView } from './graph-runs';
import type { TaskDefinition } from './task-definition';
import type { TaskRun } from './task-rows';

export interface TaskGraphSummary {
  root: TaskDefinition;
  /** Root first, then the tasks it reaches and its finalizer. */
  members: TaskDefinition[];
}

/** Every graph, standalone tasks included (a graph of one), in root name order. */
export function taskGraphs(tasks: readonly TaskDefinition[]): TaskGraphSummary[] {
  const index = indexGraph({ tasks });
  const byName = new Map(tasks.map((task) => [task.name, task]));
  return tasks
    .filter((task) => task.predecessors.length === 0 && !task.finalize)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((root) => ({ root, members: graphMembers(root.name, index).flatMap((name) => byName.get(name) ?? []) }));
}

/** The graph a task belongs to, found from any of its tasks; null when the task is unknown. */
export function graphOf(tasks: readonly TaskDefinition[], name: string): TaskGraphSummary | null {
  return taskGraphs(tasks).find((graph) => graph.members.some((task) => task.name === name)) ?? null;
}

/**
 * A scheduled root's next `count` runs after `now`. The first is TASK_HISTORY's SCHEDULED row when
 * there is one (it knows when the root was resumed, which SHOW TASKS does not); the rest follow
 * the schedule from it. A suspended root has none.
 */
export function upcomingRuns(root: TaskDefinition, runs: readonly TaskRun[], now: number, count: number): number[] {
  if (root.state !== 'started' || !root.schedule || count <= 0) return [];
  let schedule;
  try {
    schedule = parseSchedule(root.schedule);
  } catch {
    return [];
  }
  const next = runs.find((run) => run.task === root.name && run.state === 'SCHEDULED')?.scheduledAt;
  if (next === undefined) return nextRuns(schedule, now, count, { resumedAt: now });
  return [next, ...nextRuns(schedule, next, count - 1, { resumedAt: next })];
}

/** Each task's start and end in the run, for the critical path and the live durations. */
export function runTimes(run: GraphRunView | null): Record<string, TaskTimes> {
  const times: Record<string, TaskTimes> = {};
  for (const [task, taskRun] of Object.entries(run?.tasks ?? {})) {
    times[task] = { startedAt: taskRun.startedAt, endedAt: taskRun.completedAt };
  }
  return times;
}

/** The chain of tasks that decided when the run finished (or, while it runs, is deciding it). */
export function runCriticalPath(members: readonly TaskDefinition[], run: GraphRunView | null, now: number): string[] {
  if (!run) return [];
  return criticalPath({ tasks: members }, runTimes(run), now).steps.map((step) => step.task);
}

/**
 * The run's Gantt bars, one per task that ran, in graph order: waiting from the run's first start
 * until the task started (on its predecessors), then running. Bars on the critical path are
 * marked; each selects its task on the graph page.
 */
export function runGanttEntries(members: readonly TaskDefinition[], run: GraphRunView, path: readonly string[]): TimelineEntry[] {
  const onPath = new Set(path);
  const order = topologicalOrder({ tasks: members });
  return order.flatMap((name, position) => {
    const taskRun = run.tasks[name];
    if (!taskRun || taskRun.startedAt === null) return [];
    return [
      {
        id: `${run.key}:${name}`,
        kind: 'query' as const,
        batchId: run.key,
        batchLabel: null,
        batchMode: 'parallel' as const,
        position,
        rawStatus: taskRun.state,
        phase: taskRunPhase(taskRun.state),
        submittedAt: Math.min(taskRun.startedAt, run.startedAt ?? taskRun.startedAt),
        startedAt: taskRun.startedAt,
        endedAt: taskRun.completedAt,
        title: taskRun.shortName,
        href: `?${new URLSearchParams({ run: run.key, task: name })}`,
        marked: onPath.has(name),
      },
    ];
  });
}

/** A root's run time on its schedule's own clock (a cron schedule's zone), else in UTC. */
export function formatScheduledRun(at: number, schedule: string | null): string {
  let timeZone = 'UTC';
  try {
    const parsed = schedule ? parseSchedule(schedule) : null;
    if (parsed?.kind === 'cron') timeZone = parsed.timeZone;
  } catch {
    // An unparseable schedule has no runs to show; UTC is as good as any for the odd caller.
  }
  return formatRunTime(at, timeZone);
}

/** A task's schedule in words ("daily at 01:00, America/Los_Angeles"), or what stands for none. */
export function scheduleInWords(schedule: string | null): string {
  if (!schedule) return 'not scheduled (runs when executed)';
  try {
    return describeSchedule(parseSchedule(schedule));
  } catch {
    return schedule;
  }
}
