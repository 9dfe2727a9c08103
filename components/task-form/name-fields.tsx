'use client';
/** Database, schema and name of the task, typed the way SQL writes names. */
import type { TaskFormField, TaskFormInput } from '@/lib/domain/tasks/task-form';
import { borderClass, controlProps, Field, INPUT_CLASS, LOCKED_INPUT_CLASS } from './field';

const HINT = 'Bare names are upper-cased; put a name in double quotes to keep its case and spaces.';
const PARTS = [
  { field: 'database', label: 'Database', placeholder: '' },
  { field: 'schema', label: 'Schema', placeholder: '' },
  { field: 'name', label: 'Name', placeholder: 'e.g. load_orders' },
] as const satisfies readonly { field: TaskFormField; label: string; placeholder: string }[];

export function NameFields({
  idPrefix,
  input,
  problems,
  locked,
  onChange,
}: {
  idPrefix: string;
  input: TaskFormInput;
  problems: Partial<Record<TaskFormField, string>>;
  /** Editing: a task keeps its name. */
  locked: boolean;
  onChange: (patch: Partial<TaskFormInput>) => void;
}) {
  const hint = locked ? 'An existing task keeps its name.' : HINT;
  return (
    <div>
      <div className="grid grid-cols-[1fr_1fr_1.4fr] gap-3">
        {PARTS.map(({ field, label, placeholder }) => {
          const id = `${idPrefix}-${field}`;
          return (
            <Field key={field} id={id} label={label} problem={problems[field]}>
              <input
                {...controlProps(id, field === 'name' ? hint : undefined, problems[field])}
                value={input[field]}
                readOnly={locked}
                onChange={(event) => onChange({ [field]: event.target.value })}
                placeholder={placeholder}
                spellCheck={false}
                autoComplete="off"
                className={`${locked ? LOCKED_INPUT_CLASS : INPUT_CLASS} font-mono text-[13px] ${borderClass(Boolean(problems[field]))}`}
              />
            </Field>
          );
        })}
      </div>
      <p id={`${idPrefix}-name-hint`} className="mt-1 text-xs text-zinc-500">
        {hint}
      </p>
    </div>
  );
}
