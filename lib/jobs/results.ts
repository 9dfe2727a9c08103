import 'server-only';
/**
 * Reading a job's result: only a succeeded query has one. Anything else gets a message saying
 * why there is none, for the detail page to show.
 */
import type { ResultPage } from '@/lib/domain/job';
import type { Phase } from '@/lib/domain/status';
import { JobNotFoundError, NoResultError } from '@/lib/errors/request-errors';
import type { Registry } from '@/lib/registry/registry';
import type { WarehouseCalls } from '@/lib/warehouse/calls';
import type { ResultStream } from '@/lib/warehouse/result-stream';

const WHY_NO_RESULT: Record<Exclude<Phase, 'succeeded'>, string> = {
  queued: 'The job has not started yet; its result will be here once it succeeds.',
  running: 'The job is still running; its result will be here once it succeeds.',
  failed: 'The job failed, so it has no result.',
  cancelled: 'The job was cancelled, so it has no result.',
  skipped: 'The job was skipped, so it has no result.',
};

export interface ResultDeps {
  registry: Registry;
  warehouse: WarehouseCalls;
}

/** The query id behind a job's result, or the reason it has none. */
export async function resultQueryId(jobId: string, registry: Registry): Promise<string> {
  const job = (await registry.getJobs([jobId]))[0];
  if (!job) throw new JobNotFoundError(jobId);
  if (job.phase !== 'succeeded') throw new NoResultError(WHY_NO_RESULT[job.phase]);
  return job.queryId as string;
}

export async function jobResultPage(jobId: string, limit: number, { registry, warehouse }: ResultDeps): Promise<ResultPage> {
  return warehouse.resultPage(await resultQueryId(jobId, registry), limit);
}

export async function jobResultStream(jobId: string, { registry, warehouse }: ResultDeps): Promise<{ queryId: string; result: ResultStream }> {
  const queryId = await resultQueryId(jobId, registry);
  return { queryId, result: await warehouse.streamResultRows(queryId) };
}
