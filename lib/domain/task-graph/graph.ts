/**
 * The structure of Snowflake task graphs and the rules CREATE/ALTER TASK enforce on it
 * (https://docs.snowflake.com/en/sql-reference/sql/create-task,
 * https://docs.snowflake.com/en/sql-reference/sql/alter-task and
 * https://docs.snowflake.com/en/user-guide/tasks-graphs). Pure: the local warehouse checks statements with it and
 * the task form checks predecessors with it before submit.
 *
 * Task names are fully qualified (DB.SCHEMA.NAME, quoted parts allowed) and compared exactly as
 * given, so callers pass them in one resolved spelling (as SHOW TASKS and TASK_DEPENDENTS do).
 */
import { isSymbol, isTrivia, lex } from '../sql/lexer';

export type TaskState = 'started' | 'suspended';

export interface GraphTask {
  /** Fully qualified: DB.SCHEMA.NAME. */
  name: string;
  /** AFTER: the tasks this one runs after. */
  predecessors: readonly string[];
  /**
   * FINALIZE = <root>: set on a finalizer, naming the root it finalizes. It lives on the
   * finalizer because that is where CREATE TASK … FINALIZE and ALTER TASK SET FINALIZE put it.
   */
  finalize?: string | null;
  /** SCHEDULE text, or null/absent when the task has none. */
  schedule?: string | null;
  state: TaskState;
}

export interface TaskGraph {
  tasks: readonly GraphTask[];
}

/** CREATE TASK's documented limits. */
export const TASK_GRAPH_LIMITS = {
  predecessorsPerTask: 100,
  childrenPerTask: 100,
  /** Root included, suspended or resumed. */
  tasksPerGraph: 1000,
} as const;

export type GraphProblemCode =
  | 'duplicate_task'
  | 'not_qualified'
  | 'unknown_task'
  | 'cycle'
  | 'too_many_predecessors'
  | 'too_many_children'
  | 'too_many_tasks'
  | 'mixed_schemas'
  | 'several_roots'
  | 'schedule_on_child'
  | 'finalizer_rule';

export interface GraphProblem {
  code: GraphProblemCode;
  /** The tasks the problem is about, in the order the message names them. */
  tasks: string[];
  message: string;
}

/** Thrown by functions that need an acyclic graph; validate first to get every problem at once. */
export class TaskGraphError extends Error {
  constructor(readonly problem: GraphProblem) {
    super(problem.message);
    this.name = 'TaskGraphError';
  }
}

export interface GraphIndex {
  byName: ReadonlyMap<string, GraphTask>;
  /** Each task's children (tasks naming it in AFTER), in input order; every task has an entry. */
  children: ReadonlyMap<string, readonly string[]>;
  /** Root name → the finalizers that name it (more than one is a problem). */
  finalizers: ReadonlyMap<string, readonly string[]>;
}

export function indexGraph(graph: TaskGraph): GraphIndex {
  const byName = new Map<string, GraphTask>();
  const children = new Map<string, string[]>();
  const finalizers = new Map<string, string[]>();
  for (const task of graph.tasks) {
    if (!byName.has(task.name)) byName.set(task.name, task);
    children.set(task.name, []);
  }
  for (const task of byName.values()) {
    for (const predecessor of new Set(task.predecessors)) children.get(predecessor)?.push(task.name);
    if (task.finalize) finalizers.set(task.finalize, [...(finalizers.get(task.finalize) ?? []), task.name]);
  }
  return { byName, children, finalizers };
}

/**
 * The roots of the graphs holding any of `names`: up through predecessors, and from a finalizer
 * to the root it finalizes. A standalone task is its own root. `lookup` finds a task by name.
 */
export function graphRoots(
  lookup: (name: string) => Pick<GraphTask, 'predecessors' | 'finalize'> | undefined,
  names: readonly (string | null)[],
): string[] {
  const found = new Set<string>();
  const seen = new Set<string>();
  const stack = names.filter((name): name is string => name !== null);
  while (stack.length > 0) {
    const name = stack.pop() as string;
    const task = lookup(name);
    if (!task || seen.has(name)) continue;
    seen.add(name);
    if (task.finalize) stack.push(task.finalize);
    else if (task.predecessors.length === 0) found.add(name);
    else stack.push(...task.predecessors);
  }
  return [...found];
}

