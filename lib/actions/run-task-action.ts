'use server';
/** The task pages' actions: run a graph now, retry its last failed run, resume or suspend its root, cancel its runs. */
import { taskActionSchema, type TaskAction } from '@/lib/domain/tasks/task-actions';
import { runTaskAction as run } from '@/lib/tasks';
import type { ActionResult } from './action-result';
import { runAction } from './errors';

export async function runTaskAction(input: TaskAction): Promise<ActionResult<string[]>> {
  return runAction(
    {
      action: 'run-task-action',
      access: 'change',
      schema: taskActionSchema,
      audit: ({ kind, root }, said) => ({ target: `task ${root}`, detail: said ? `${kind}: ${said.join(' ')}` : kind }),
    },
    input,
    (action) => run(action),
  );
}
