'use client';
/**
 * FINALIZE = <root>: the root whose graph this task finishes; only roots are offered
 * (https://docs.snowflake.com/en/sql-reference/sql/create-task).
 */
import { useMemo } from 'react';
import type { TaskDefinition } from '@/lib/domain/tasks/task-definition';
import { finalizerChoices } from '@/lib/domain/tasks/task-form-graph';
import { borderClass, controlProps, Field, INPUT_CLASS } from './field';

const HINT = 'A finalizer runs last in each run of that root’s graph; it has no predecessors or schedule.';

export function FinalizerField({
  id,
  tasks,
  self,
  value,
  problem,
  onChange,
}: {
  id: string;
  tasks: readonly TaskDefinition[];
  /** The task's own qualified name, once it is one. */
  self: string | null;
  value: string | null;
  problem: string | undefined;
  onChange: (root: string | null) => void;
}) {
  const roots = useMemo(() => finalizerChoices(tasks, self ?? '').map((task) => task.name), [tasks, self]);
  // A root chosen before (or the one an edited task finalizes) stays a choice even if no longer a root.
  const choices = value !== null && !roots.includes(value) ? [value, ...roots] : roots;
  return (
    <Field id={id} label="Finalizes root" hint={HINT} problem={problem}>
      <select
        {...controlProps(id, HINT, problem)}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value || null)}
        className={`${INPUT_CLASS} font-mono text-[13px] ${borderClass(Boolean(problem))}`}
      >
        <option value="">Not a finalizer</option>
        {choices.map((root) => (
          <option key={root} value={root}>
            {root}
          </option>
        ))}
      </select>
    </Field>
  );
}
