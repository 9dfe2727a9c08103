/**
 * One status model for every kind of work.
 * Each job keeps the raw status its warehouse reports; the UI shows a phase derived from it,
 * always beside the raw status.
 */

import type { JobKind } from './job-kind';
import type { TaskRunState } from './task-graph/run-semantics';

export const PHASES = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'skipped'] as const;
export type Phase = (typeof PHASES)[number];

/** Raw statuses Flurry itself gives a job before or instead of a warehouse status. */
export const FLURRY_STATUSES = {
  /** In a sequence, waiting for the statement before it to finish. */
  WAITING: 'WAITING',
  /** In a sequence whose earlier statement failed or was cancelled. */
  SKIPPED: 'SKIPPED',
  /** Cancelled before it was ever submitted. */
  CANCELLED: 'CANCELLED',
  /** The warehouse refused or never answered the submission. */
  SUBMIT_FAILED: 'SUBMIT_FAILED',
} as const;

/** Flurry's own statuses mean the same for every kind of work. */
const FLURRY_PHASES: Record<string, Phase> = {
  [FLURRY_STATUSES.WAITING]: 'queued',
  [FLURRY_STATUSES.SKIPPED]: 'skipped',
  [FLURRY_STATUSES.CANCELLED]: 'cancelled',
  [FLURRY_STATUSES.SUBMIT_FAILED]: 'failed',
};

/**
 * Query statuses as snowflake-sdk reports them (lib/constants/query_status.js), mapped to phases.
 * RESTARTED is neither running nor an error in the driver, but the query did not succeed.
 */
const QUERY_PHASES: Record<string, Phase> = {
  ...FLURRY_PHASES,
  QUEUED: 'queued',
  QUEUED_REPARING_WAREHOUSE: 'queued',
  RESUMING_WAREHOUSE: 'queued',
  NO_DATA: 'queued',
  RUNNING: 'running',
  ABORTING: 'running',
  SUCCESS: 'succeeded',
  FAILED_WITH_ERROR: 'failed',
  FAILED_WITH_INCIDENT: 'failed',
  DISCONNECTED: 'failed',
  BLOCKED: 'failed',
  RESTARTED: 'failed',
  ABORTED: 'cancelled',
  NO_QUERY_DATA: 'failed',
};

/** Phase of a query from its raw status; an unknown status counts as running until it ends. */
export function queryPhase(rawStatus: string): Phase {
  return QUERY_PHASES[rawStatus] ?? 'running';
}

/**
 * Job service statuses as SHOW JOB SERVICES reports them, mapped to phases
 * (https://docs.snowflake.com/en/sql-reference/sql/show-services). CANCELLING and DELETING are
 * still on their way out. DELETED is what Flurry records when a job it watched was dropped
 * before it ended: it did not finish, so it counts as cancelled.
 * SUSPENDING/SUSPENDED apply to long-running services, never to jobs; they are mapped anyway so a
 * surprising report is shown rather than guessed at.
 */
const JOB_SERVICE_PHASES: Record<string, Phase> = {
  ...FLURRY_PHASES,
  PENDING: 'queued',
  RUNNING: 'running',
  CANCELLING: 'running',
  DELETING: 'running',
  SUSPENDING: 'running',
  SUSPENDED: 'queued',
  DONE: 'succeeded',
  FAILED: 'failed',
  INTERNAL_ERROR: 'failed',
  CANCELLED: 'cancelled',
  // Snowflake's CANCELLED is the same word as Flurry's, with the same phase.
  DELETED: 'cancelled',
};

/** Phase of a job service from its raw status; an unknown status counts as running until it ends. */
export function jobServicePhase(rawStatus: string): Phase {
  return JOB_SERVICE_PHASES[rawStatus] ?? 'running';
}

/**
 * Task run states as TASK_HISTORY reports them, mapped to phases
 * (https://docs.snowflake.com/en/sql-reference/functions/task_history).
 * A scheduled run waits for its time or its predecessors, so it is queued.
 */
const TASK_RUN_PHASES: Record<TaskRunState, Phase> = {
  SCHEDULED: 'queued',
  EXECUTING: 'running',
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  FAILED_AND_AUTO_SUSPENDED: 'failed',
  CANCELLED: 'cancelled',
  SKIPPED: 'skipped',
};

/** Phase of a task run from its TASK_HISTORY state; an unknown state counts as running until it ends. */
export function taskRunPhase(rawState: string): Phase {
  return Object.hasOwn(TASK_RUN_PHASES, rawState) ? TASK_RUN_PHASES[rawState as TaskRunState] : 'running';
}

/** The raw status a job of this kind has once the warehouse accepted it. */
export const ACCEPTED_STATUS: Record<JobKind, string> = { query: 'QUEUED', job_service: 'PENDING' };

/** Phase of a job of either kind from its raw status. */
export function phaseOf(kind: JobKind, rawStatus: string): Phase {
  return kind === 'job_service' ? jobServicePhase(rawStatus) : queryPhase(rawStatus);
}

export function isTerminal(phase: Phase): boolean {
  return phase !== 'queued' && phase !== 'running';
}

export function isPhase(value: string): value is Phase {
  return (PHASES as readonly string[]).includes(value);
}
