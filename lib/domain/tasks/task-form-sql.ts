/**
 * The exact statements the task form runs: CREATE TASK for a new task, and the ALTER TASK list
 * that turns an existing task into the form's values. Names are quoted only when they must be,
 * strings are literals, the body and WHEN go in as written. Snowflake's rules followed here:
 * https://docs.snowflake.com/en/sql-reference/sql/create-task,
 * https://docs.snowflake.com/en/sql-reference/sql/alter-task and
 * https://docs.snowflake.com/en/user-guide/tasks-graphs.
 */
import { sqlIdentifier, sqlStringLiteral } from '../sql/literals';
import type { TaskState } from '../task-graph/graph';
import type { TaskDefinition } from './task-definition';
import { graphRootsOf } from './task-form-graph';
import { qualifiedTaskName, scheduleText, taskFormValuesOf, type TaskFormValues } from './task-form';

/** CONFIG as a $$…$$ literal, which keeps JSON readable, unless the JSON itself holds `$$`. */
function configLiteral(json: string): string {
  return json.includes('$$') ? sqlStringLiteral(json) : `$$${json}$$`;
}

interface Property {
  keyword: string;
  /** The value as SQL, or null when the values do not give it. */
  sql(values: TaskFormValues): string | null;
  /**
   * What a null value means in the edit form: the property is absent (ALTER … UNSET it), or
   * SHOW TASKS does not report it and the form leaves it as it is.
   */
  whenNull: 'unset' | 'keep';
}

const number = (n: number | null) => (n === null ? null : String(n));
const literal = (text: string | null) => (text === null ? null : sqlStringLiteral(text));

/** In CREATE TASK's order; WAREHOUSE comes before the size so a switch unsets it first. */
const PROPERTIES: readonly Property[] = [
  { keyword: 'WAREHOUSE', sql: (v) => (v.warehouse === null ? null : sqlIdentifier(v.warehouse)), whenNull: 'unset' },
  { keyword: 'USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE', sql: (v) => literal(v.initialWarehouseSize), whenNull: 'keep' },
  { keyword: 'SCHEDULE', sql: (v) => literal(scheduleText(v.schedule)), whenNull: 'unset' },
  { keyword: 'CONFIG', sql: (v) => (v.config === null ? null : configLiteral(v.config)), whenNull: 'unset' },
  { keyword: 'OVERLAP_POLICY', sql: (v) => v.overlapPolicy, whenNull: 'keep' },
  { keyword: 'USER_TASK_TIMEOUT_MS', sql: (v) => number(v.userTaskTimeoutMs), whenNull: 'keep' },
  { keyword: 'SUSPEND_TASK_AFTER_NUM_FAILURES', sql: (v) => number(v.suspendTaskAfterNumFailures), whenNull: 'keep' },
  { keyword: 'COMMENT', sql: (v) => literal(v.comment), whenNull: 'unset' },
  { keyword: 'TASK_AUTO_RETRY_ATTEMPTS', sql: (v) => number(v.taskAutoRetryAttempts), whenNull: 'keep' },
];

const SCHEDULE = PROPERTIES.find((p) => p.keyword === 'SCHEDULE') as Property;

export function createTaskSql(values: TaskFormValues): string {
  const clauses = PROPERTIES.flatMap((property) => {
    const sql = property.sql(values);
    return sql === null ? [] : [`${property.keyword} = ${sql}`];
  });
  if (values.finalize !== null) clauses.push(`FINALIZE = ${values.finalize}`);
  if (values.predecessors.length > 0) clauses.push(`AFTER ${values.predecessors.join(', ')}`);
  if (values.when !== null) clauses.push(`WHEN ${values.when}`);
  return [`CREATE TASK ${qualifiedTaskName(values)}`, ...clauses.map((clause) => `  ${clause}`), `AS`, values.body].join('\n');
}

/** A graph's root (or a standalone task) as far as changing its graph is concerned. */
export interface RootState {
  name: string;
  state: TaskState;
}

/**
 * `statements` run with each started root suspended first and resumed after, as Snowflake
 * requires before a graph or standalone task changes. Nothing to run stays nothing.
 */
