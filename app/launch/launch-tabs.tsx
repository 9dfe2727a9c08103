'use client';
/**
 * The Launch page's two forms, chosen in the URL (?kind=job_service) so a link, a reload or
 * "Launch again" (?kind=job_service&from=<job id>) opens the right one.
 */
import { parseAsString, parseAsStringLiteral, useQueryStates } from 'nuqs';
import { ChangeControls } from '@/components/access';
import { KIND_LABELS } from '@/components/kind-badge';
import { JOB_KINDS, type JobKind } from '@/lib/domain/job';
import { JobServiceForm } from './job-service-form';
import { LaunchClient } from './launch-client';

const TAB_LABELS: Record<JobKind, string> = { query: 'SQL', job_service: KIND_LABELS.job_service };

export function LaunchTabs() {
  const [{ kind, from }, setParams] = useQueryStates({
    kind: parseAsStringLiteral(JOB_KINDS).withDefault('query'),
    from: parseAsString,
  });

  return (
    <div className="mx-auto max-w-5xl">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-lg font-semibold">Launch</h1>
        <div role="tablist" aria-label="What to launch" className="inline-flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700">
          {JOB_KINDS.map((option) => (
            <button
              key={option}
              type="button"
              role="tab"
              aria-selected={kind === option}
              onClick={() => void setParams({ kind: option === 'query' ? null : option, from: null })}
              className={`h-7 rounded px-3 text-xs font-medium ${
                kind === option ? 'bg-sky-600 text-white dark:bg-sky-500 dark:text-zinc-950' : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-400'
              }`}
            >
              {TAB_LABELS[option]}
            </button>
          ))}
        </div>
      </div>
      <div role="tabpanel" aria-label={TAB_LABELS[kind]}>
        <ChangeControls note>
          {kind === 'job_service' ? <JobServiceForm key={from ?? 'new'} fromJobId={from} /> : <LaunchClient />}
        </ChangeControls>
      </div>
    </div>
  );
}
