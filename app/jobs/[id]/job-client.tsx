'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { ChangeControls } from '@/components/access';
import { Breadcrumb } from '@/components/breadcrumb';
import { Button, buttonClass } from '@/components/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { CopyButton } from '@/components/copy-button';
import { LiveDuration } from '@/components/live-duration';
import { OutcomeMessage } from '@/components/outcome-message';
import { ResultTable } from '@/components/result-table';
import { Section } from '@/components/section';
import { PHASE_LABELS, StatusBadge } from '@/components/status-badge';
import { Timestamp } from '@/components/timestamp';
import { countOf, formatDuration, shortId } from '@/lib/domain/format';
import type { JobDetail } from '@/lib/domain/job';
import { isTerminal } from '@/lib/domain/status';
import { useCancelJobs } from '@/lib/hooks/use-cancel-jobs';
import { KIND_LABELS } from '@/components/kind-badge';
import { ExternalBadge } from '@/components/origin-badge';
import { describeExternalRun } from '@/lib/domain/query-history';
import { jobCsvUrl, jobQueries } from '@/lib/queries';
import { ContainersSection, LogsSection, SpecSection } from './job-service-sections';
import { ApiError } from '@/lib/queries/fetch-json';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="mt-0.5 truncate">{children}</dd>
    </div>
  );
}

function StatusHistory({ job }: { job: JobDetail }) {
  const transitions = [...job.transitions].sort((a, b) => a.at - b.at);
  // Offsets on Flurry's own clock, as the transitions are (submittedAt may be the warehouse's).
  const origin = transitions[0]?.at ?? 0;
  if (transitions.length === 0) return <p className="text-zinc-500">No status changes recorded yet.</p>;
  return (
    <ol className="space-y-2" aria-label="Status history">
      {transitions.map((transition, index) => (
        <li key={`${index}-${transition.at}`} className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <span className="w-20 text-xs text-zinc-500">
            <Timestamp at={transition.at} />
          </span>
          <StatusBadge phase={transition.phase} rawStatus={transition.rawStatus} />
          <span className="text-xs text-zinc-400 tabular-nums">+{formatDuration(transition.at - origin)}</span>
        </li>
      ))}
    </ol>
  );
}

function ResultSection({ job }: { job: JobDetail }) {
  const succeeded = job.phase === 'succeeded';
  const result = useQuery({ ...jobQueries.result(job.id), enabled: succeeded });

  if (!succeeded) {
    return (
      <Section title="Result">
        <p className="text-zinc-500">
          {isTerminal(job.phase)
            ? `No result: the query ended as ${PHASE_LABELS[job.phase].toLowerCase()}.`
            : 'The result appears here when the query succeeds.'}
        </p>
      </Section>
    );
  }

  const total = result.data?.total ?? job.rowCount;
  return (
    <Section
      title="Result"
      actions={
        <a href={jobCsvUrl(job.id)} download className={buttonClass('secondary', 'sm')}>
          Download CSV
        </a>
      }
    >
      {result.isPending ? (
        <p className="text-zinc-500">Loading result…</p>
      ) : result.isError ? (
        <p role="alert" className="text-red-700 dark:text-red-400">
          Could not load the result: {result.error.message}
        </p>
      ) : (
        <div className="space-y-2">
          <p className="text-xs text-zinc-500" data-testid="result-summary">
            {total !== null && total > result.data.rows.length
              ? `First ${result.data.rows.length.toLocaleString('en-US')} of ${countOf(total, 'row')}`
              : countOf(result.data.rows.length, 'row')}
            {' · '}
            {countOf(result.data.columns.length, 'column')}
          </p>
          <ResultTable result={result.data} />
        </div>
      )}
    </Section>
  );
}

/** Where the job service runs, and what its containers do and say. */
function JobServiceView({ job }: { job: JobDetail }) {
  const service = job.service;
  const containers = useQuery(jobQueries.containers(job.id, isTerminal(job.phase)));
  if (!service) return null;
  return (
    <>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-lg border border-zinc-200 bg-white p-4 sm:grid-cols-3 dark:border-zinc-800 dark:bg-zinc-900">
        <Field label="Job service">
          <span className="inline-flex items-center gap-0.5">
            <span className="font-mono text-xs" data-testid="service-name" title={service.name ?? undefined}>
              {service.name ?? 'named by Snowflake (JOB_…), not listed yet'}
            </span>
            {service.name ? <CopyButton text={service.name} label={`Copy job service name ${service.name}`} /> : null}
          </span>
        </Field>
        <Field label="Compute pool">
          <span className="font-mono text-xs">{service.computePool}</span>
        </Field>
        <Field label="Name known">{service.resolved ? 'Yes, as the warehouse lists it' : 'Not yet: waiting for the warehouse to list the job'}</Field>
      </dl>
      <ContainersSection job={job} containers={containers.data} error={containers.error} />
      <LogsSection job={job} containers={containers.data} />
    </>
  );
}

