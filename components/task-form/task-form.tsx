'use client';
/**
 * The "Create or edit a task" form: every CREATE TASK property the dashboard offers,
 * checked as the user types (names, schedule, graph rules), a live preview of the schedule, and
 * the exact statements it will run. The page supplies the tasks and warehouses; `submit` sends
 * the input to the server, which builds those same statements and runs them.
 */
import { useId, useMemo, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { FormError } from '@/components/form-error';
import type { TaskFormField, TaskFormInput } from '@/lib/domain/tasks/task-form';
import { AdvancedFields } from './advanced-fields';
import { AREA_CLASS, borderClass, controlProps, Field } from './field';
import { FinalizerField } from './finalizer-field';
import { NameFields } from './name-fields';
import { PredecessorPicker } from './predecessor-picker';
import { ScheduleField } from './schedule-field';
import { SchedulePreview } from './schedule-preview';
import { SqlPreview } from './sql-preview';
import { useTaskForm, type TaskFormOptions } from './use-task-form';
import { WarehouseField } from './warehouse-field';

export interface TaskFormProps extends TaskFormOptions {
  /** Saves the task: the server builds the statements shown from this same input and runs them. */
  submit(input: TaskFormInput): void;
  /** While a save is on its way (and after one succeeded, until the page has left). */
  saving?: boolean;
  /** Why the last save was refused. */
  saveError?: string | null;
}

/** What the statements panel calls a field that does not parse yet. */
const FIELD_LABELS: Record<TaskFormField, string> = {
  database: 'Database',
  schema: 'Schema',
  name: 'Name',
  warehouse: 'Warehouse',
  initialWarehouseSize: 'Initial size',
  schedule: 'Schedule',
  predecessors: 'Predecessors',
  finalize: 'Finalizes root',
  when: 'When',
  body: 'SQL',
  comment: 'Comment',
  config: 'Config',
  overlapPolicy: 'Overlap policy',
  userTaskTimeoutMs: 'Timeout',
  suspendTaskAfterNumFailures: 'Failures before suspending',
  taskAutoRetryAttempts: 'Retry attempts',
};

const WHEN_HINT = 'Optional: a boolean expression such as SYSTEM$STREAM_HAS_DATA(\'MY_STREAM\'); when it is false the run is skipped, with its dependents.';
const BODY_HINT = 'One statement, a CALL, or a BEGIN … END block.';
const CONFIG_HINT = 'Optional: a JSON object (CONFIG).';

export function TaskForm({ submit, saving = false, saveError = null, ...options }: TaskFormProps) {
  const ids = useId();
  const form = useTaskForm(options);
  const { input, update, problems } = form;
  const editing = options.mode === 'edit';

  const self = form.qualifiedName;
  // A finalizer has no children (https://docs.snowflake.com/en/sql-reference/sql/create-task), so it cannot be a predecessor.
  const predecessorChoices = useMemo(() => options.tasks.filter((task) => task.name !== self && !task.finalize), [options.tasks, self]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.markAttempted();
    if (!form.ready || saving) return;
    submit(input);
  };

  const textArea = (field: 'when' | 'body' | 'comment' | 'config', label: string, hint: string | undefined, rows: number, mono = true) => {
    const id = `${ids}-${field}`;
    return (
      <Field id={id} label={label} hint={hint} problem={problems[field]}>
        <textarea
          {...controlProps(id, hint, problems[field])}
          rows={rows}
          value={input[field]}
          onChange={(event) => update({ [field]: event.target.value })}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          className={`${mono ? AREA_CLASS : `${AREA_CLASS} font-sans text-sm`} ${borderClass(Boolean(problems[field]))}`}
        />
      </Field>
    );
  };

  const noChanges = editing && form.invalidFields.length === 0 && form.statements.length === 0;

  return (
    <form onSubmit={onSubmit} noValidate aria-label={editing ? 'Edit a task' : 'Create a task'} className="grid gap-6 lg:grid-cols-2">
      <div className="min-w-0 space-y-4">
        <NameFields idPrefix={ids} input={input} problems={problems} locked={editing} onChange={update} />
        <WarehouseField
          idPrefix={ids}
          warehouses={options.warehouses}
          warehouse={input.warehouse}
          size={input.initialWarehouseSize}
          editing={editing}
          problems={problems}
          onChange={update}
        />
        <div className="space-y-2">
          <ScheduleField idPrefix={ids} schedule={input.schedule} problem={problems.schedule} onChange={(schedule) => update({ schedule })} />
          <SchedulePreview id={`${ids}-schedule-preview`} preview={form.preview} />
        </div>
        <PredecessorPicker
          id={`${ids}-predecessors`}
          choices={predecessorChoices}
          value={input.predecessors}
          problem={problems.predecessors}
          onChange={(predecessors) => update({ predecessors })}
        />
        <FinalizerField
          id={`${ids}-finalize`}
          tasks={options.tasks}
          self={self}
          value={input.finalize}
          problem={problems.finalize}
          onChange={(finalize) => update({ finalize })}
        />
        {textArea('when', 'When', WHEN_HINT, 2)}
        {textArea('body', 'SQL', BODY_HINT, 8)}
        <div className="grid gap-3 sm:grid-cols-2">
          {textArea('comment', 'Comment', undefined, 2, false)}
          {textArea('config', 'Config (JSON)', CONFIG_HINT, 2)}
        </div>
        <AdvancedFields
          idPrefix={ids}
          input={input}
          problems={problems}
          editing={editing}
          allowOverlappingExecution={options.initial?.allowOverlappingExecution ?? null}
          onChange={update}
        />
      </div>

      <div className="min-w-0 space-y-3 self-start lg:sticky lg:top-4">
        <SqlPreview
          id={`${ids}-statements`}
          statements={form.statements}
          startedRoots={form.startedRoots}
          waitingOn={form.invalidFields.map((field) => FIELD_LABELS[field])}
          editing={editing}
        />
        <div>
          <Button type="submit" variant="primary" disabled={saving || form.blockedByGraph || noChanges} className="w-full">
            {saving ? (editing ? 'Saving…' : 'Creating…') : editing ? 'Save changes' : 'Create task'}
          </Button>
          {form.blockedByGraph ? (
            <p className="mt-1.5 text-xs text-red-700 dark:text-red-400">Fix the problems with the task’s place in its graph first.</p>
          ) : null}
          <FormError message={saveError} />
        </div>
      </div>
    </form>
  );
}
