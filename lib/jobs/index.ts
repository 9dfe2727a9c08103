import 'server-only';
/**
 * The job services over the server's shared registry, tracker and warehouse, for the server
 * actions and route handlers. Tests and the benchmark call the functions in ./launch, ./cancel
 * and ./results with their own parts.
 */
import type { ParsedJobServiceLaunch } from '@/lib/domain/job-service-form';
import type { ParsedLaunchInput } from '@/lib/domain/launch-input';
import type { LaunchResult } from '@/lib/domain/launch-result';
import { registry } from '@/lib/registry';
import { sharedTracker } from '@/lib/tracker';
import { warehouse } from '@/lib/warehouse/calls';
import { cancelJobs as cancel, type CancelJobsReport } from './cancel';
import { csvExport, sharedExportSlots, type CsvExportRequest } from './csv-export';
import { launchBatch as launch } from './launch';
import { launchJobService as launchService } from './launch-job-service';
import { jobResultPage } from './results';
import { computePools as pools, jobContainers, jobLog, type LogRequest } from './service-reads';

export type { CancelJobsReport } from './cancel';

export async function launchBatch(input: ParsedLaunchInput): Promise<LaunchResult> {
  return launch(input, { registry: await registry(), tracker: await sharedTracker() });
}

export async function launchJobService(input: ParsedJobServiceLaunch): Promise<LaunchResult> {
  return launchService(input, { registry: await registry(), tracker: await sharedTracker() });
}

export async function cancelJobs(jobIds: readonly string[]): Promise<CancelJobsReport> {
  return cancel(jobIds, { registry: await registry(), tracker: await sharedTracker(), warehouse: warehouse() });
}

export async function resultPage(jobId: string, limit: number) {
  return jobResultPage(jobId, limit, { registry: await registry(), warehouse: warehouse() });
}

export async function csvDownload(jobId: string, request: CsvExportRequest): Promise<Response> {
  return csvExport(jobId, request, { registry: await registry(), warehouse: warehouse(), slots: sharedExportSlots() });
}

export async function containers(jobId: string) {
  return jobContainers(jobId, { registry: await registry(), warehouse: warehouse() });
}

export async function serviceLog(jobId: string, request: LogRequest) {
  return jobLog(jobId, request, { registry: await registry(), warehouse: warehouse() });
}

export function computePools() {
  return pools(warehouse());
}