export function withRootsSuspended(statements: readonly string[], roots: readonly RootState[]): string[] {
  if (statements.length === 0) return [];
  const started = [...new Set(roots.filter((root) => root.state === 'started').map((root) => root.name))];
  return [
    ...started.map((root) => `ALTER TASK ${root} SUSPEND`),
    ...statements,
    ...started.reverse().map((root) => `ALTER TASK ${root} RESUME`),
  ];
}

/**
 * The ALTER TASK statements that turn `before` into `values`, wrapped in SUSPEND/RESUME of the
 * started roots among `roots` (those of the graphs the change touches; task-form-graph.ts
 * finds them). The task keeps `before`'s name: ALTER TASK has no RENAME. Each statement changes one
 * thing, ordered so no step passes through a graph Snowflake refuses: a schedule is unset and
 * predecessors removed before predecessors are added and a schedule set (a child has no
 * schedule), and FINALIZE is unset first and set last (a finalizer has neither).
 */
export function alterTaskSql(before: TaskDefinition, values: TaskFormValues, roots: readonly RootState[]): string[] {
  const was = taskFormValuesOf(before);
  const alter = (action: string) => `ALTER TASK ${before.name} ${action}`;
  const statements: string[] = [];

  if (was.finalize !== null && values.finalize === null) statements.push(alter('UNSET FINALIZE'));
  const scheduleBefore = SCHEDULE.sql(was);
  const scheduleAfter = SCHEDULE.sql(values);
  if (scheduleBefore !== null && scheduleAfter === null) statements.push(alter('UNSET SCHEDULE'));

  const removed = was.predecessors.filter((name) => !values.predecessors.includes(name));
  const added = values.predecessors.filter((name) => !was.predecessors.includes(name));
  if (removed.length > 0) statements.push(alter(`REMOVE AFTER ${removed.join(', ')}`));

  for (const property of PROPERTIES) {
    if (property === SCHEDULE) continue;
    const old = property.sql(was);
    const next = property.sql(values);
    if (next !== null && next !== old) statements.push(alter(`SET ${property.keyword} = ${next}`));
    if (next === null && old !== null && property.whenNull === 'unset') statements.push(alter(`UNSET ${property.keyword}`));
  }

  if (scheduleAfter !== null && scheduleAfter !== scheduleBefore) statements.push(alter(`SET SCHEDULE = ${scheduleAfter}`));
  if (added.length > 0) statements.push(alter(`ADD AFTER ${added.join(', ')}`));
  if (values.finalize !== null && values.finalize !== was.finalize) statements.push(alter(`SET FINALIZE = ${values.finalize}`));
  if (values.body !== was.body) statements.push(alter(`MODIFY AS ${values.body}`));
  if (values.when !== was.when) statements.push(alter(values.when === null ? 'REMOVE WHEN' : `MODIFY WHEN ${values.when}`));

  // Losing every predecessor on the way to new ones makes a child a suspended root;
  // a started task is resumed again once it is a child once more.
  const passedThroughRoot = removed.length > 0 && removed.length === was.predecessors.length && added.length > 0;
  if (passedThroughRoot && before.state === 'started') statements.push(alter('RESUME'));

  return withRootsSuspended(statements, roots);
}

/**
 * What saving the form runs: CREATE TASK, or the ALTER TASKs from `initial` to `values`, with the
 * started roots of every graph the change touches suspended around them. The form shows these
 * statements and the server action rebuilds them from the same input, so what runs is what was
 * shown, and no SQL text comes from the browser.
 */
export function taskFormStatements(
  values: TaskFormValues,
  { mode, tasks, initial }: { mode: 'create' | 'edit'; tasks: readonly TaskDefinition[]; initial?: TaskDefinition },
): { statements: string[]; startedRoots: string[] } {
  const touched = [...values.predecessors, values.finalize];
  const roots = graphRootsOf(tasks, initial ? [initial.name, ...touched] : touched);
  const statements =
    mode === 'edit' && initial ? alterTaskSql(initial, values, roots) : withRootsSuspended([createTaskSql(values)], roots);
  const startedRoots = statements.length === 0 ? [] : roots.filter((root) => root.state === 'started').map((root) => root.name);
  return { statements, startedRoots };
}