/** Tasks that start a graph: no predecessors, and not a finalizer (which has none either). */
export function roots(graph: TaskGraph): string[] {
  return [...indexGraph(graph).byName.values()]
    .filter((task) => task.predecessors.length === 0 && !task.finalize)
    .map((task) => task.name);
}

export function childrenMap(graph: TaskGraph): ReadonlyMap<string, readonly string[]> {
  return indexGraph(graph).children;
}

/**
 * A cycle as a path in run order that ends where it starts (A → B → A), or null. With `from`,
 * only cycles through that task are looked for.
 */
export function findCycle(graph: TaskGraph, from?: string): string[] | null {
  const { byName, children } = indexGraph(graph);
  const done = new Set<string>();
  const onPath = new Map<string, number>();
  const path: string[] = [];
  // Recursion would overflow on a 1000-task chain in some engines; an explicit stack does not.
  const walk = (start: string): string[] | null => {
    const stack: { name: string; next: number }[] = [{ name: start, next: 0 }];
    onPath.set(start, 0);
    path.push(start);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const next = children.get(frame.name)?.[frame.next++];
      if (next === undefined) {
        stack.pop();
        path.pop();
        onPath.delete(frame.name);
        done.add(frame.name);
        continue;
      }
      const at = onPath.get(next);
      if (at !== undefined) {
        const cycle = [...path.slice(at), next];
        return from === undefined || cycle.includes(from) ? cycle : null;
      }
      if (done.has(next)) continue;
      onPath.set(next, path.length);
      path.push(next);
      stack.push({ name: next, next: 0 });
    }
    return null;
  };
  for (const name of from === undefined ? byName.keys() : [from]) {
    if (done.has(name) || !byName.has(name)) continue;
    const cycle = walk(name);
    if (cycle) return cycle;
  }
  return null;
}

function cycleProblem(cycle: readonly string[], lead: string): GraphProblem {
  return { code: 'cycle', tasks: cycle.slice(0, -1), message: `${lead}: ${cycle.join(' → ')}.` };
}

/**
 * Every task in an order where predecessors come first; ties keep input order, and finalizers
 * come last because they run after everything else in their graph.
 */
export function topologicalOrder(graph: TaskGraph): string[] {
  const { byName, children } = indexGraph(graph);
  const waitingOn = new Map<string, number>();
  for (const task of byName.values()) {
    waitingOn.set(task.name, new Set(task.predecessors.filter((p) => byName.has(p))).size);
  }
  const order = [...byName.values()].filter((task) => waitingOn.get(task.name) === 0).map((task) => task.name);
  for (let i = 0; i < order.length; i++) {
    for (const child of children.get(order[i]) ?? []) {
      const left = (waitingOn.get(child) ?? 0) - 1;
      waitingOn.set(child, left);
      if (left === 0) order.push(child);
    }
  }
  if (order.length < byName.size) {
    // Kahn's algorithm leaves exactly the tasks on or behind a cycle, so findCycle finds one.
    throw new TaskGraphError(cycleProblem(findCycle(graph) ?? [], 'Task graph has a cycle'));
  }
  const last = (name: string) => Boolean(byName.get(name)?.finalize) && (children.get(name) ?? []).length === 0;
  return [...order.filter((name) => !last(name)), ...order.filter(last)];
}

/** DB.SCHEMA of a fully qualified name, or null when the name has fewer than three parts. */
export function schemaOf(name: string): string | null {
  // Most names have no quoted part; those need no lexing (validation asks this for every task).
  if (!name.includes('"')) {
    const parts = name.split('.');
    return parts.length === 3 ? `${parts[0]}.${parts[1]}`.trim() : null;
  }
  const dots = lex(name).filter((token) => !isTrivia(token) && isSymbol(token, '.'));
  return dots.length === 2 ? name.slice(0, dots[1].start).trim() : null;
}

