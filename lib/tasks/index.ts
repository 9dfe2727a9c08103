import 'server-only';
/**
 * Tasks over the server's warehouse, for the task pages' routes and server actions: reads shared
 * between tabs, and the statements behind each action, built from validated input only.
 */
import { sharedReads } from '@/lib/concurrency/shared-reads';
import type { TaskFormContext, TaskListData, TaskRunsData } from '@/lib/domain/tasks/task-data';
import { qualifiedTaskName, type TaskFormValues } from '@/lib/domain/tasks/task-form';
import { finalizerProblems, predecessorProblems } from '@/lib/domain/tasks/task-form-graph';
import { taskFormStatements } from '@/lib/domain/tasks/task-form-sql';
import { InputError, TaskSaveError } from '@/lib/errors/request-errors';
import { warehouse, type WarehouseCalls } from '@/lib/warehouse/calls';
import { actionStatements, type TaskAction } from '@/lib/domain/tasks/task-actions';
import { processSingleton } from '@/lib/runtime/process-singleton';

/** Within this, any number of open task pages cost one read. */
const SHARED_READ_MS = 1_000;
/** TASK_HISTORY keeps 7 days (https://docs.snowflake.com/en/sql-reference/functions/task_history). */
const HISTORY_DAYS = 7;

interface TaskReads {
  structure: ReturnType<typeof sharedReads<TaskListData>>;
  runs: ReturnType<typeof sharedReads<TaskRunsData>>;
  /** Bumped by every save and action, so the next read sees what they changed. */
  generation: number;
}

/** One per process: the server actions and the route handlers are separate bundles in Next. */
function reads(): TaskReads {
  return processSingleton<TaskReads>('taskReads', () => ({ structure: sharedReads(SHARED_READ_MS), runs: sharedReads(SHARED_READ_MS), generation: 0 }));
}

export async function listTasks(calls: WarehouseCalls = warehouse()): Promise<TaskListData> {
  const shared = reads();
  return shared.structure(`tasks:${shared.generation}`, async () => ({ tasks: await calls.tasks(), now: Date.now() }));
}

export async function listTaskRuns(rootTaskId: string | null, calls: WarehouseCalls = warehouse()): Promise<TaskRunsData> {
  const shared = reads();
  return shared.runs(`${rootTaskId ?? '*'}:${shared.generation}`, async () => ({ ...(await calls.taskRuns(rootTaskId, HISTORY_DAYS)), now: Date.now() }));
}

/** A new task goes into the session's database and schema unless the user picks others. */
const FALLBACK_LOCATION = { database: 'FLURRY', schema: 'PUBLIC' };

export async function taskFormContext(calls: WarehouseCalls = warehouse()): Promise<TaskFormContext> {
  const context = await calls.taskFormContext();
  return {
    database: context.database ?? FALLBACK_LOCATION.database,
    schema: context.schema ?? FALLBACK_LOCATION.schema,
    warehouses: context.warehouses,
    now: Date.now(),
  };
}

/** Runs the statements of `action` in order; resolves with the warehouse's answer to each. */
export async function runTaskAction(action: TaskAction, calls: WarehouseCalls = warehouse()): Promise<string[]> {
  const answers: string[] = [];
  try {
    for (const statement of actionStatements(action)) answers.push(await calls.runTaskStatement(statement));
  } finally {
    reads().generation += 1;
  }
  return answers;
}

export type { TaskAction } from '@/lib/domain/tasks/task-actions';

/**
 * Creates or changes a task from the form's values: the statements are rebuilt here from the
 * warehouse's current tasks, checked against the graph rules, and run in order. When one fails,
 * the roots suspended for the change are resumed again before the error is reported.
 */
export async function saveTask(
  request: { mode: 'create' | 'edit'; values: TaskFormValues; original: string | null },
  calls: WarehouseCalls = warehouse(),
): Promise<{ name: string; statements: string[] }> {
  const { mode, values, original } = request;
  const tasks = await calls.tasks();
  const initial = original === null ? undefined : tasks.find((task) => task.name === original);
  if (mode === 'edit' && !initial) throw new InputError('name', `Task ${original} does not exist any more; it may have been dropped.`);
  const name = initial?.name ?? qualifiedTaskName(values);
  const [problem] = [...predecessorProblems(tasks, name, values.predecessors), ...finalizerProblems(tasks, name, values.finalize)];
  if (problem) throw new InputError('predecessors', problem.message);
  const { statements, startedRoots } = taskFormStatements(values, { mode, tasks, initial });
  const resumes = new Set(startedRoots.map((root) => `ALTER TASK ${root} RESUME`));
  try {
    for (let i = 0; i < statements.length; i++) {
      try {
        await calls.runTaskStatement(statements[i]);
      } catch (error) {
        for (const statement of statements.slice(i + 1).filter((s) => resumes.has(s))) {
          await calls.runTaskStatement(statement).catch(() => undefined);
        }
        throw new TaskSaveError(statements.slice(0, i), statements[i], error);
      }
    }
  } finally {
    reads().generation += 1;
  }
  return { name, statements };
}
