/**
 * Instance statuses from container statuses. SHOW SERVICE CONTAINERS reports each instance's
 * own status (https://docs.snowflake.com/en/sql-reference/sql/show-service-containers-in-service); the job's overall status comes from
 * lib/domain/spcs/job-status.ts over each instance's state as computed here.
 */
import { jobStatus, type InstanceState, type JobServiceStatus } from '../../domain/spcs/job-status';
import type { ContainerStatus } from './container-process';

export type InstanceStatus = 'PENDING' | 'READY' | 'FAILED' | 'TERMINATING' | 'SUCCEEDED';

const ended = (containers: ContainerStatus[]) => containers.every((status) => status === 'DONE' || status === 'FAILED');

/** SHOW SERVICE CONTAINERS' instance_status. */
export function instanceStatus(containers: ContainerStatus[]): InstanceStatus {
  if (containers.includes('FAILED')) return 'FAILED';
  if (containers.every((status) => status === 'DONE')) return 'SUCCEEDED';
  if (containers.includes('TERMINATING')) return 'TERMINATING';
  if (containers.some((status) => status === 'READY' || status === 'DONE')) return 'READY';
  return 'PENDING';
}

/**
 * An instance's state for the job's status. After a cancel an instance counts as running until
 * every one of its containers has ended, so the job stays CANCELLING until nothing runs.
 */
function instanceState(containers: ContainerStatus[], cancelRequested: boolean): InstanceState {
  const finished = ended(containers);
  if (containers.includes('FAILED') && (finished || !cancelRequested)) return 'FAILED';
  if (finished) return 'DONE';
  return containers.every((status) => status === 'PENDING') ? 'PENDING' : 'RUNNING';
}

/** `instances` holds each instance's container statuses. */
export function jobStatusOf(instances: ContainerStatus[][], cancelRequested: boolean): JobServiceStatus {
  return jobStatus(
    instances.map((containers) => instanceState(containers, cancelRequested)),
    cancelRequested,
  );
}
