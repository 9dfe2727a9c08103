/**
 * The shapes the dashboard's server hands to its pages (GET /api/jobs, /api/jobs/[id], SSE).
 * Times are epoch milliseconds (UTC); null means "not yet" or "unknown".
 */
import type { Phase } from './status';

export const JOB_KINDS = ['query'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const BATCH_MODES = ['parallel', 'sequence'] as const;
export type BatchMode = (typeof BATCH_MODES)[number];

export interface Batch {
  id: string;
  label: string | null;
  mode: BatchMode;
  createdAt: number;
  jobCount: number;
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
  /** When Flurry submitted it. */
  submittedAt: number | null;
  /** The warehouse's own times once known (QUERY_HISTORY), else when Flurry saw the change. */
  startedAt: number | null;
  endedAt: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  rowCount: number | null;
  updatedAt: number;
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
  batchId?: string;
  /** Free text matched against SQL, label, query id and error. */
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
