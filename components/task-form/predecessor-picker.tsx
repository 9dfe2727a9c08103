'use client';
/**
 * A searchable multi-select of existing tasks (the ARIA combobox pattern): type to filter, pick
 * with a click or Enter, remove a chosen task from the list above the field. The graph checks'
 * problems are shown under it before anything is submitted.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { TaskDefinition } from '@/lib/domain/tasks/task-definition';
import { searchTasks } from '@/lib/domain/tasks/task-search';
import { borderClass, FieldProblem, INPUT_CLASS } from './field';

/** Enough to scan; a longer list is narrowed by typing. */
const MAX_SHOWN = 50;

export function PredecessorPicker({
  id,
  choices,
  value,
  problem,
  onChange,
}: {
  id: string;
  choices: readonly TaskDefinition[];
  /** Fully qualified names, in the order chosen. */
  value: readonly string[];
  problem: string | undefined;
  onChange: (names: string[]) => void;
}) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const matches = useMemo(() => searchTasks(choices, query), [choices, query]);
  const shown = matches.slice(0, MAX_SHOWN);
  const activeIndex = Math.min(active, shown.length - 1);

  const toggle = (name: string) => onChange(value.includes(name) ? value.filter((n) => n !== name) : [...value, name]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(Math.max(0, Math.min(shown.length - 1, activeIndex + step)));
    } else if (event.key === 'Enter' && open && shown[activeIndex]) {
      // Enter picks the highlighted task instead of submitting the form.
      event.preventDefault();
      toggle(shown[activeIndex].name);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  const describedBy = [`${id}-hint`, problem ? `${id}-problem` : null].filter(Boolean).join(' ');

  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-medium">
        Predecessors
      </label>
      {value.length > 0 ? (
        <ul aria-label="Runs after" className="mb-1.5 flex flex-wrap gap-1.5">
          {value.map((name) => (
            <li key={name} className="inline-flex items-center gap-1 rounded-full bg-sky-100 py-0.5 pr-1 pl-2.5 font-mono text-xs text-sky-900 dark:bg-sky-950 dark:text-sky-200">
              {name}
              <button
                type="button"
                onClick={() => toggle(name)}
                aria-label={`Remove ${name}`}
                className="rounded-full px-1 text-sky-700 hover:bg-sky-200 dark:text-sky-300 dark:hover:bg-sky-900"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="relative">
        <input
          id={id}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && shown[activeIndex] ? optionId(activeIndex) : undefined}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          placeholder={choices.length === 0 ? 'No other tasks yet' : 'Search tasks by name'}
          autoComplete="off"
          spellCheck={false}
          className={`${INPUT_CLASS} ${borderClass(Boolean(problem))}`}
        />
        {open && choices.length > 0 ? (
          <ul
            id={listId}
            role="listbox"
            aria-multiselectable="true"
            aria-label="Tasks to run after"
            className="absolute z-10 mt-1 max-h-64 w-full overflow-auto rounded-md border border-zinc-200 bg-white py-1 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
          >
            {shown.map((task, index) => {
              const selected = value.includes(task.name);
              return (
                <li
                  key={task.name}
                  id={optionId(index)}
                  role="option"
                  aria-selected={selected}
                  // Keeps focus in the field, so the list stays open for the next pick.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => toggle(task.name)}
                  onMouseEnter={() => setActive(index)}
                  className={`flex cursor-pointer items-center gap-2 px-2.5 py-1 ${index === activeIndex ? 'bg-zinc-100 dark:bg-zinc-800' : ''}`}
                >
                  <span aria-hidden className={`w-3 text-sky-600 dark:text-sky-400 ${selected ? '' : 'invisible'}`}>
                    ✓
                  </span>
                  <span className="truncate font-mono text-xs">{task.name}</span>
                  <span className="ml-auto text-xs text-zinc-500">{task.state}</span>
                </li>
              );
            })}
            {shown.length === 0 ? <li className="px-2.5 py-1 text-xs text-zinc-500">No task matches “{query}”.</li> : null}
            {matches.length > shown.length ? (
              <li className="px-2.5 py-1 text-xs text-zinc-500">{matches.length - shown.length} more; type to narrow the list.</li>
            ) : null}
          </ul>
        ) : null}
      </div>
      <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-500">
        The task runs after all of these succeed. Type to search; Enter or a click adds or removes a task.
      </p>
      <FieldProblem id={`${id}-problem`} problem={problem} />
    </div>
  );
}
