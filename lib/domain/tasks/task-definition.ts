/**
 * A task as the dashboard knows it: one row of SHOW TASKS (columns as listed in
 * https://github.com/Snowflake-Labs/terraform-provider-snowflake/blob/main/pkg/sdk/tasks_gen.go), names fully
 * qualified so they can be compared with TASK_HISTORY's and with each other. It is also a
 * GraphTask, so graph rules and layout work on a list of them directly.
 */
import type { GraphTask, TaskState } from '../task-graph/graph';

export interface TaskDefinition extends GraphTask {
  /** DB.SCHEMA.NAME, each part as Snowflake stores it (quoted when it needs quotes). */
  name: string;
  database: string;
  schema: string;
  /** The name alone, as SHOW TASKS' `name` column gives it. */
  shortName: string;
  /** SHOW TASKS' `id`: TASK_HISTORY's ROOT_TASK_ID names a root by it. */
  id: string;
  owner: string;
  comment: string | null;
  /** Null for a serverless task. */
  warehouse: string | null;
  schedule: string | null;
  /** Fully qualified, in the order SHOW TASKS lists them. */
  predecessors: string[];
  state: TaskState;
  /** The body after AS. */
  definition: string;
  /** WHEN's expression, or null. */
  condition: string | null;
  allowOverlappingExecution: boolean;
  /** CONFIG JSON text, or null. */
  config: string | null;
  /** The root this task finalizes (task_relations' FinalizedRootTask), or null. */
  finalize: string | null;
  /** The finalizer of this root (task_relations' FinalizerTask), or null. */
  finalizer: string | null;
  /** Epoch ms. */
  createdOn: number;
  lastSuspendedReason: string | null;
}
