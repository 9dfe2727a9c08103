/**
 * What the registry's writes take: a new batch and its jobs, and what the tracker learns about
 * them later (submissions, status changes, service names, the warehouse's own times).
 */
import type { BatchMode, Job, JobKind } from '@/lib/domain/job';

/** What a job service job records at launch, from its EXECUTE JOB SERVICE statement. */
export interface NewJobService {
  /** The NAME the statement gives (null: Snowflake picks JOB_<uuid>). */
  name: string | null;
  computePool: string;
  spec: string | null;
  replicas: number;
}

export interface NewJob {
  sql: string;
  kind: JobKind;
  service?: NewJobService;
}

export interface NewBatch {
  label: string | null;
  mode: BatchMode;
  jobs: NewJob[];
}

/** A job service's fully qualified name, once the warehouse has said it. */
export interface ServiceName {
  jobId: string;
  name: string;
}

export interface StatusChange {
  jobId: string;
  rawStatus: string;
  at: number;
  /** Only apply when the job still has this raw status (e.g. cancel or skip a WAITING job). */
  onlyIf?: string;
  errorCode?: string | null;
  errorMessage?: string | null;
}

export interface Submission {
  jobId: string;
  queryId: string;
  at: number;
}

/**
 * The warehouse's own account of a finished job: QUERY_HISTORY for a query, the job history and
 * the containers for a job service. A null leaves what the registry holds.
 */
export type WarehouseTimes = { jobId: string } & Pick<Job, 'submittedAt' | 'startedAt' | 'endedAt' | 'errorCode' | 'errorMessage' | 'rowCount'>;
