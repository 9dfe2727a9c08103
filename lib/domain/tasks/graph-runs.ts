/**
 * TASK_HISTORY rows grouped into graph runs, one per run id and attempt, with the run's state as
 * COMPLETE_TASK_GRAPHS would give it (https://docs.snowflake.com/en/sql-reference/functions/task_history,
 * https://docs.snowflake.com/en/sql-reference/functions/complete_task_graphs). A retry's rows hold
 * only the tasks it ran again; the tasks it kept show as they ended in the attempts before. Pure.
 */
import type { GraphRunState } from '../task-graph/run-semantics';
import type { CurrentGraphRun, TaskRun } from './task-rows';

export interface GraphRunView {
  /** `<runId>:<attempt>`: unique within a root. */
  key: string;
  rootTaskId: string;
  runId: number;
  attempt: number;
  scheduledFrom: string;
  graphVersion: number;
  state: GraphRunState;
  scheduledAt: number;
  startedAt: number | null;
  /** Null while the run executes. */
  completedAt: number | null;
  /** Each task's run in this attempt or, for tasks a retry kept, the attempt before. */
  tasks: Record<string, TaskRun>;
  firstError: { task: string; message: string } | null;
}

const FAILED = new Set(['FAILED', 'FAILED_AND_AUTO_SUSPENDED']);

export const graphRunKey = (runId: number, attempt: number) => `${runId}:${attempt}`;

function stateOf(own: readonly TaskRun[], executing: boolean, rootName: string): GraphRunState {
  if (executing || own.some((run) => run.state === 'EXECUTING')) return 'EXECUTING';
  if (own.find((run) => run.task === rootName)?.state === 'SKIPPED') return 'SKIPPED';
  if (own.some((run) => run.state === 'CANCELLED')) return 'CANCELLED';
  if (own.some((run) => FAILED.has(run.state))) return 'FAILED';
  return 'SUCCEEDED';
}

/**
 * One root's graph runs, newest first. `rootName` is the root task's qualified name, which tells
 * a skipped root (a skipped run) from a skipped child.
 */
export function groupGraphRuns(runs: readonly TaskRun[], current: readonly CurrentGraphRun[], rootName: string): GraphRunView[] {
  const attempts = new Map<string, TaskRun[]>();
  for (const run of runs) {
    if (run.state === 'SCHEDULED') continue;
    const key = `${run.rootTaskId}|${graphRunKey(run.runId, run.attempt)}`;
    attempts.set(key, [...(attempts.get(key) ?? []), run]);
  }
  const executing = new Set(current.filter((c) => c.state === 'EXECUTING').map((c) => `${c.rootTaskId}|${graphRunKey(c.runId, c.attempt)}`));
  const ordered = [...attempts.entries()].sort(([, a], [, b]) => a[0].runId - b[0].runId || a[0].attempt - b[0].attempt);
  const kept = new Map<string, Record<string, TaskRun>>();
  const views: GraphRunView[] = [];
  for (const [key, own] of ordered) {
    const first = own[0];
    const runKey = `${first.rootTaskId}|${first.runId}`;
    const tasks = { ...(kept.get(runKey) ?? {}) };
    for (const run of own) tasks[run.task] = run;
    kept.set(runKey, tasks);
    const state = stateOf(own, executing.has(key), rootName);
    const starts = own.flatMap((run) => (run.startedAt === null ? [] : [run.startedAt]));
    const ends = own.flatMap((run) => (run.completedAt === null ? [] : [run.completedAt]));
    const failed = own
      .filter((run) => FAILED.has(run.state) && run.errorMessage)
      .sort((a, b) => (a.completedAt ?? 0) - (b.completedAt ?? 0))[0];
    views.push({
      key: graphRunKey(first.runId, first.attempt),
      rootTaskId: first.rootTaskId,
      runId: first.runId,
      attempt: first.attempt,
      scheduledFrom: first.scheduledFrom,
      graphVersion: first.graphVersion,
      state,
      scheduledAt: Math.min(...own.map((run) => run.scheduledAt)),
      startedAt: starts.length > 0 ? Math.min(...starts) : null,
      completedAt: state === 'EXECUTING' || ends.length === 0 ? null : Math.max(...ends),
      tasks,
      firstError: failed ? { task: failed.task, message: failed.errorMessage ?? '' } : null,
    });
  }
  return views.reverse();
}

/** How long a run took (or has taken so far), from its first start to its last end. */
export function graphRunDuration(run: GraphRunView, now: number): number | null {
  const start = run.startedAt ?? run.scheduledAt;
  return (run.completedAt ?? now) - start;
}
