/**
 * One status model for every kind of work (DESIGN.md, "One status model").
 * Each job keeps the raw status its warehouse reports; the UI shows a phase derived from it,
 * always beside the raw status.
 */

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

/**
 * Query statuses as snowflake-sdk reports them (lib/constants/query_status.js), mapped to phases.
 * RESTARTED is neither running nor an error in the driver, but the query did not succeed.
 */
const QUERY_PHASES: Record<string, Phase> = {
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
  [FLURRY_STATUSES.WAITING]: 'queued',
  [FLURRY_STATUSES.SKIPPED]: 'skipped',
  [FLURRY_STATUSES.CANCELLED]: 'cancelled',
  [FLURRY_STATUSES.SUBMIT_FAILED]: 'failed',
};

/** Phase of a query from its raw status; an unknown status counts as running until it ends. */
export function queryPhase(rawStatus: string): Phase {
  return QUERY_PHASES[rawStatus] ?? 'running';
}

export function isTerminal(phase: Phase): boolean {
  return phase !== 'queued' && phase !== 'running';
}

export function isPhase(value: string): value is Phase {
  return (PHASES as readonly string[]).includes(value);
}