function JobView({ job }: { job: JobDetail }) {
  const [confirming, setConfirming] = useState(false);
  const { cancel, pending, outcome, dismiss } = useCancelJobs();
  const active = !isTerminal(job.phase);

  return (
    <div className="space-y-4">
      <Breadcrumb
        trail={[
          { href: '/jobs', label: 'Jobs' },
          { href: `/batches/${encodeURIComponent(job.batchId)}`, label: `Batch ${shortId(job.batchId)}` },
        ]}
        current={shortId(job.id)}
      />

      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-lg font-semibold">{job.batchLabel ?? `Job ${shortId(job.id)}`}</h1>
          <span data-testid="job-status">
            <StatusBadge phase={job.phase} rawStatus={job.rawStatus} />
          </span>
          <ExternalBadge job={job} />
        </div>
        <div className="flex items-center gap-2">
          {job.kind === 'job_service' ? (
            <Link href={`/launch?kind=job_service&from=${encodeURIComponent(job.id)}`} className={buttonClass('secondary')}>
              Launch again
            </Link>
          ) : null}
          {active ? (
            <ChangeControls>
              <Button variant="danger" disabled={pending} onClick={() => setConfirming(true)}>
                {pending ? 'Cancelling…' : 'Cancel'}
              </Button>
            </ChangeControls>
          ) : null}
        </div>
      </div>
      {job.ranBy ? (
        <p data-testid="external-run" className="text-sm text-zinc-600 dark:text-zinc-400">
          Run outside Flurry by <span className="font-medium text-zinc-900 dark:text-zinc-100">{describeExternalRun(job.ranBy)}</span>;
          Flurry found it in the warehouse’s query history and follows it like its own.
        </p>
      ) : null}
      <OutcomeMessage outcome={outcome} onDismiss={dismiss} />

      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-lg border border-zinc-200 bg-white p-4 sm:grid-cols-4 lg:grid-cols-8 dark:border-zinc-800 dark:bg-zinc-900">
        <Field label="Query ID">
          {job.queryId ? (
            <span className="inline-flex items-center gap-0.5">
              <span className="font-mono text-xs" title={job.queryId} data-testid="query-id">
                {shortId(job.queryId)}
              </span>
              <CopyButton text={job.queryId} label={`Copy query id ${job.queryId}`} />
            </span>
          ) : (
            '—'
          )}
        </Field>
        <Field label="Batch">
          <Link href={`/batches/${encodeURIComponent(job.batchId)}`} className="font-mono text-xs text-sky-700 hover:underline dark:text-sky-400">
            {shortId(job.batchId)}
          </Link>
          <span className="ml-1 text-xs text-zinc-500">
            #{job.position + 1}, {job.origin === 'external' ? 'external session' : job.batchMode}
          </span>
        </Field>
        <Field label="Kind">{KIND_LABELS[job.kind]}</Field>
        <Field label="Submitted">
          <Timestamp at={job.submittedAt} />
        </Field>
        <Field label="Started">
          <Timestamp at={job.startedAt} />
        </Field>
        <Field label="Ended">
          <Timestamp at={job.endedAt} />
        </Field>
        <Field label="Duration">
          <LiveDuration job={job} />
        </Field>
        {job.service ? (
          <Field label="Replicas">{job.service.replicas}</Field>
        ) : (
          <Field label="Rows">{job.rowCount === null ? '—' : job.rowCount.toLocaleString('en-US')}</Field>
        )}
      </dl>

      {job.errorMessage || job.errorCode ? (
        <div role="alert" data-testid="job-error" className="rounded-lg border border-red-200 bg-red-50 p-4 dark:border-red-900 dark:bg-red-950/50">
          <h2 className="font-semibold text-red-900 dark:text-red-200">
            Error{job.errorCode ? <span className="ml-2 font-mono text-xs font-normal">{job.errorCode}</span> : null}
          </h2>
          <pre className="mt-1 font-mono text-xs whitespace-pre-wrap text-red-900 dark:text-red-200">{job.errorMessage}</pre>
        </div>
      ) : null}

      {job.service ? <JobServiceView job={job} /> : null}

      <Section title="SQL" actions={<CopyButton text={job.sql} label="Copy SQL" />}>
        <pre className="max-h-80 overflow-auto rounded-md bg-zinc-50 p-3 font-mono text-xs leading-5 whitespace-pre-wrap dark:bg-zinc-950">
          {job.sql}
        </pre>
      </Section>

      <div className="grid gap-4 lg:grid-cols-[20rem_1fr]">
        <Section title="Status history">
          <StatusHistory job={job} />
        </Section>
        {job.service ? <SpecSection job={job} /> : <ResultSection job={job} />}
      </div>

      <ConfirmDialog
        open={confirming}
        title="Cancel this job?"
        confirmLabel="Cancel job"
        cancelLabel="Keep running"
        onConfirm={() => {
          setConfirming(false);
          cancel([job.id]);
        }}
        onClose={() => setConfirming(false)}
      >
        {job.ranBy ? `It was run outside Flurry by ${describeExternalRun(job.ranBy)}. ` : null}
        {job.kind === 'job_service'
          ? 'The job service is cancelled in the warehouse (SYSTEM$CANCEL_JOB): its containers are stopped and it stays listed as CANCELLED.'
          : 'A running query is aborted in the warehouse; a queued one never starts.'}
      </ConfirmDialog>
    </div>
  );
}

export function JobClient({ id }: { id: string }) {
  const detail = useQuery(jobQueries.detail(id));

  // A failed refetch keeps showing the job it already has.
  if (detail.data) return <JobView job={detail.data} />;
  if (detail.isPending) return <p className="py-16 text-center text-zinc-500">Loading job…</p>;
  const missing = detail.error instanceof ApiError && detail.error.status === 404;
  return (
    <div role="alert" className="mx-auto max-w-md py-16 text-center">
      <p className="font-medium">{missing ? `No job with id ${id}.` : `Could not load the job: ${detail.error.message}`}</p>
      {missing ? (
        <Link href="/jobs" className={`${buttonClass('secondary')} mt-4`}>
          Back to Jobs
        </Link>
      ) : (
        <Button className="mt-4" onClick={() => void detail.refetch()}>
          Try again
        </Button>
      )}
    </div>
  );
}
