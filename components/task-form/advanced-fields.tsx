'use client';
/**
 * Overlap policy, timeout, failures before auto-suspend and retries
 * (https://docs.snowflake.com/en/sql-reference/sql/create-task). Empty means
 * Snowflake's default for a new task, and "leave as it is" when editing: SHOW TASKS does not
 * report these, so the form cannot show their current values.
 */
import { OVERLAP_POLICIES } from '@/lib/domain/tasks/task-properties';
import type { TaskFormField, TaskFormInput } from '@/lib/domain/tasks/task-form';
import type { OverlapPolicy } from '@/lib/domain/tasks/task-properties';
import { borderClass, controlProps, Field, INPUT_CLASS } from './field';

type NumberField = 'userTaskTimeoutMs' | 'suspendTaskAfterNumFailures' | 'taskAutoRetryAttempts';

const NUMBERS: { field: NumberField; label: string; fallback: string; hint: string }[] = [
  { field: 'userTaskTimeoutMs', label: 'Timeout (ms)', fallback: '3600000', hint: 'A run longer than this fails; at most 604800000 (7 days).' },
  {
    field: 'suspendTaskAfterNumFailures',
    label: 'Failures before suspending',
    fallback: '10',
    hint: 'Consecutive failed runs that suspend the graph’s root; 0 never suspends. Root tasks only.',
  },
  { field: 'taskAutoRetryAttempts', label: 'Retry attempts', fallback: '0', hint: 'Retries of a failed graph run from the failed task, 0–30. Root tasks only.' },
];

const OVERLAP_HINTS: Record<OverlapPolicy, string> = {
  NO_OVERLAP: 'the next run waits for the whole graph to finish',
  ALLOW_CHILD_OVERLAP: 'a new run may start while children still run',
  ALLOW_ALL_OVERLAP: 'whole graph runs may overlap',
};

export function AdvancedFields({
  idPrefix,
  input,
  problems,
  editing,
  allowOverlappingExecution,
  onChange,
}: {
  idPrefix: string;
  input: TaskFormInput;
  problems: Partial<Record<TaskFormField, string>>;
  editing: boolean;
  /** The edited task's SHOW TASKS column, the one hint there is of its overlap policy. */
  allowOverlappingExecution: boolean | null;
  onChange: (patch: Partial<TaskFormInput>) => void;
}) {
  const overlapId = `${idPrefix}-overlap`;
  const overlapHint =
    allowOverlappingExecution === null ? undefined : `Now: allow_overlapping_execution = ${String(allowOverlappingExecution).toUpperCase()}.`;
  return (
    <details className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800" open={NUMBERS.some(({ field }) => input[field] !== '') || input.overlapPolicy !== null}>
      <summary className="cursor-pointer font-medium">Advanced</summary>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <Field id={overlapId} label="Overlap policy" hint={overlapHint} problem={problems.overlapPolicy}>
          <select
            {...controlProps(overlapId, overlapHint, problems.overlapPolicy)}
            value={input.overlapPolicy ?? ''}
            onChange={(event) => onChange({ overlapPolicy: OVERLAP_POLICIES.find((policy) => policy === event.target.value) ?? null })}
            className={`${INPUT_CLASS} ${borderClass(Boolean(problems.overlapPolicy))}`}
          >
            <option value="">{editing ? 'Unchanged' : 'Default (NO_OVERLAP)'}</option>
            {OVERLAP_POLICIES.map((policy) => (
              <option key={policy} value={policy}>
                {policy}: {OVERLAP_HINTS[policy]}
              </option>
            ))}
          </select>
        </Field>
        {NUMBERS.map(({ field, label, fallback, hint }) => {
          const id = `${idPrefix}-${field}`;
          return (
            <Field key={field} id={id} label={label} hint={hint} problem={problems[field]}>
              <input
                {...controlProps(id, hint, problems[field])}
                inputMode="numeric"
                value={input[field]}
                onChange={(event) => onChange({ [field]: event.target.value })}
                placeholder={editing ? 'unchanged' : `${fallback} (default)`}
                className={`${INPUT_CLASS} ${borderClass(Boolean(problems[field]))}`}
              />
            </Field>
          );
        })}
      </div>
    </details>
  );
}