function finalizerProblem(finalizer: string, rule: string, others: string[] = []): GraphProblem {
  return { code: 'finalizer_rule', tasks: [finalizer, ...others], message: `Finalizer task ${finalizer} ${rule}.` };
}

/**
 * Every rule broken, each once. Messages: the documentation gives the rules but not Snowflake's
 * exact error text, so these are Flurry's wording, naming the tasks involved.
 */
export function validateGraph(graph: TaskGraph): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const index = indexGraph(graph);
  const { byName, children, finalizers } = index;
  const seen = new Set<string>();
  for (const task of graph.tasks) {
    if (seen.has(task.name)) {
      problems.push({ code: 'duplicate_task', tasks: [task.name], message: `Task ${task.name} is defined more than once.` });
    }
    seen.add(task.name);
  }
  for (const task of byName.values()) problems.push(...taskProblems(task, index));
  for (const [root, names] of finalizers) {
    if (names.length > 1) {
      problems.push({
        code: 'finalizer_rule',
        tasks: [root, ...names],
        message: `Root task ${root} has more than one finalizer (${names.join(', ')}); a root has at most one.`,
      });
    }
  }
  const cycle = findCycle(graph);
  if (cycle) problems.push(cycleProblem(cycle, 'Task graph has a cycle'));
  problems.push(...membershipProblems(byName, children, finalizers));
  return problems;
}

function taskProblems(task: GraphTask, { byName, children }: GraphIndex): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const name = task.name;
  if (schemaOf(name) === null) {
    problems.push({ code: 'not_qualified', tasks: [name], message: `Task name ${name} is not fully qualified as DB.SCHEMA.NAME.` });
  }
  for (const predecessor of task.predecessors) {
    if (!byName.has(predecessor)) {
      problems.push({ code: 'unknown_task', tasks: [name, predecessor], message: `Task ${name} runs after ${predecessor}, which does not exist.` });
    }
  }
  const predecessorCount = new Set(task.predecessors).size;
  if (predecessorCount > TASK_GRAPH_LIMITS.predecessorsPerTask) {
    problems.push({
      code: 'too_many_predecessors',
      tasks: [name],
      message: `Task ${name} has ${predecessorCount} predecessors; a task can have at most ${TASK_GRAPH_LIMITS.predecessorsPerTask}.`,
    });
  }
  const childList = children.get(name) ?? [];
  if (childList.length > TASK_GRAPH_LIMITS.childrenPerTask) {
    problems.push({
      code: 'too_many_children',
      tasks: [name],
      message: `Task ${name} has ${childList.length} child tasks; a task can have at most ${TASK_GRAPH_LIMITS.childrenPerTask}.`,
    });
  }
  if (task.schedule && task.predecessors.length > 0) {
    problems.push({
      code: 'schedule_on_child',
      tasks: [name],
      message: `Task ${name} runs after other tasks and cannot have a SCHEDULE; only a root task is scheduled.`,
    });
  }
  if (task.finalize) problems.push(...finalizerRules(task, childList, byName));
  return problems;
}

function finalizerRules(task: GraphTask, childList: readonly string[], byName: GraphIndex['byName']): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const root = byName.get(task.finalize ?? '');
  if (!root) problems.push(finalizerProblem(task.name, `finalizes ${task.finalize}, which does not exist`));
  else if (root.predecessors.length > 0 || root.finalize) {
    problems.push(finalizerProblem(task.name, `finalizes ${root.name}, which is not a root task`, [root.name]));
  }
  if (childList.length > 0) problems.push(finalizerProblem(task.name, `cannot have child tasks (${childList.join(', ')})`, [...childList]));
  if (task.schedule) problems.push(finalizerProblem(task.name, 'cannot have a SCHEDULE'));
  // The documentation is silent here; a finalizer is tied to its root by FINALIZE, not AFTER, and
  // runs after everything else, so a predecessor would contradict "runs last".
  if (task.predecessors.length > 0) problems.push(finalizerProblem(task.name, 'cannot have predecessors'));
  return problems;
}

