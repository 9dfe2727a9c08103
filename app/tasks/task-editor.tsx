'use client';
import { useQuery } from '@tanstack/react-query';
import { ChangeControls } from '@/components/access';
import { Breadcrumb } from '@/components/breadcrumb';
import { TaskForm } from '@/components/task-form/task-form';
import { taskQueries } from '@/lib/queries';
import { taskGraphHref } from './task-links';
import { useSaveTask } from './use-save-task';

/**
 * The create and edit pages: the task form over the account's tasks and warehouses. Saving runs
 * the statements the form shows (rebuilt on the server), then opens the task's graph.
 */
export function TaskEditor({ editing }: { editing: string | null }) {
  const { save, saving, error: saveError } = useSaveTask();
  const structure = useQuery(taskQueries.structure());
  const context = useQuery(taskQueries.formContext());
  const error = structure.error ?? context.error;
  if (error) return <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800 dark:bg-red-950 dark:text-red-200">{error.message}</p>;
  if (!structure.data || !context.data) return <p className="py-8 text-center text-zinc-500">Loading…</p>;
  const initial = editing === null ? undefined : structure.data.tasks.find((task) => task.name === editing);
  if (editing !== null && !initial) return <p className="py-8 text-center font-medium">No task named {editing}.</p>;

  return (
    <div className="space-y-4">
      <Breadcrumb
        trail={[{ href: '/tasks', label: 'Tasks' }, ...(initial ? [{ href: taskGraphHref(initial.name), label: initial.shortName }] : [])]}
        current={initial ? 'Edit' : 'New task'}
      />
      <h1 className="text-xl font-semibold tracking-tight">{initial ? `Edit ${initial.shortName}` : 'New task'}</h1>
      <ChangeControls note>
        <TaskForm
          key={initial?.name ?? 'new'}
          mode={initial ? 'edit' : 'create'}
          tasks={structure.data.tasks}
          warehouses={context.data.warehouses}
          initial={initial}
          defaultDatabase={context.data.database}
          defaultSchema={context.data.schema}
          now={context.data.now}
          submit={(task) => save({ mode: initial ? 'edit' : 'create', task, original: initial?.name ?? null })}
          saving={saving}
          saveError={saveError}
        />
      </ChangeControls>
    </div>
  );
}
