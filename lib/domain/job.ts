/**
 * The shapes the dashboard's server hands to its pages (GET /api/jobs, /api/jobs/[id], SSE).
 * Times are epoch milliseconds (UTC); null means "not yet" or "unknown".
 */
import type { OwnStatementsTally } from './own-statements';
import type { JobKind } from './job-kind';
import type { Phase } from './status';

export { JOB_KINDS, type JobKind } from './job-kind';

export const BATCH_MODES = ['parallel', 'sequence'] as const;
export type BatchMode = (typeof BATCH_MODES)[number];

/** Who launched a job: Flurry, or another client whose query Flurry found in QUERY_HISTORY. */
export const JOB_ORIGINS = ['flurry', 'external'] as const;
export type JobOrigin = (typeof JOB_ORIGINS)[number];

/** Who ran an external query, as the warehouse's query history records it. */
export interface ExternalRun {
  user: string | null;
  role: string | null;
  warehouse: string | null;
  /** The session it ran in (as text: Snowflake's session ids can exceed 2^53). */
  sessionId: string | null;
}

export interface Batch {
  id: string;
  label: string | null;
  mode: BatchMode;
  createdAt: number;
  jobCount: number;
}

/** What a job service job carries besides its statement (null for a query). */
export interface JobService {
  /**
   * Fully qualified (DB.SCHEMA.NAME) once the warehouse has said where the job lives; until then
   * the name the statement gave (perhaps unqualified), or null when it gave none and Snowflake
   * picks JOB_<uuid>.
   */
  name: string | null;
  /** True once `name` is the warehouse's fully qualified name for it. */
  resolved: boolean;
  computePool: string;
  /** The specification YAML, as submitted. */
  spec: string | null;
  replicas: number;
}

export interface Job {
  /** Flurry's own id: exists before the warehouse has issued a query id. */
  id: string;
  kind: JobKind;
  batchId: string;
  batchLabel: string | null;
  batchMode: BatchMode;
  /** 0-based position of the statement in its batch. */
  position: number;
  sql: string;
  /** The warehouse's query id (UUID), once submitted. */
  queryId: string | null;
  rawStatus: string;
  phase: Phase;
  /**
   * When the work was submitted: Flurry's submit time until the job ends, then the warehouse's
   * own record — QUERY_HISTORY START_TIME for a query, GET_JOB_HISTORY CREATED_TIME for a job
   * service. Until startedAt the job waited (queued, or pending).
   */
  submittedAt: number | null;
  /**
   * When it began running: when Flurry saw it run until the job ends, then the warehouse's own
   * record — END_TIME − EXECUTION_TIME (after compiling and queueing) for a query, the first
   * container's start_time (SHOW SERVICE CONTAINERS) for a job service. A job service no
   * container of which started (cancelled while PENDING) keeps what Flurry saw, or null.
   */
  startedAt: number | null;
  /**
   * When it ended: when Flurry saw it end, then the warehouse's own record — QUERY_HISTORY
   * END_TIME for a query, GET_JOB_HISTORY COMPLETED_TIME for a job service. Any of the three
   * stays Flurry's when the warehouse's history does not show it (yet).
   */
  endedAt: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  rowCount: number | null;
  updatedAt: number;
  service: JobService | null;
  origin: JobOrigin;
  /** Who ran it, for an external query; null for what Flurry launched. */
  ranBy: ExternalRun | null;
}

export interface StatusTransition {
  rawStatus: string;
  phase: Phase;
  at: number;
}

export interface JobDetail extends Job {
  transitions: StatusTransition[];
}

export interface JobFilter {
  phases?: Phase[];
  kinds?: JobKind[];
  origins?: JobOrigin[];
  batchId?: string;
  /** Free text matched against SQL, label, query id, job service name and error. */
  text?: string;
  limit?: number;
}

export interface JobList {
  jobs: Job[];
  total: number;
}

/** One column of a result as the detail page shows it. */
export interface ResultColumn {
  name: string;
  /** Snowflake type name, e.g. NUMBER(38,0), VARCHAR, TIMESTAMP_NTZ. */
  type: string;
  nullable: boolean;
}

export interface ResultPage {
  columns: ResultColumn[];
  /** Cells rendered as text (null stays null) so the page never interprets warehouse data. */
  rows: (string | null)[][];
  /** Rows in the whole result. */
  total: number;
}

/** One row of SHOW SERVICE CONTAINERS IN SERVICE, as the detail page shows it. */
export interface ServiceContainer {
  instanceId: string;
  containerName: string;
  /** PENDING, READY, DONE, FAILED, TERMINATING, UNKNOWN; null while the service is PENDING. */
  status: string | null;
  instanceStatus: string | null;
  message: string | null;
  image: string | null;
  restartCount: number | null;
  lastExitCode: number | null;
  startedAt: number | null;
}

/** The tail of one container's log (SYSTEM$GET_SERVICE_LOGS). */
export interface ServiceLog {
  instanceId: string;
  containerName: string;
  lines: string[];
}

/** One row of SHOW COMPUTE POOLS, as the Launch form offers it. */
export interface ComputePool {
  name: string;
  state: string;
  instanceFamily: string | null;
}

/** What /api/events pushes: enough for the page to know which cached reads went stale. */
export type ChangeEvent =
  | { type: 'job'; jobId: string; batchId: string; phase: Phase; rawStatus: string; at: number }
  | { type: 'health'; ok: boolean; at: number };

export interface Health {
  warehouse: 'local' | 'snowflake';
  ok: boolean;
  account: string;
  user: string | null;
  role: string | null;
  warehouseName: string | null;
  error: string | null;
}

/** What /api/health answers: the warehouse's health, and today's tally of Flurry's own statements. */
export interface HealthReport extends Health {
  ownStatements: OwnStatementsTally;
}

/** What every read of a job carries: who it is, where it belongs, how it stands and when. */
export type JobCore = Pick<
  Job,
  'id' | 'kind' | 'batchId' | 'batchLabel' | 'batchMode' | 'position' | 'rawStatus' | 'phase' | 'submittedAt' | 'startedAt' | 'endedAt'
>;

/** One bar of the Timeline: a job's times without its full SQL or spec (10,000 of them load fast). */
export interface TimelineEntry extends JobCore {
  /** The job service's name, or the start of the statement on one line. */
  title: string;
  /** Where the row's label and bar lead; a job's detail page when absent. */
  href?: string;
  /** Drawn outlined: on a task graph run's Gantt, the tasks of the critical path. */
  marked?: boolean;
}

export interface TimelineFilter {
  batchId?: string;
  kinds?: JobKind[];
  phases?: Phase[];
  /** Matched, case-insensitively, anywhere in the batch's label. */
  label?: string;
  /** Jobs that were queued or running at some moment in [since, until] (epoch ms). */
  since?: number;
  until?: number;
}

export interface TimelineData {
  entries: TimelineEntry[];
  /** Jobs that matched; more than `entries.length` when only the latest were sent. */
  total: number;
  /** The server's clock when it answered, so unfinished bars end at a time both agree on. */
  now: number;
}
