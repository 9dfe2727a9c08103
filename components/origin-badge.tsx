import { describeExternalRun } from '@/lib/domain/query-history';
import type { Job, JobOrigin } from '@/lib/domain/job';

export const ORIGIN_LABELS: Record<JobOrigin, string> = {
  flurry: 'Flurry',
  external: 'External',
};

/** Marks a query another client ran (found in the warehouse's query history); Flurry's own carry no mark. */
export function ExternalBadge({ job }: { job: Pick<Job, 'origin' | 'ranBy'> }) {
  if (job.origin !== 'external') return null;
  return (
    <span
      data-testid="job-origin"
      title={job.ranBy ? `Run outside Flurry by ${describeExternalRun(job.ranBy)}` : 'Run outside Flurry'}
      className="inline-flex rounded px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300"
    >
      external
    </span>
  );
}
