/**
 * A job service's overall status from its instances'
 * (https://docs.snowflake.com/en/developer-guide/snowpark-container-services/working-with-services): any failed → FAILED,
 * all done → DONE, any running → RUNNING, otherwise PENDING; after a cancel, CANCELLING while
 * an instance is still pending or running, then CANCELLED. Pure.
 */
export type InstanceState = 'PENDING' | 'RUNNING' | 'DONE' | 'FAILED';

export const JOB_SERVICE_STATUSES = ['PENDING', 'RUNNING', 'DONE', 'FAILED', 'CANCELLING', 'CANCELLED'] as const;
export type JobServiceStatus = (typeof JOB_SERVICE_STATUSES)[number];

export function jobStatus(instances: readonly InstanceState[], cancelRequested = false): JobServiceStatus {
  const active = instances.some((state) => state === 'PENDING' || state === 'RUNNING');
  if (cancelRequested) return active ? 'CANCELLING' : 'CANCELLED';
  if (instances.includes('FAILED')) return 'FAILED';
  if (instances.length > 0 && instances.every((state) => state === 'DONE')) return 'DONE';
  if (instances.includes('RUNNING')) return 'RUNNING';
  return 'PENDING';
}
