/**
 * A task as the local warehouse stores it, and the names it is known by. Names are kept as
 * Snowflake resolves them (unquoted parts upper-cased); `key` is the canonical qualified name,
 * DB.SCHEMA.NAME with each part quoted only when it must be, which is also what SHOW TASKS'
 * predecessors and TASK_DEPENDENTS print and what the graph rules (lib/domain/task-graph) compare.
 */
import { qualifiedName } from '@/lib/domain/service-rows';
import type { ObjectName } from '@/lib/domain/sql/sql-reader';
import type { GraphTask, TaskState } from '@/lib/domain/task-graph/graph';
import type { OverlapPolicy } from '@/lib/domain/tasks/task-properties';

export interface TaskRecord {
  /** SHOW TASKS' id; TASK_HISTORY's ROOT_TASK_ID names a root by it. */
  id: string;
  database: string;
  schema: string;
  name: string;
  owner: string;
  comment: string | null;
  warehouse: string | null;
  initialWarehouseSize: string | null;
  schedule: string | null;
  config: string | null;
  overlapPolicy: OverlapPolicy;
  timeoutMs: number;
  suspendAfterFailures: number;
  autoRetryAttempts: number;
  sessionParameters: Record<string, string>;
  errorIntegration: string | null;
  successIntegration: string | null;
  logLevel: string | null;
  targetCompletionInterval: string | null;
  /** Keys of the tasks named in AFTER, in the order given. */
  predecessors: string[];
  /** Key of the root this task finalizes. */
  finalize: string | null;
  condition: string | null;
  definition: string;
  state: TaskState;
  createdMs: number;
  /** When the definition last changed (SHOW TASKS' last_committed_on). */
  committedMs: number;
  suspendedMs: number | null;
  suspendedReason: string | null;
  /**
   * When the task was last resumed: interval schedules count from it
   * (https://docs.snowflake.com/en/sql-reference/sql/alter-task).
   */
  resumedMs: number | null;
  /** Consecutive failed runs (user errors and timeouts), for SUSPEND_TASK_AFTER_NUM_FAILURES. */
  consecutiveFailures: number;
  /** On a root: bumped whenever a task of its graph changes (TASK_HISTORY's GRAPH_VERSION). */
  graphVersion: number;
}

/** CREATE TASK's documented defaults (https://docs.snowflake.com/en/sql-reference/sql/create-task). */
export const TASK_DEFAULTS = {
  timeoutMs: 3_600_000,
  suspendAfterFailures: 10,
  autoRetryAttempts: 0,
  overlapPolicy: 'NO_OVERLAP' as OverlapPolicy,
};

/** The same spelling the dashboard derives from SHOW TASKS and TASK_HISTORY rows. */
export function taskKey(database: string, schema: string, name: string): string {
  return qualifiedName(database, schema, name);
}

export function keyOf(task: Pick<TaskRecord, 'database' | 'schema' | 'name'>): string {
  return taskKey(task.database, task.schema, task.name);
}

/** Completes a statement's name with the session's database and schema. */
export function resolveName(name: ObjectName, session: { database: string; schema: string }): { database: string; schema: string; name: string } {
  return { database: name.database ?? session.database, schema: name.schema ?? session.schema, name: name.name };
}

export function toGraphTask(task: TaskRecord): GraphTask {
  return {
    name: keyOf(task),
    predecessors: task.predecessors,
    finalize: task.finalize,
    schedule: task.schedule,
    state: task.state,
  };
}
