import type { JobKind } from '@/lib/domain/job';

export const KIND_LABELS: Record<JobKind, string> = {
  query: 'Query',
  job_service: 'Job service',
};

/** What kind of work a job is, as a small tag. */
export function KindBadge({ kind }: { kind: JobKind }) {
  return (
    <span
      data-kind={kind}
      className={`inline-flex rounded px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap ${
        kind === 'job_service'
          ? 'bg-violet-50 text-violet-800 dark:bg-violet-950 dark:text-violet-300'
          : 'bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300'
      }`}
    >
      {KIND_LABELS[kind]}
    </span>
  );
}
