import 'server-only';
/**
 * Cancelling jobs: a queued or running query is cancelled in the warehouse (the tracker sees it
 * end as ABORTED); a job never submitted becomes CANCELLED and the rest of its sequence SKIPPED;
 * a job that has already ended is reported as such, which is not an error.
 */
import type { CancelReport } from '@/lib/domain/cancel-report';
import type { Job } from '@/lib/domain/job';
import { isTerminal } from '@/lib/domain/status';
import type { Registry } from '@/lib/registry/registry';
import type { Tracker } from '@/lib/tracker/tracker';
import { mapLimited } from '@/lib/concurrency/map-limited';
import type { WarehouseCalls } from '@/lib/warehouse/calls';

export interface CancelDeps {
  registry: Registry;
  tracker: Tracker;
  warehouse: WarehouseCalls;
}

export interface CancelJobsReport extends CancelReport {
  /** Jobs that had ended before the cancel arrived. */
  alreadyEnded: string[];
}

/** A query is cancelled by its id; a job service by its name, keeping it visible as CANCELLED. */
async function cancelInWarehouse(job: Job, warehouse: WarehouseCalls): Promise<void> {
  if (job.kind === 'query') {
    await warehouse.cancelQuery(job.queryId as string);
    return;
  }
  if (!job.service?.resolved || !job.service.name) {
    throw new Error('The warehouse has not listed this job service yet, so its name is not known; try again in a moment.');
  }
  await warehouse.cancelJobService(job.service.name);
}

export async function cancelJobs(jobIds: readonly string[], { registry, tracker, warehouse }: CancelDeps): Promise<CancelJobsReport> {
  const ids = [...new Set(jobIds)];
  const report: CancelJobsReport = { cancelled: [], alreadyEnded: [], failed: [] };

  const unsubmitted = (await registry.getJobs(ids)).filter((job) => !job.queryId && !isTerminal(job.phase));
  report.cancelled.push(...(await tracker.cancelWaiting(unsubmitted.map((job) => job.id))));

  // Read again: a WAITING job may have been submitted while it was being cancelled.
  const jobs = new Map((await registry.getJobs(ids)).map((job) => [job.id, job]));
  const toCancel: Job[] = [];
  for (const id of ids) {
    const job = jobs.get(id);
    if (report.cancelled.includes(id)) continue;
    if (!job) report.failed.push({ jobId: id, error: 'No such job.' });
    else if (isTerminal(job.phase)) report.alreadyEnded.push(id);
    else toCancel.push(job);
  }

  await mapLimited(toCancel, 16, async (job) => {
    try {
      await cancelInWarehouse(job, warehouse);
      report.cancelled.push(job.id);
    } catch (error) {
      report.failed.push({ jobId: job.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  tracker.pollSoon(toCancel.map((job) => job.id));
  return report;
}
