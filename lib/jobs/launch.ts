import 'server-only';
/**
 * Launching a batch: register every statement as a WAITING job, then let the tracker submit
 * what the batch's mode says is due (all at once for parallel, the first for a sequence).
 * Registering first means a submission whose answer is lost is retried, not forgotten.
 */
import type { ParsedLaunchInput } from '@/lib/domain/launch-input';
import type { LaunchResult } from '@/lib/domain/launch-result';
import type { Registry } from '@/lib/registry/registry';
import type { NewBatch, NewJob } from '@/lib/registry/types';
import type { Tracker } from '@/lib/tracker/tracker';
import { jobServiceOf } from './job-service-statement';
import { statementsOf } from './statements';

export interface LaunchDeps {
  registry: Registry;
  tracker: Tracker;
}

export async function launchBatch(input: ParsedLaunchInput, { registry, tracker }: LaunchDeps): Promise<LaunchResult> {
  const statements = statementsOf(input.sql);
  return launchJobs({ label: input.label, mode: input.mode, jobs: statements.map(jobOf) }, { registry, tracker });
}

/**
 * A statement of the query editor as a job. An EXECUTE JOB SERVICE statement runs as the query
 * it is (an ASYNC one returns at once) and is watched as the job service it starts.
 */
function jobOf(sql: string): NewJob {
  const service = jobServiceOf(sql);
  return service ? { sql, kind: 'job_service', service } : { sql, kind: 'query' };
}

/** Registers the jobs, then lets the tracker submit what is due. */
export async function launchJobs(input: NewBatch, { registry, tracker }: LaunchDeps): Promise<LaunchResult> {
  const { batch, jobs } = await registry.createBatch(input);
  await tracker.advanceBatch(batch.id);
  return { batchId: batch.id, jobIds: jobs.map((job) => job.id) };
}
