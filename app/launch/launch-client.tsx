'use client';
import { useDeferredValue, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { z } from '@/lib/domain/validation/zod';
import { Button } from '@/components/button';
import { FormError } from '@/components/form-error';
import { launchBatch } from '@/lib/actions/launch-batch';
import { countOf, oneLine } from '@/lib/domain/format';
import type { BatchMode } from '@/lib/domain/job';
import { MAX_LABEL_LENGTH, MAX_STATEMENTS_PER_BATCH, launchInputSchema } from '@/lib/domain/launch-input';
import { splitStatements } from '@/lib/domain/sql/split-statements';
import { useLaunch } from '@/lib/hooks/use-launch';
import { SQL_EXAMPLES } from './examples';

const FORM_FIELDS = ['sql', 'label'] as const;

const MODES: { value: BatchMode; title: string; explanation: string }[] = [
  {
    value: 'parallel',
    title: 'Parallel',
    explanation: 'Each statement is its own async query; all are submitted at once.',
  },
  {
    value: 'sequence',
    title: 'Sequence',
    explanation: 'One after another; if one fails or is cancelled, the rest are skipped.',
  },
];

const PREVIEW_LIMIT = 6;

function FieldError({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <p id={id} role="alert" className="mt-1.5 text-xs font-medium text-red-700 dark:text-red-400">
      {messages.join(' ')}
    </p>
  );
}

export function LaunchClient() {
  const ids = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [sql, setSql] = useState('');
  const [mode, setMode] = useState<BatchMode>('parallel');
  const [label, setLabel] = useState('');
  const { launch, pending, fieldErrors, setFieldErrors, formError, setFormError } = useLaunch(FORM_FIELDS);

  // Splitting a large script on every keystroke would make typing lag; let it trail behind.
  const deferredSql = useDeferredValue(sql);
  const statements = useMemo(() => splitStatements(deferredSql), [deferredSql]);
  const tooMany = statements.length > MAX_STATEMENTS_PER_BATCH;

  const insertExample = (snippet: string, exampleMode: BatchMode | undefined) => {
    if (exampleMode) setMode(exampleMode);
    const separator = sql.trim() === '' ? '' : sql.endsWith('\n') ? '\n' : '\n\n';
    setSql(sql.trim() === '' ? snippet : `${sql}${separator}${snippet}`);
    setFieldErrors((errors) => ({ ...errors, sql: undefined }));
    textarea.current?.focus();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setFormError(null);
    const parsed = launchInputSchema.safeParse({ sql, mode, label });
    if (!parsed.success) {
      setFieldErrors(z.flattenError(parsed.error).fieldErrors);
      return;
    }
    setFieldErrors({});
    launch(
      () => launchBatch({ sql, mode, label }),
      ({ batchId }) => `/jobs?batch=${encodeURIComponent(batchId)}`,
    );
  };

  const sqlErrorId = `${ids}-sql-error`;
  const labelErrorId = `${ids}-label-error`;

  return (
    <div>
      <div className="mb-4">
        <p className="text-zinc-600 dark:text-zinc-400">
          Write one or more SQL statements separated by semicolons. Each statement becomes a job you can watch on
          the Jobs page.
        </p>
      </div>

      <form onSubmit={submit} noValidate className="grid gap-5 lg:grid-cols-[1fr_18rem]">
        <div className="min-w-0">
          <div className="mb-1.5 flex items-baseline justify-between gap-4">
            <label htmlFor={`${ids}-sql`} className="font-medium">
              SQL
            </label>
            <span
              data-testid="statement-count"
              className={`text-xs tabular-nums ${tooMany ? 'font-medium text-red-700 dark:text-red-400' : 'text-zinc-500'}`}
            >
              {countOf(statements.length, 'statement')}
              {tooMany ? ` (at most ${MAX_STATEMENTS_PER_BATCH} per launch)` : ''}
            </span>
          </div>
          <textarea
            id={`${ids}-sql`}
            ref={textarea}
            name="sql"
            value={sql}
            onChange={(event) => {
              setSql(event.target.value);
              if (fieldErrors.sql) setFieldErrors((errors) => ({ ...errors, sql: undefined }));
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
                event.preventDefault();
                event.currentTarget.form?.requestSubmit();
              }
            }}
            aria-invalid={fieldErrors.sql ? true : undefined}
            aria-describedby={fieldErrors.sql ? sqlErrorId : undefined}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            rows={14}
            placeholder={"SELECT SYSTEM$WAIT(2);\nSELECT COUNT(*) FROM TABLE(GENERATOR(ROWCOUNT => 1000));"}
            className={`block w-full resize-y rounded-md border bg-white px-3 py-2 font-mono text-[13px] leading-5 shadow-sm placeholder:text-zinc-400 dark:bg-zinc-900 ${
              fieldErrors.sql ? 'border-red-500' : 'border-zinc-300 dark:border-zinc-700'
            }`}
          />
          <FieldError id={sqlErrorId} messages={fieldErrors.sql} />

          <div className="mt-3 flex flex-wrap items-center gap-2">
            <span className="text-xs text-zinc-500">Insert an example:</span>
            {SQL_EXAMPLES.map((example) => (
              <Button key={example.name} size="sm" onClick={() => insertExample(example.sql, example.mode)}>
                {example.name}
              </Button>
            ))}
          </div>

          {statements.length > 0 ? (
            <ol aria-label="Statements to launch" className="mt-4 space-y-1 text-xs">
              {statements.slice(0, PREVIEW_LIMIT).map((statement, index) => (
                <li key={`${statement.line}:${statement.column}`} className="flex gap-2 text-zinc-600 dark:text-zinc-400">
                  <span className="w-16 shrink-0 text-zinc-400 tabular-nums">
                    #{index + 1} · L{statement.line}
                  </span>
                  <span className="truncate font-mono" title={statement.sql}>
                    {oneLine(statement.sql)}
                  </span>
                </li>
              ))}
              {statements.length > PREVIEW_LIMIT ? (
                <li className="text-zinc-400">and {countOf(statements.length - PREVIEW_LIMIT, 'more statement')}</li>
              ) : null}
            </ol>
          ) : null}
        </div>

        <div className="space-y-5">
          <fieldset>
            <legend className="mb-1.5 font-medium">Mode</legend>
            <div className="space-y-2">
              {MODES.map((option) => (
                <label
                  key={option.value}
                  className={`flex cursor-pointer gap-2.5 rounded-md border p-2.5 ${
                    mode === option.value
                      ? 'border-sky-500 bg-sky-50 dark:bg-sky-950/40'
                      : 'border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900'
                  }`}
                >
                  <input
                    type="radio"
                    name="mode"
                    value={option.value}
                    checked={mode === option.value}
                    onChange={() => setMode(option.value)}
                    className="mt-0.5 accent-sky-600"
                  />
                  <span>
                    <span className="block font-medium">{option.title}</span>
                    <span className="block text-xs text-zinc-600 dark:text-zinc-400">{option.explanation}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>

          <div>
            <label htmlFor={`${ids}-label`} className="mb-1.5 block font-medium">
              Label <span className="font-normal text-zinc-500">(optional)</span>
            </label>
            <input
              id={`${ids}-label`}
              name="label"
              value={label}
              onChange={(event) => setLabel(event.target.value)}
              maxLength={MAX_LABEL_LENGTH}
              placeholder="e.g. nightly backfill"
              aria-invalid={fieldErrors.label ? true : undefined}
              aria-describedby={fieldErrors.label ? labelErrorId : undefined}
              className="block h-8 w-full rounded-md border border-zinc-300 bg-white px-2.5 dark:border-zinc-700 dark:bg-zinc-900"
            />
            <FieldError id={labelErrorId} messages={fieldErrors.label} />
          </div>

          <div>
            <Button type="submit" variant="primary" disabled={pending} className="w-full">
              {pending
                ? 'Launching…'
                : statements.length > 1
                  ? `Launch ${countOf(statements.length, 'statement')}`
                  : 'Launch'}
            </Button>
            <p className="mt-1.5 text-center text-xs text-zinc-500">
              or press <kbd className="font-mono">Ctrl</kbd>/<kbd className="font-mono">⌘</kbd>+
              <kbd className="font-mono">Enter</kbd> in the editor
            </p>
            <FormError message={formError} />
          </div>
        </div>
      </form>
    </div>
  );
}
