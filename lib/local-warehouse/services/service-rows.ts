/**
 * The result sets of the SPCS statements with Snowflake's column names (as in
 * https://docs.snowflake.com/en/sql-reference/sql/show-compute-pools,
 * https://docs.snowflake.com/en/sql-reference/sql/show-services and
 * https://docs.snowflake.com/en/sql-reference/sql/show-service-containers-in-service):
 * SHOW COMPUTE POOLS / DESCRIBE COMPUTE POOL, SHOW [JOB] SERVICES / DESCRIBE SERVICE and
 * SHOW SERVICE CONTAINERS IN SERVICE. Values the local warehouse has no notion of (DNS names,
 * managing objects, application) are NULL; a job is never upgrading or suspended.
 */
import { type Column } from '../engine/table-rows';
import type { ContainerSnapshot, JobRecord } from './job-service-store';
import type { PoolView } from './job-services';

export const POOL_COLUMNS: Column<PoolView>[] = [
  ['name', 'text', (p) => p.name],
  ['state', 'text', (p) => p.state],
  ['min_nodes', 'number', (p) => p.minNodes],
  ['max_nodes', 'number', (p) => p.maxNodes],
  ['instance_family', 'text', (p) => p.instanceFamily],
  ['num_services', 'number', () => 0],
  ['num_jobs', 'number', (p) => p.numJobs],
  ['auto_suspend_secs', 'number', (p) => p.autoSuspendSecs],
  ['auto_resume', 'bool', (p) => p.autoResume],
  ['active_nodes', 'number', (p) => p.activeNodes],
  ['idle_nodes', 'number', (p) => p.idleNodes],
  ['target_nodes', 'number', (p) => p.targetNodes],
  ['created_on', 'time', (p) => p.createdMs],
  ['resumed_on', 'time', (p) => p.createdMs],
  ['updated_on', 'time', (p) => p.updatedMs],
  ['owner', 'text', (p) => p.owner],
  ['comment', 'text', (p) => p.comment],
  ['is_exclusive', 'bool', () => false],
  ['application', 'text', () => null],
  ['placement_group', 'text', () => null],
  ['backup_instance_families', 'text', () => null],
];

const SERVICE_COLUMNS_BEFORE_IS_JOB: Column<JobRecord>[] = [
  ['name', 'text', (j) => j.name],
  ['status', 'text', (j) => j.status],
  ['database_name', 'text', (j) => j.database],
  ['schema_name', 'text', (j) => j.schema],
  ['owner', 'text', (j) => j.owner],
  ['compute_pool', 'text', (j) => j.computePool],
  ['dns_name', 'text', () => null],
  ['current_instances', 'number', (j) => (j.status === 'RUNNING' || j.status === 'CANCELLING' ? j.replicas : 0)],
  ['target_instances', 'number', (j) => j.replicas],
  ['min_ready_instances', 'number', (j) => j.replicas],
  ['min_instances', 'number', (j) => j.replicas],
  ['max_instances', 'number', (j) => j.replicas],
  ['auto_resume', 'bool', () => false],
  ['external_access_integrations', 'text', (j) => JSON.stringify(j.externalAccessIntegrations)],
  ['created_on', 'time', (j) => j.createdMs],
  ['updated_on', 'time', (j) => j.updatedMs],
  ['resumed_on', 'time', () => null],
  ['suspended_on', 'time', () => null],
  ['auto_suspend_secs', 'number', () => 0],
  ['comment', 'text', (j) => j.comment],
  ['owner_role_type', 'text', () => 'ROLE'],
  ['query_warehouse', 'text', (j) => j.queryWarehouse],
];
const JOB_COLUMNS: Column<JobRecord>[] = [
  ['is_job', 'bool', () => true],
  ['is_async_job', 'bool', (j) => j.async],
];
const SERVICE_COLUMNS_AFTER_JOB_COLUMNS: Column<JobRecord>[] = [
  ['spec_digest', 'text', (j) => j.specDigest],
  ['is_upgrading', 'bool', () => false],
  ['managing_object_domain', 'text', () => null],
  ['managing_object_name', 'text', () => null],
];

/**
 * SHOW SERVICES' columns. is_job (BCR-1516) and is_async_job, which follows it (BCR-1849), are in
 * SHOW SERVICES, SHOW JOB SERVICES and DESCRIBE SERVICE; SHOW SERVICES EXCLUDE JOBS omits
 * is_async_job (BCR-1849), and is_job with it, since every service it lists is not a job.
 */
export function serviceColumns(withJobColumns: boolean): Column<JobRecord>[] {
  return [...SERVICE_COLUMNS_BEFORE_IS_JOB, ...(withJobColumns ? JOB_COLUMNS : []), ...SERVICE_COLUMNS_AFTER_JOB_COLUMNS];
}

/** DESCRIBE SERVICE: SHOW SERVICES' columns and the spec. */
export const DESCRIBE_SERVICE_COLUMNS: Column<JobRecord>[] = [
  ...serviceColumns(true).slice(0, 6),
  ['spec', 'text', (j) => j.spec],
  ...serviceColumns(true).slice(6),
];

export const CONTAINER_COLUMNS: Column<{ job: JobRecord; container: ContainerSnapshot }>[] = [
  ['database_name', 'text', ({ job }) => job.database],
  ['schema_name', 'text', ({ job }) => job.schema],
  ['service_name', 'text', ({ job }) => job.name],
  ['service_status', 'text', ({ job }) => job.status],
  ['instance_id', 'text', ({ container }) => container.instanceId],
  ['instance_status', 'text', ({ container }) => container.instanceStatus],
  ['container_name', 'text', ({ container }) => container.containerName],
  ['status', 'text', ({ container }) => container.status],
  ['message', 'text', ({ job, container }) => (container.status === 'PENDING' && job.status === 'PENDING' ? job.message : container.message)],
  ['image_name', 'text', ({ container }) => container.imageName],
  ['image_digest', 'text', ({ container }) => container.imageDigest],
  ['restart_count', 'number', ({ container }) => container.restartCount],
  ['start_time', 'time', ({ container }) => container.startTime],
  ['last_exit_code', 'number', ({ container }) => container.lastExitCode],
  ['last_restart_time', 'time', () => null],
];
