'use client';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { StatusBadge } from '@/components/status-badge';
import { Timestamp } from '@/components/timestamp';
import { formatDuration } from '@/lib/domain/format';
import { taskRunPhase } from '@/lib/domain/status';
import type { GraphRunView } from '@/lib/domain/tasks/graph-runs';
import type { TaskDefinition } from '@/lib/domain/tasks/task-definition';
import type { TaskRun } from '@/lib/domain/tasks/task-rows';
import { editTaskHref } from '../task-links';

const HISTORY_ROWS = 10;

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="mt-0.5 break-words">{children}</dd>
    </div>
  );
}

const code = 'block max-h-48 overflow-auto whitespace-pre-wrap rounded bg-zinc-50 p-2 font-mono text-xs dark:bg-zinc-950';

function duration(run: TaskRun, now: number): string {
  return run.startedAt === null ? '—' : formatDuration((run.completedAt ?? now) - run.startedAt);
}

/** The selected task: its definition, what it did in the chosen run, and its recent runs. */
export function TaskPanel({ task, run, history, now }: { task: TaskDefinition; run: GraphRunView | null; history: readonly TaskRun[]; now: number }) {
  const inRun = run?.tasks[task.name];
  const recent = history.filter((row) => row.task === task.name && row.state !== 'SCHEDULED').slice(0, HISTORY_ROWS);
  return (
    <aside aria-label={`Task ${task.shortName}`} data-task-panel className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-start justify-between gap-2">
        <h2 className="font-mono text-base font-semibold break-all">{task.shortName}</h2>
        <Link href={editTaskHref(task.name)} className="shrink-0 text-sky-700 hover:underline dark:text-sky-400">
          Edit
        </Link>
      </div>
      <section aria-label="In this run">
        {inRun ? (
          <div className="space-y-1">
            <StatusBadge phase={taskRunPhase(inRun.state)} rawStatus={inRun.state} />
            <p className="text-zinc-600 dark:text-zinc-400">
              Started <Timestamp at={inRun.startedAt} /> · {duration(inRun, now)}
              {inRun.attempt > 1 ? ` · attempt ${inRun.attempt}` : ''}
            </p>
            {inRun.queryId ? <p className="font-mono text-xs text-zinc-500">Query {inRun.queryId}</p> : null}
            {inRun.errorMessage ? (
              <p data-task-error className="rounded bg-red-50 p-2 whitespace-pre-wrap text-red-800 dark:bg-red-950 dark:text-red-200">
                {inRun.errorCode ? `${inRun.errorCode}: ` : ''}
                {inRun.errorMessage}
              </p>
            ) : null}
          </div>
        ) : (
          <p className="text-zinc-500 dark:text-zinc-400">{run ? 'Did not run in this run.' : 'No run chosen.'}</p>
        )}
      </section>
      <dl className="space-y-3">
        <Item label="Name">
          <span className="font-mono text-xs">{task.name}</span>
        </Item>
        <Item label="State">{task.state === 'started' ? 'Resumed' : `Suspended${task.lastSuspendedReason ? ` (${task.lastSuspendedReason})` : ''}`}</Item>
        <Item label="Warehouse">{task.warehouse ?? 'Serverless'}</Item>
        {task.schedule ? <Item label="Schedule">{task.schedule}</Item> : null}
        {task.predecessors.length > 0 ? (
          <Item label="Runs after">
            <span className="font-mono text-xs">{task.predecessors.join(', ')}</span>
          </Item>
        ) : null}
        {task.finalize ? (
          <Item label="Finalizes">
            <span className="font-mono text-xs">{task.finalize}</span>
          </Item>
        ) : null}
        {task.condition ? (
          <Item label="When">
            <code className={code}>{task.condition}</code>
          </Item>
        ) : null}
        <Item label="Definition">
          <code className={code}>{task.definition}</code>
        </Item>
        {task.config ? (
          <Item label="Config">
            <code className={code}>{task.config}</code>
          </Item>
        ) : null}
        {task.comment ? <Item label="Comment">{task.comment}</Item> : null}
      </dl>
      <section aria-label="Recent runs of this task">
        <h3 className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Recent runs</h3>
        {recent.length === 0 ? (
          <p className="mt-1 text-zinc-500 dark:text-zinc-400">None in the last 7 days.</p>
        ) : (
          <ul className="mt-1 space-y-1">
            {recent.map((row) => (
              <li key={`${row.runId}:${row.attempt}`} className="flex items-center justify-between gap-2">
                <StatusBadge phase={taskRunPhase(row.state)} rawStatus={row.state} />
                <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                  <Timestamp at={row.scheduledAt} /> · {duration(row, now)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </aside>
  );
}
