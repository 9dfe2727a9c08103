'use client';
/**
 * The schedule in words, its next ten runs in the schedule's own time zone, and a warning box
 * naming the days daylight saving skips a run or runs it twice, as documented in
 * https://docs.snowflake.com/en/developer-guide/snowflake-python-api/reference/latest/_autosummary/snowflake.core.task.Cron.
 */
import { formatIsoTimestamp } from '@/lib/domain/format';
import { formatRunTime, PREVIEW_RUNS, type SchedulePreview as Preview } from '@/lib/domain/tasks/task-form-preview';

export function SchedulePreview({ id, preview }: { id: string; preview: Preview }) {
  if (preview.kind === 'invalid') return null;
  if (preview.kind === 'none') {
    return (
      <p id={id} className="text-xs text-zinc-500">
        No schedule: the task runs after its predecessors, or when run with EXECUTE TASK.
      </p>
    );
  }
  return (
    <section id={id} aria-label="Upcoming runs" className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <p className="text-sm">
        Runs <span className="font-medium" data-testid="schedule-description">{preview.description}</span>
        {preview.schedule === 'interval' ? <span className="text-xs text-zinc-500"> (counted from when the task is resumed; shown as if resumed now, in UTC)</span> : null}
      </p>
      {preview.warnings.length > 0 ? (
        <div
          role="status"
          data-testid="dst-warnings"
          className="rounded-md border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
        >
          <p className="font-medium">Daylight saving changes this schedule in the coming year:</p>
          <ul className="mt-1 list-disc pl-4">
            {preview.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
          <p className="mt-1">To avoid it, schedule outside 1–3 AM local time or use UTC.</p>
        </div>
      ) : null}
      <div>
        <p className="text-xs text-zinc-500">
          Next {PREVIEW_RUNS} runs, {preview.timeZone}
        </p>
        <ol aria-label="Next runs" className="mt-1 grid gap-x-4 font-mono text-xs tabular-nums sm:grid-cols-2">
          {preview.runs.map((run) => (
            <li key={run}>
              <time dateTime={formatIsoTimestamp(run)}>{formatRunTime(run, preview.timeZone)}</time>
            </li>
          ))}
        </ol>
        {preview.runs.length === 0 ? <p className="text-xs text-amber-700 dark:text-amber-400">This schedule names no day that exists, so it never runs.</p> : null}
      </div>
    </section>
  );
}
