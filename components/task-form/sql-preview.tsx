'use client';
/** The exact statements a submit runs, read-only, with a copy button; or why there are none yet. */
import { CopyButton } from '@/components/copy-button';

export function SqlPreview({
  id,
  statements,
  startedRoots,
  waitingOn,
  editing,
}: {
  id: string;
  statements: readonly string[];
  /** Roots suspended around the change because they are started (https://docs.snowflake.com/en/user-guide/tasks-graphs). */
  startedRoots: readonly string[];
  /** Labels of the fields that do not parse yet. */
  waitingOn: readonly string[];
  editing: boolean;
}) {
  const script = statements.map((statement) => `${statement};`).join('\n\n');
  const empty =
    waitingOn.length > 0
      ? `Fix ${waitingOn.join(', ')} to see the statements.`
      : editing
        ? 'Nothing has changed yet.'
        : '';
  return (
    <div>
      <div className="mb-1 flex items-baseline justify-between gap-3">
        <span id={`${id}-title`} className="font-medium">
          Statements that will run
        </span>
        {statements.length > 0 ? <CopyButton text={script} label="Copy the statements" /> : null}
      </div>
      <pre
        aria-labelledby={`${id}-title`}
        data-testid="task-form-statements"
        className="max-h-96 overflow-auto rounded-md bg-zinc-50 p-3 font-mono text-xs leading-5 whitespace-pre-wrap dark:bg-zinc-950"
      >
        {statements.length > 0 ? script : empty}
      </pre>
      {startedRoots.length > 0 ? (
        <p className="mt-1 text-xs text-zinc-500">
          {startedRoots.join(', ')} {startedRoots.length === 1 ? 'is' : 'are'} started: Snowflake changes a graph only while its root is
          suspended, so {startedRoots.length === 1 ? 'it is' : 'they are'} suspended first and resumed after.
        </p>
      ) : null}
    </div>
  );
}