/** Each root's graph: the tasks reachable from it, plus its finalizer. */
export function graphMembers(root: string, index: Pick<GraphIndex, 'children' | 'finalizers'>): string[] {
  const members = [root];
  const seen = new Set(members);
  for (let i = 0; i < members.length; i++) {
    for (const child of index.children.get(members[i]) ?? []) {
      if (!seen.has(child)) {
        seen.add(child);
        members.push(child);
      }
    }
  }
  members.push(...(index.finalizers.get(root) ?? []).filter((f) => !seen.has(f)));
  return members;
}

function membershipProblems(
  byName: GraphIndex['byName'],
  children: GraphIndex['children'],
  finalizers: GraphIndex['finalizers'],
): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const rootOf = new Map<string, string>();
  const rootNames = [...byName.values()].filter((t) => t.predecessors.length === 0 && !t.finalize).map((t) => t.name);
  for (const root of rootNames) {
    const members = graphMembers(root, { children, finalizers });
    if (members.length > TASK_GRAPH_LIMITS.tasksPerGraph) {
      problems.push({
        code: 'too_many_tasks',
        tasks: [root],
        message: `Task graph of root ${root} has ${members.length} tasks; a graph can have at most ${TASK_GRAPH_LIMITS.tasksPerGraph}, root included.`,
      });
    }
    const rootSchema = schemaOf(root);
    const stranger = members.find((m) => schemaOf(m) !== rootSchema);
    if (stranger && rootSchema) {
      problems.push({
        code: 'mixed_schemas',
        tasks: [root, stranger],
        message: `Task ${stranger} is in schema ${schemaOf(stranger)} but its graph's root ${root} is in ${rootSchema}; all tasks in a graph share one schema.`,
      });
    }
    // The documentation is silent on two roots reaching one task; Snowflake documents a graph as
    // having a single root, so a task that joins two graphs is refused.
    for (const member of members) {
      const other = rootOf.get(member);
      if (other !== undefined && other !== root && !byName.get(member)?.finalize) {
        problems.push({
          code: 'several_roots',
          tasks: [member, other, root],
          message: `Task ${member} is in the graphs of two roots, ${other} and ${root}; a task graph has one root.`,
        });
      }
      rootOf.set(member, root);
    }
  }
  return dedupeSeveralRoots(problems);
}

/** One several-roots problem per pair of roots is enough to act on; the rest repeat it. */
function dedupeSeveralRoots(problems: GraphProblem[]): GraphProblem[] {
  const pairs = new Set<string>();
  return problems.filter((p) => {
    if (p.code !== 'several_roots') return true;
    const pair = `${p.tasks[1]}\u0000${p.tasks[2]}`;
    if (pairs.has(pair)) return false;
    pairs.add(pair);
    return true;
  });
}

/**
 * What ALTER TASK `task` ADD AFTER `newPredecessors` would break, checked before submit: the
 * problems the changed graph has that the current one does not. A cycle is reported as the path
 * through `task`.
 */
export function checkAddPredecessors(graph: TaskGraph, task: string, newPredecessors: readonly string[]): GraphProblem[] {
  const current = graph.tasks.find((t) => t.name === task);
  if (!current) {
    return [{ code: 'unknown_task', tasks: [task], message: `Task ${task} does not exist.` }];
  }
  const self = newPredecessors.includes(task);
  const changed: TaskGraph = {
    tasks: graph.tasks.map((t) =>
      t === current ? { ...t, predecessors: [...new Set([...t.predecessors, ...newPredecessors.filter((p) => p !== task)])] } : t,
    ),
  };
  const before = new Set(validateGraph(graph).map((p) => p.message));
  const problems = validateGraph(changed).filter((p) => p.code !== 'cycle' && !before.has(p.message));
  const cycle = self ? [task, task] : findCycle(changed, task);
  if (cycle) problems.unshift(cycleProblem(cycle, `Adding ${newPredecessors.join(', ')} before ${task} would create a cycle`));
  return problems;
}
