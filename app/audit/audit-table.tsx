'use client';
/**
 * The audit log as a table, newest first. Every field is rendered as React text: a detail is
 * often SQL someone pasted, and may hold HTML or script.
 */
import { Timestamp } from '@/components/timestamp';
import type { AuditAction, AuditEntry, AuditOutcome } from '@/lib/domain/audit';
import { formatAgo, oneLine } from '@/lib/domain/format';
import { useNow } from '@/lib/hooks/use-now';

export const ACTION_LABELS: Record<AuditAction, string> = {
  'launch-batch': 'Launch batch',
  'launch-job-service': 'Launch job service',
  'cancel-jobs': 'Cancel jobs',
  'run-task-action': 'Task action',
  'save-task': 'Save task',
  'sign-in': 'Sign in',
  'sign-out': 'Sign out',
};

export const OUTCOME_LABELS: Record<AuditOutcome, string> = { ok: 'OK', refused: 'Refused', failed: 'Failed' };

const OUTCOME_STYLES: Record<AuditOutcome, string> = {
  ok: 'bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-300 dark:ring-emerald-800',
  refused: 'bg-red-50 text-red-800 ring-red-200 dark:bg-red-950 dark:text-red-300 dark:ring-red-800',
  failed: 'bg-red-50 text-red-800 ring-red-200 dark:bg-red-950 dark:text-red-300 dark:ring-red-800',
};

/** "3 min ago" beside a timestamp goes stale slowly; a coarse tick is enough. */
const AGO_TICK_MS = 10_000;

const HEAD_CELL = 'px-2 py-2 text-left text-xs font-medium whitespace-nowrap text-zinc-500 dark:text-zinc-400';
const CELL = 'px-2 py-1.5 align-top whitespace-nowrap';

function When({ at }: { at: number }) {
  const now = useNow(true, AGO_TICK_MS);
  return (
    <div className="flex flex-col">
      <Timestamp at={at} />
      <span className="text-[11px] text-zinc-500 dark:text-zinc-400">{formatAgo(at, now)}</span>
    </div>
  );
}

function Who({ entry }: { entry: AuditEntry }) {
  return (
    <div className="flex flex-col">
      <span className="inline-flex items-center gap-1.5">
        <span data-testid="audit-actor" className="font-medium">
          {entry.actor}
        </span>
        {entry.access === 'read-only' ? (
          <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
            read-only
          </span>
        ) : null}
      </span>
      {entry.address ? <span className="font-mono text-[11px] text-zinc-500 dark:text-zinc-400">{entry.address}</span> : null}
    </div>
  );
}

function Outcome({ entry }: { entry: AuditEntry }) {
  return (
    <div className="flex max-w-72 flex-col items-start gap-0.5 whitespace-normal">
      <span
        data-testid="audit-outcome"
        className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${OUTCOME_STYLES[entry.outcome]}`}
      >
        {OUTCOME_LABELS[entry.outcome]}
      </span>
      {entry.error ? (
        <p data-testid="audit-error" className="text-xs break-words text-red-700 dark:text-red-400">
          {entry.error}
        </p>
      ) : null}
    </div>
  );
}

/** What was acted on, and the detail (statements, task action, jobs) to open beneath it. */
function What({ entry }: { entry: AuditEntry }) {
  return (
    <div className="min-w-0">
      <p data-testid="audit-target" className="break-words">
        {entry.target}
      </p>
      {entry.detail ? (
        <details data-testid="audit-detail" className="group mt-0.5">
          <summary className="cursor-pointer truncate font-mono text-xs text-zinc-600 group-open:text-zinc-400 dark:text-zinc-400">
            {oneLine(entry.detail)}
          </summary>
          <pre className="mt-1 max-h-80 overflow-auto rounded bg-zinc-50 p-2 font-mono text-xs whitespace-pre-wrap break-all text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200">
            {entry.detail}
          </pre>
        </details>
      ) : null}
    </div>
  );
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <table className="w-full text-sm">
      <thead>
        <tr>
          <th className={HEAD_CELL}>When</th>
          <th className={HEAD_CELL}>Who</th>
          <th className={HEAD_CELL}>Action</th>
          <th className={HEAD_CELL}>What</th>
          <th className={HEAD_CELL}>Outcome</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr
            key={entry.id}
            data-testid="audit-row"
            data-action={entry.action}
            data-outcome={entry.outcome}
            className="border-t border-zinc-100 hover:bg-zinc-50 dark:border-zinc-800/70 dark:hover:bg-zinc-900/60"
          >
            <td className={CELL}>
              <When at={entry.at} />
            </td>
            <td className={CELL}>
              <Who entry={entry} />
            </td>
            <td className={CELL} data-testid="audit-action">
              {ACTION_LABELS[entry.action]}
            </td>
            <td className="w-full max-w-0 px-2 py-1.5 align-top">
              <What entry={entry} />
            </td>
            <td className={CELL}>
              <Outcome entry={entry} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
