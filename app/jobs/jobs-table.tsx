'use client';
import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { CopyButton } from '@/components/copy-button';
import { KindBadge } from '@/components/kind-badge';
import { ExternalBadge } from '@/components/origin-badge';
import { LiveDuration } from '@/components/live-duration';
import { StatusBadge } from '@/components/status-badge';
import { Timestamp } from '@/components/timestamp';
import { oneLine, shortId } from '@/lib/domain/format';
import type { Job } from '@/lib/domain/job';
import { isTerminal } from '@/lib/domain/status';

const MUTED = 'text-zinc-400 dark:text-zinc-600';
const HEAD_CELL = 'px-2 py-2 text-left text-xs font-medium whitespace-nowrap text-zinc-500 dark:text-zinc-400';
const CELL = 'px-2 py-1.5 align-middle whitespace-nowrap';

function SelectAll({ activeIds, selected, onChange }: {
  activeIds: string[];
  selected: ReadonlySet<string>;
  onChange: (ids: string[]) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const count = activeIds.filter((id) => selected.has(id)).length;
  const all = activeIds.length > 0 && count === activeIds.length;

  useEffect(() => {
    if (ref.current) ref.current.indeterminate = count > 0 && !all;
  }, [count, all]);

  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label="Select all active jobs"
      checked={all}
      disabled={activeIds.length === 0}
      onChange={() => onChange(all ? [] : activeIds)}
      className="accent-sky-600"
    />
  );
}

function JobRow({ job, selected, onToggle, onBatch }: {
  job: Job;
  selected: boolean;
  onToggle: (id: string) => void;
  onBatch: (batchId: string) => void;
}) {
  const active = !isTerminal(job.phase);
  // A job service is known by its name once the warehouse has said it; until then by its statement.
  const what = job.service?.name ?? oneLine(job.sql);
  return (
    <tr
      data-job-id={job.id}
      data-testid="job-row"
      className={`border-t border-zinc-100 dark:border-zinc-800/70 ${
        selected ? 'bg-sky-50/70 dark:bg-sky-950/30' : 'hover:bg-zinc-50 dark:hover:bg-zinc-900/60'
      }`}
    >
      <td className={`${CELL} w-8`}>
        <input
          type="checkbox"
          aria-label={`Select job ${shortId(job.id)}`}
          checked={selected}
          disabled={!active}
          title={active ? undefined : 'Finished jobs cannot be cancelled'}
          onChange={() => onToggle(job.id)}
          className="accent-sky-600"
        />
      </td>
      <td className={CELL} data-testid="job-status">
        <StatusBadge phase={job.phase} rawStatus={job.rawStatus} />
      </td>
      <td className={CELL}>
        <span className="inline-flex items-center gap-1">
          <span data-testid="job-kind">
            <KindBadge kind={job.kind} />
          </span>
          <ExternalBadge job={job} />
        </span>
      </td>
      <td className={`${CELL} max-w-40 truncate`} title={job.batchLabel ?? undefined}>
        {job.batchLabel ?? <span className={MUTED}>—</span>}
      </td>
      <td className={CELL}>
        <button
          type="button"
          onClick={() => onBatch(job.batchId)}
          title={`Show only batch ${job.batchId} (${job.batchMode})`}
          aria-label={`Show only batch ${shortId(job.batchId)}`}
          className="rounded font-mono text-xs text-sky-700 hover:underline dark:text-sky-400"
        >
          {shortId(job.batchId)}
        </button>
        <span className="ml-1 text-[11px] text-zinc-400">#{job.position + 1}</span>
      </td>
      <td className="w-full max-w-0 px-2 py-1.5 align-middle">
        <Link
          href={`/jobs/${encodeURIComponent(job.id)}`}
          title={job.sql}
          className="block truncate font-mono text-xs text-zinc-900 hover:text-sky-700 hover:underline dark:text-zinc-100 dark:hover:text-sky-400"
        >
          {what}
        </Link>
        {job.errorMessage ? (
          <p
            data-testid="job-error"
            className="mt-0.5 truncate text-xs text-red-700 dark:text-red-400"
            title={job.errorMessage}
          >
            {job.errorCode ? <span className="font-mono">{job.errorCode} · </span> : null}
            {job.errorMessage}
          </p>
        ) : null}
      </td>
      <td className={CELL}>
        <Timestamp at={job.submittedAt} />
      </td>
      <td className={CELL}>
        <Timestamp at={job.startedAt} />
      </td>
      <td className={`${CELL} text-right`} data-testid="job-duration">
        <LiveDuration job={job} />
      </td>
      <td className={CELL}>
        {job.queryId ? (
          <span className="inline-flex items-center gap-0.5">
            <span className="font-mono text-xs" title={job.queryId}>
              {shortId(job.queryId)}
            </span>
            <CopyButton text={job.queryId} label={`Copy query id ${job.queryId}`} />
          </span>
        ) : (
          <span className={MUTED}>—</span>
        )}
      </td>
    </tr>
  );
}

export function JobsTable({ jobs, selected, onSelect, onBatch }: {
  jobs: Job[];
  selected: ReadonlySet<string>;
  onSelect: (ids: string[]) => void;
  onBatch: (batchId: string) => void;
}) {
  const activeIds = jobs.filter((job) => !isTerminal(job.phase)).map((job) => job.id);
  const toggle = (id: string) =>
    onSelect(selected.has(id) ? [...selected].filter((other) => other !== id) : [...selected, id]);

  return (
    <table className="w-full border-collapse text-[13px]">
      <thead className="bg-zinc-50 dark:bg-zinc-900">
        <tr className="border-b border-zinc-200 dark:border-zinc-800">
          <th scope="col" className={`${HEAD_CELL} w-8`}>
            <SelectAll activeIds={activeIds} selected={selected} onChange={onSelect} />
          </th>
          <th scope="col" className={HEAD_CELL}>Status</th>
          <th scope="col" className={HEAD_CELL}>Kind</th>
          <th scope="col" className={HEAD_CELL}>Label</th>
          <th scope="col" className={HEAD_CELL}>Batch</th>
          <th scope="col" className={HEAD_CELL}>SQL or job service</th>
          <th scope="col" className={HEAD_CELL}>Submitted</th>
          <th scope="col" className={HEAD_CELL}>Started</th>
          <th scope="col" className={`${HEAD_CELL} text-right`}>Duration</th>
          <th scope="col" className={HEAD_CELL}>Query ID</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <JobRow key={job.id} job={job} selected={selected.has(job.id)} onToggle={toggle} onBatch={onBatch} />
        ))}
      </tbody>
    </table>
  );
}
