/** What the task API routes answer: the structure and the status, read and cached apart (Airflow 3's split). */
import type { TaskDefinition } from './task-definition';
import type { CurrentGraphRun, TaskRun } from './task-rows';

/** GET /api/tasks: every task, re-read only when the structure changes or on demand. */
export interface TaskListData {
  tasks: TaskDefinition[];
  /** The server's clock when it answered. */
  now: number;
}

/** GET /api/tasks/runs: the one status read per poll. */
export interface TaskRunsData {
  runs: TaskRun[];
  current: CurrentGraphRun[];
  now: number;
}

/** GET /api/tasks/form-context: what the task form offers and starts from. */
export interface TaskFormContext {
  database: string;
  schema: string;
  warehouses: string[];
  now: number;
}
