import 'server-only';
/**
 * What the detail page of a job service reads besides the job: its containers and the tail of
 * a container's log, straight from the warehouse but shared between tabs (sharedReads), and the
 * compute pools the Launch form offers.
 */
import { sharedReads } from '@/lib/concurrency/shared-reads';
import type { ComputePool, Job, ServiceContainer, ServiceLog } from '@/lib/domain/job';
import { isTerminal } from '@/lib/domain/status';
import { JobNotFoundError, NoServiceError } from '@/lib/errors/request-errors';
import type { Registry } from '@/lib/registry/registry';
import type { WarehouseCalls } from '@/lib/warehouse/calls';

/** About how often the detail page asks while a job runs: tabs asking within it share a read. */
const SHARED_READ_MS = 1_000;
const POOLS_READ_MS = 5_000;

const containerReads = sharedReads<ServiceContainer[]>(SHARED_READ_MS);
const logReads = sharedReads<ServiceLog>(SHARED_READ_MS);
const poolReads = sharedReads<ComputePool[]>(POOLS_READ_MS);

export interface ServiceReadDeps {
  registry: Registry;
  warehouse: WarehouseCalls;
}

/**
 * The job service's name (null while the warehouse has not listed it: nothing to read yet), and
 * the key its reads are shared under. The key changes when the job ends, so the first read after
 * the end is a fresh one, never an answer from while it ran.
 */
async function serviceOf(jobId: string, registry: Registry): Promise<{ name: string | null; key: string }> {
  const job: Job | undefined = (await registry.getJobs([jobId]))[0];
  if (!job) throw new JobNotFoundError(jobId);
  if (job.kind !== 'job_service' || !job.service) throw new NoServiceError('This job is a query; only job services have containers and logs.');
  const name = job.service.resolved ? job.service.name : null;
  return { name, key: JSON.stringify([name, isTerminal(job.phase)]) };
}

export async function jobContainers(jobId: string, { registry, warehouse }: ServiceReadDeps): Promise<ServiceContainer[]> {
  const { name, key } = await serviceOf(jobId, registry);
  if (name === null) return [];
  return containerReads(key, () => warehouse.serviceContainers(name));
}

export interface LogRequest {
  instanceId: string;
  containerName: string;
  lines: number;
}

export async function jobLog(jobId: string, request: LogRequest, { registry, warehouse }: ServiceReadDeps): Promise<ServiceLog> {
  const { name, key } = await serviceOf(jobId, registry);
  const { instanceId, containerName, lines } = request;
  if (name === null) throw new NoServiceError('The warehouse has not listed this job service yet; its logs will be here once it has.');
  return logReads(JSON.stringify([key, instanceId, containerName, lines]), () => warehouse.serviceLog(name, instanceId, containerName, lines));
}

export function computePools(warehouse: WarehouseCalls): Promise<ComputePool[]> {
  return poolReads('pools', () => warehouse.computePools());
}
