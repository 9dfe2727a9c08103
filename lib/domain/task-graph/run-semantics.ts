/**
 * Which tasks of a graph run may start next, and when the run is over. Pure state machine: the
 * scheduler calls it after every task outcome with the graph version the run started with.
 * Snowflake documents the rules: FINALIZE and WHEN in
 * https://docs.snowflake.com/en/sql-reference/sql/create-task, graph runs in
 * https://docs.snowflake.com/en/user-guide/tasks-graphs, run states in
 * https://docs.snowflake.com/en/sql-reference/functions/task_history and
 * https://docs.snowflake.com/en/sql-reference/functions/complete_task_graphs.
 */
import { graphMembers, indexGraph, topologicalOrder, type TaskGraph } from './graph';

/** TASK_HISTORY STATE values. */
export type TaskRunState =
  | 'SCHEDULED'
  | 'EXECUTING'
  | 'SUCCEEDED'
  | 'FAILED'
  | 'FAILED_AND_AUTO_SUSPENDED'
  | 'CANCELLED'
  | 'SKIPPED';

/**
 * COMPLETE_TASK_GRAPHS states, plus EXECUTING while the run goes on and SKIPPED for a run whose
 * root was skipped (such a run has no COMPLETE_TASK_GRAPHS row).
 */
export type GraphRunState = 'EXECUTING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'SKIPPED';

export interface RunProgress {
  graph: TaskGraph;
  root: string;
  /** Outcome so far of each task that was started; absent = not started yet. */
  outcomes: Readonly<Record<string, TaskRunState>>;
  /** Tasks suspended in this run's graph version; the root runs regardless (the run exists). */
  suspended: ReadonlySet<string>;
}

export interface RunStep {
  /** Tasks to start now, predecessors first. */
  start: string[];
  /** Tasks that will not run in this run: a predecessor failed, was skipped or cancelled. */
  blocked: string[];
  complete: boolean;
  state: GraphRunState;
}

/** How a task stands for its children in this run. */
type Standing = 'pending' | 'succeeded' | 'blocked';

const IN_FLIGHT = new Set<TaskRunState>(['SCHEDULED', 'EXECUTING']);
const FAILED = new Set<TaskRunState>(['FAILED', 'FAILED_AND_AUTO_SUSPENDED']);

export function nextRunStep({ graph, root, outcomes, suspended }: RunProgress): RunStep {
  const index = indexGraph(graph);
  const { byName, finalizers } = index;
  const finalizer = finalizers.get(root)?.[0];
  const members = new Set(graphMembers(root, index));
  const standing = new Map<string, Standing>();
  const start: string[] = [];
  const blocked: string[] = [];
  // A cancel stops the whole run (SYSTEM$USER_TASK_CANCEL_ONGOING_EXECUTIONS), so nothing new
  // starts after one; Snowflake's documentation is silent on this, and starting more work would defy the cancel.
  const cancelled = Object.values(outcomes).includes('CANCELLED');

  for (const name of topologicalOrder(graph)) {
    const task = byName.get(name);
    if (!task || !members.has(name) || task.finalize) continue;
    const ready = name === root ? 'succeeded' : readiness(task.predecessors, standing, suspended);
    if (ready === 'pending') {
      standing.set(name, 'pending');
    } else if (ready === 'blocked') {
      standing.set(name, 'blocked');
      if (!outcomes[name]) blocked.push(name);
    } else if (name !== root && suspended.has(name)) {
      // Snowflake's docs: the graph runs "as though the child task had succeeded".
      standing.set(name, 'succeeded');
    } else {
      const outcome = outcomes[name];
      standing.set(name, outcome === 'SUCCEEDED' ? 'succeeded' : outcome && !IN_FLIGHT.has(outcome) ? 'blocked' : 'pending');
      if (!outcome && !cancelled) start.push(name);
    }
  }

  const rootOutcome = outcomes[root];
  const busy = start.length > 0 || Object.values(outcomes).some((outcome) => IN_FLIGHT.has(outcome));
  const othersSettled = !busy && [...standing].every(([name, s]) => s !== 'pending' || (cancelled && !outcomes[name]));
  if (finalizer && othersSettled && rootOutcome && rootOutcome !== 'SKIPPED' && !suspended.has(finalizer) && !outcomes[finalizer]) {
    return { start: [finalizer], blocked, complete: false, state: 'EXECUTING' };
  }
  if (!othersSettled) return { start, blocked, complete: false, state: 'EXECUTING' };
  return { start, blocked, complete: true, state: finalState(rootOutcome, Object.values(outcomes)) };
}

/**
 * A child is ready when every predecessor stands as succeeded, blocked when any is blocked.
 * A multi-parent child also needs at least one resumed parent; with every parent
 * suspended it does not run.
 */
function readiness(predecessors: readonly string[], standing: ReadonlyMap<string, Standing>, suspended: ReadonlySet<string>): Standing {
  const states = predecessors.map((p) => standing.get(p) ?? 'blocked');
  if (states.includes('blocked')) return 'blocked';
  if (states.includes('pending')) return 'pending';
  if (predecessors.length > 1 && predecessors.every((p) => suspended.has(p))) return 'blocked';
  return 'succeeded';
}

/** A cancel outranks a failure: it is what ended the run. */
function finalState(rootOutcome: TaskRunState | undefined, outcomes: readonly TaskRunState[]): GraphRunState {
  if (rootOutcome === 'SKIPPED') return 'SKIPPED';
  if (outcomes.includes('CANCELLED')) return 'CANCELLED';
  if (outcomes.some((outcome) => FAILED.has(outcome))) return 'FAILED';
  return 'SUCCEEDED';
}
