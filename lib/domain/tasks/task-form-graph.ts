/**
 * The task form's graph checks, made before anything is submitted: what choosing these
 * predecessors or this finalizer root would break (cycles, limits, one schema, one finalizer),
 * and which roots must be suspended while the change runs. The rules themselves live in
 * lib/domain/task-graph/graph.ts; Snowflake documents them in
 * https://docs.snowflake.com/en/sql-reference/sql/create-task and
 * https://docs.snowflake.com/en/user-guide/tasks-graphs.
 */
import { checkAddPredecessors, graphRoots, roots, validateGraph, type GraphProblem, type GraphTask } from '../task-graph/graph';
import type { TaskDefinition } from './task-definition';

/** The graph with `name` as the form will leave it, before the change being checked. */
function graphWith(tasks: readonly GraphTask[], name: string, change: (task: GraphTask) => GraphTask): GraphTask[] {
  const exists = tasks.some((task) => task.name === name);
  // A task being created joins the graph suspended and unattached (tasks are created suspended).
  const all = exists ? tasks : [...tasks, { name, predecessors: [], state: 'suspended' as const }];
  return all.map((task) => (task.name === name ? change(task) : task));
}

/**
 * What giving task `name` (fully qualified; it may not exist yet) exactly these predecessors
 * would break, cycles first. Predecessors it keeps are not checked again.
 */
export function predecessorProblems(tasks: readonly GraphTask[], name: string, predecessors: readonly string[]): GraphProblem[] {
  const current = tasks.find((task) => task.name === name)?.predecessors ?? [];
  const kept = current.filter((p) => predecessors.includes(p));
  // Schedule and FINALIZE are left out: the form says on those fields that a child has neither.
  const base = graphWith(tasks, name, (task) => ({ ...task, predecessors: kept, schedule: null, finalize: null }));
  return checkAddPredecessors({ tasks: base }, name, predecessors.filter((p) => !kept.includes(p)));
}

/**
 * What making task `name` the finalizer of `root` would break: a root with another finalizer,
 * a root that is not a root, a finalizer with children. A finalizer has no predecessors
 * or schedule, which the form checks on its own.
 */
export function finalizerProblems(tasks: readonly GraphTask[], name: string, root: string | null): GraphProblem[] {
  if (root === null) return [];
  const base = graphWith(tasks, name, (task) => ({ ...task, predecessors: [], schedule: null, finalize: null }));
  const changed = base.map((task) => (task.name === name ? { ...task, finalize: root } : task));
  const before = new Set(validateGraph({ tasks: base }).map((problem) => problem.message));
  return validateGraph({ tasks: changed }).filter((problem) => !before.has(problem.message));
}

/** Roots a finalizer may name: roots of graphs other than the task itself. */
export function finalizerChoices<T extends GraphTask>(tasks: readonly T[], name: string): T[] {
  const rootNames = new Set(roots({ tasks }));
  return tasks.filter((task) => task.name !== name && rootNames.has(task.name));
}

/** graphRoots over the dashboard's tasks: the root tasks of the graphs holding any of `names`. */
export function graphRootsOf(tasks: readonly TaskDefinition[], names: readonly (string | null)[]): TaskDefinition[] {
  const byName = new Map(tasks.map((task) => [task.name, task]));
  return graphRoots((name) => byName.get(name), names).flatMap((name) => byName.get(name) ?? []);
}
