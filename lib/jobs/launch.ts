import 'server-only';
/**
 * Launching a batch: register every statement as a WAITING job, then let the tracker submit
 * what the batch's mode says is due (all at once for parallel, the first for a sequence).
 * Registering first means a submission whose answer is lost is retried, not forgotten.
 */
import type { ParsedLaunchInput } from '@/lib/domain/launch-input';
import type { Registry } from '@/lib/registry/registry';
import type { Tracker } from '@/lib/tracker/tracker';
import { statementsOf } from './statements';

export interface LaunchDeps {
  registry: Registry;
  tracker: Tracker;
}

export interface LaunchResult {
  batchId: string;
  /** In statement order. */
  jobIds: string[];
}

export async function launchBatch(input: ParsedLaunchInput, { registry, tracker }: LaunchDeps): Promise<LaunchResult> {
  const statements = statementsOf(input.sql);
  const { batch, jobs } = await registry.createBatch({ label: input.label, mode: input.mode, kind: 'query', statements });
  await tracker.advanceBatch(batch.id);
  return { batchId: batch.id, jobIds: jobs.map((job) => job.id) };
}
