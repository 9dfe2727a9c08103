/**
 * SHOW TASKS and DESCRIBE TASK results with Snowflake's columns (as listed in
 * https://github.com/Snowflake-Labs/terraform-provider-snowflake/blob/main/pkg/sdk/tasks_gen.go). Predecessors are
 * a JSON array of qualified names; task_relations says which finalizer a root has, or which root
 * a finalizer finalizes.
 */
import { type Column } from '../engine/table-rows';
import { keyOf, type TaskRecord } from './task-record';

export interface TaskView {
  task: TaskRecord;
  /** The finalizer of this root, if any. */
  finalizer: string | null;
}

function taskRelations({ task, finalizer }: TaskView): string {
  const relations: Record<string, unknown> = { Predecessors: task.predecessors };
  if (finalizer) relations.FinalizerTask = finalizer;
  if (task.finalize) relations.FinalizedRootTask = task.finalize;
  return JSON.stringify(relations);
}

export const TASK_COLUMNS: Column<TaskView>[] = [
  ['created_on', 'time', ({ task }) => task.createdMs],
  ['name', 'text', ({ task }) => task.name],
  ['id', 'text', ({ task }) => task.id],
  ['database_name', 'text', ({ task }) => task.database],
  ['schema_name', 'text', ({ task }) => task.schema],
  ['owner', 'text', ({ task }) => task.owner],
  ['comment', 'text', ({ task }) => task.comment],
  ['warehouse', 'text', ({ task }) => task.warehouse],
  ['schedule', 'text', ({ task }) => task.schedule],
  ['predecessors', 'text', ({ task }) => JSON.stringify(task.predecessors, null, 2)],
  ['state', 'text', ({ task }) => task.state],
  ['definition', 'text', ({ task }) => task.definition],
  ['condition', 'text', ({ task }) => task.condition],
  ['allow_overlapping_execution', 'text', ({ task }) => String(task.overlapPolicy !== 'NO_OVERLAP')],
  ['error_integration', 'text', ({ task }) => task.errorIntegration],
  ['last_committed_on', 'time', ({ task }) => task.committedMs],
  ['last_suspended_on', 'time', ({ task }) => task.suspendedMs],
  ['owner_role_type', 'text', () => 'ROLE'],
  ['config', 'text', ({ task }) => task.config],
  ['budget', 'text', () => null],
  ['task_relations', 'text', taskRelations],
  ['last_suspended_reason', 'text', ({ task }) => task.suspendedReason],
];

/** SHOW TERSE TASKS. */
export const TERSE_TASK_COLUMNS: Column<TaskView>[] = [
  ['created_on', 'time', ({ task }) => task.createdMs],
  ['name', 'text', ({ task }) => task.name],
  ['kind', 'text', () => 'TASK'],
  ['database_name', 'text', ({ task }) => task.database],
  ['schema_name', 'text', ({ task }) => task.schema],
  ['schedule', 'text', ({ task }) => task.schedule],
];

export function taskViews(tasks: TaskRecord[], all: TaskRecord[]): TaskView[] {
  const finalizers = new Map(all.filter((t) => t.finalize).map((t) => [t.finalize as string, keyOf(t)]));
  return tasks.map((task) => ({ task, finalizer: finalizers.get(keyOf(task)) ?? null }));
}
