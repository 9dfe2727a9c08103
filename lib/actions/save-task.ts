'use server';
/** Creates a task, or changes one, from the task form; the server builds the statements itself. */
import { z } from '@/lib/domain/validation/zod';
import { qualifiedTaskNameSchema } from '@/lib/domain/tasks/task-actions';
import { taskFormSchema } from '@/lib/domain/tasks/task-form';
import { saveTask as save } from '@/lib/tasks';
import type { ActionResult } from './action-result';
import { runAction } from './errors';

const saveTaskSchema = z.object({
  mode: z.enum(['create', 'edit'], 'The form either creates a task or edits one.'),
  task: taskFormSchema,
  /** The task being edited, as the Tasks page names it; null when creating. */
  original: qualifiedTaskNameSchema.nullable(),
});

export async function saveTask(input: z.input<typeof saveTaskSchema>): Promise<ActionResult<{ name: string; statements: string[] }>> {
  return runAction(
    {
      action: 'save-task',
      access: 'change',
      schema: saveTaskSchema,
      audit: ({ mode, task, original }, saved) => ({
        target: `task ${saved?.name ?? original ?? `${task.database}.${task.schema}.${task.name}`}`,
        detail: saved ? `${mode}:\n${saved.statements.join('\n')}` : mode,
      }),
    },
    input,
    ({ mode, task, original }) => save({ mode, values: task, original }),
  );
}
