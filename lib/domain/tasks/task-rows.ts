/**
 * Rows of SHOW TASKS, TASK_HISTORY and CURRENT_TASK_GRAPHS → the dashboard's shapes (columns as
 * in https://github.com/Snowflake-Labs/terraform-provider-snowflake/blob/main/pkg/sdk/tasks_gen.go,
 * https://docs.snowflake.com/en/sql-reference/functions/task_history and
 * https://docs.snowflake.com/en/sql-reference/functions/current_task_graphs). Names are qualified
 * the way the warehouse reads them back, so a TASK_HISTORY row finds its task and a predecessor
 * list finds its tasks. Pure.
 */
import type { TaskRunState } from '../task-graph/run-semantics';
import { cell, epochMs, numberOrNull, qualifiedName, textOrNull } from '../service-rows';
import type { TaskDefinition } from './task-definition';

type Row = Record<string, unknown>;

const TASK_RUN_STATES: readonly TaskRunState[] = [
  'SCHEDULED',
  'EXECUTING',
  'SUCCEEDED',
  'FAILED',
  'FAILED_AND_AUTO_SUSPENDED',
  'CANCELLED',
  'SKIPPED',
];

/** One TASK_HISTORY row: a task's run in one attempt of a graph run, or a root's next run. */
export interface TaskRun {
  /** The task, qualified (as TaskDefinition.name). */
  task: string;
  shortName: string;
  queryId: string | null;
  state: TaskRunState;
  errorCode: string | null;
  errorMessage: string | null;
  scheduledAt: number;
  startedAt: number | null;
  completedAt: number | null;
  nextScheduledAt: number | null;
  rootTaskId: string;
  graphVersion: number;
  runId: number;
  attempt: number;
  scheduledFrom: string;
  graphRunGroupId: string | null;
}

/** A CURRENT_TASK_GRAPHS row: a graph run scheduled or executing. */
export interface CurrentGraphRun {
  rootTaskId: string;
  state: 'SCHEDULED' | 'EXECUTING';
  runId: number;
  attempt: number;
  scheduledAt: number;
}

function stringList(value: unknown): string[] {
  const text = textOrNull(value);
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

function relations(value: unknown): { finalizer: string | null; finalize: string | null } {
  const text = textOrNull(value);
  if (!text) return { finalizer: null, finalize: null };
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    return { finalizer: textOrNull(parsed.FinalizerTask), finalize: textOrNull(parsed.FinalizedRootTask) };
  } catch {
    return { finalizer: null, finalize: null };
  }
}

/** A SHOW TASKS row; null when it lacks a name, database or schema. */
export function parseTaskRow(row: Row): TaskDefinition | null {
  const shortName = textOrNull(cell(row, 'name'));
  const database = textOrNull(cell(row, 'database_name'));
  const schema = textOrNull(cell(row, 'schema_name'));
  if (!shortName || !database || !schema) return null;
  const { finalizer, finalize } = relations(cell(row, 'task_relations'));
  return {
    name: qualifiedName(database, schema, shortName),
    database,
    schema,
    shortName,
    id: textOrNull(cell(row, 'id')) ?? '',
    owner: textOrNull(cell(row, 'owner')) ?? '',
    comment: textOrNull(cell(row, 'comment')),
    warehouse: textOrNull(cell(row, 'warehouse')),
    schedule: textOrNull(cell(row, 'schedule')),
    predecessors: stringList(cell(row, 'predecessors')),
    state: textOrNull(cell(row, 'state'))?.toLowerCase() === 'started' ? 'started' : 'suspended',
    definition: textOrNull(cell(row, 'definition')) ?? '',
    condition: textOrNull(cell(row, 'condition')),
    allowOverlappingExecution: String(cell(row, 'allow_overlapping_execution')).toLowerCase() === 'true',
    config: textOrNull(cell(row, 'config')),
    finalize,
    finalizer,
    createdOn: epochMs(cell(row, 'created_on')) ?? 0,
    lastSuspendedReason: textOrNull(cell(row, 'last_suspended_reason')),
  };
}

/** A TASK_HISTORY row; null when it lacks what identifies the run. */
export function parseTaskRunRow(row: Row): TaskRun | null {
  const shortName = textOrNull(cell(row, 'NAME'));
  const database = textOrNull(cell(row, 'DATABASE_NAME'));
  const schema = textOrNull(cell(row, 'SCHEMA_NAME'));
  const state = textOrNull(cell(row, 'STATE')) as TaskRunState | null;
  const scheduledAt = epochMs(cell(row, 'SCHEDULED_TIME'));
  const runId = numberOrNull(cell(row, 'RUN_ID'));
  if (!shortName || !database || !schema || !state || !TASK_RUN_STATES.includes(state) || scheduledAt === null || runId === null) return null;
  return {
    task: qualifiedName(database, schema, shortName),
    shortName,
    queryId: textOrNull(cell(row, 'QUERY_ID')),
    state,
    errorCode: textOrNull(cell(row, 'ERROR_CODE')),
    errorMessage: textOrNull(cell(row, 'ERROR_MESSAGE')),
    scheduledAt,
    startedAt: epochMs(cell(row, 'QUERY_START_TIME')),
    completedAt: epochMs(cell(row, 'COMPLETED_TIME')),
    nextScheduledAt: epochMs(cell(row, 'NEXT_SCHEDULED_TIME')),
    rootTaskId: textOrNull(cell(row, 'ROOT_TASK_ID')) ?? '',
    graphVersion: numberOrNull(cell(row, 'GRAPH_VERSION')) ?? 0,
    runId,
    attempt: numberOrNull(cell(row, 'ATTEMPT_NUMBER')) ?? 1,
    scheduledFrom: textOrNull(cell(row, 'SCHEDULED_FROM')) ?? '',
    graphRunGroupId: textOrNull(cell(row, 'GRAPH_RUN_GROUP_ID')),
  };
}

export function parseCurrentGraphRow(row: Row): CurrentGraphRun | null {
  const state = textOrNull(cell(row, 'STATE'));
  const rootTaskId = textOrNull(cell(row, 'ROOT_TASK_ID'));
  const runId = numberOrNull(cell(row, 'RUN_ID'));
  const scheduledAt = epochMs(cell(row, 'SCHEDULED_TIME'));
  if ((state !== 'SCHEDULED' && state !== 'EXECUTING') || !rootTaskId || runId === null || scheduledAt === null) return null;
  return { rootTaskId, state, runId, attempt: numberOrNull(cell(row, 'ATTEMPT_NUMBER')) ?? 1, scheduledAt };
}
