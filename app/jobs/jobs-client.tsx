'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { ChangeControls } from '@/components/access';
import { Button, buttonClass } from '@/components/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { EmptyListState } from '@/components/filter-controls';
import { OutcomeMessage } from '@/components/outcome-message';
import { PageHeader } from '@/components/page-header';
import { countOf } from '@/lib/domain/format';
import { isTerminal } from '@/lib/domain/status';
import { useCancelJobs } from '@/lib/hooks/use-cancel-jobs';
import { jobQueries } from '@/lib/queries';
import { JobsFilters } from './jobs-filters';
import { JobsTable } from './jobs-table';
import { useJobFilters } from './use-job-filters';

export function JobsClient() {
  const jobFilters = useJobFilters();
  const list = useQuery(jobQueries.list(jobFilters.jobFilter));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const { cancel, pending, outcome, dismiss } = useCancelJobs();

  const jobs = list.data?.jobs ?? [];
  // Jobs that finished since they were ticked can no longer be cancelled.
  const toCancel = jobs.filter((job) => selected.has(job.id) && !isTerminal(job.phase)).map((job) => job.id);

  const confirmCancel = () => {
    setConfirming(false);
    cancel(toCancel, (cancelled) =>
      setSelected((current) => new Set([...current].filter((id) => !cancelled.includes(id)))),
    );
  };

  return (
    <div className="space-y-3">
      <PageHeader
        title="Jobs"
        subtitle={
          list.data
            ? list.data.total > jobs.length
              ? `Showing the latest ${jobs.length.toLocaleString('en-US')} of ${countOf(list.data.total, 'job')}`
              : countOf(list.data.total, 'job')
            : null
        }
        actions={
          <>
            <Link
              href={jobFilters.filters.batch ? `/batches/${encodeURIComponent(jobFilters.filters.batch)}` : '/timeline'}
              className={buttonClass('secondary')}
            >
              {jobFilters.filters.batch ? 'Batch timeline' : 'Timeline'}
            </Link>
            <Link href="/launch" className={buttonClass('primary')}>
              Launch
            </Link>
          </>
        }
      />

      <JobsFilters {...jobFilters} />

      <div className="flex min-h-8 flex-wrap items-center gap-3">
        <ChangeControls>
          <Button
            variant={toCancel.length > 0 ? 'danger' : 'secondary'}
            disabled={toCancel.length === 0 || pending}
            onClick={() => setConfirming(true)}
          >
            {pending ? 'Cancelling…' : toCancel.length > 0 ? `Cancel selected (${toCancel.length})` : 'Cancel selected'}
          </Button>
        </ChangeControls>
        {toCancel.length > 0 ? (
          <Button variant="ghost" size="sm" onClick={() => setSelected(new Set())}>
            Clear selection
          </Button>
        ) : null}
        <div className="min-w-64 flex-1">
          <OutcomeMessage outcome={outcome} onDismiss={dismiss} />
        </div>
      </div>

      <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        {list.isPending ? (
          <p className="px-4 py-16 text-center text-zinc-500">Loading jobs…</p>
        ) : list.isError && !list.data ? (
          <div role="alert" className="px-4 py-16 text-center">
            <p className="font-medium text-red-700 dark:text-red-400">Could not load jobs: {list.error.message}</p>
            <Button className="mt-4" onClick={() => void list.refetch()}>
              Try again
            </Button>
          </div>
        ) : jobs.length === 0 ? (
          <EmptyListState noun="jobs" filtered={jobFilters.active} onClear={() => void jobFilters.clear()}>
            <p className="font-medium">No jobs yet.</p>
            <p className="mt-1 text-zinc-600 dark:text-zinc-400">Launch some SQL and watch it run here.</p>
            <Link href="/launch" className={`${buttonClass('primary')} mt-4`}>
              Launch
            </Link>
          </EmptyListState>
        ) : (
          <JobsTable
            jobs={jobs}
            selected={selected}
            onSelect={(ids) => setSelected(new Set(ids))}
            onBatch={(batchId) => void jobFilters.setFilters({ batch: batchId })}
          />
        )}
      </div>

      <ConfirmDialog
        open={confirming}
        title={`Cancel ${countOf(toCancel.length, 'job')}?`}
        confirmLabel={`Cancel ${countOf(toCancel.length, 'job')}`}
        cancelLabel="Keep running"
        onConfirm={confirmCancel}
        onClose={() => setConfirming(false)}
      >
        Running queries are aborted in the warehouse; queued ones never start. This cannot be undone.
      </ConfirmDialog>
    </div>
  );
}
