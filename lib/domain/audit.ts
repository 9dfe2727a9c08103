/**
 * The audit log's shapes: who launched, cancelled or changed what, and when. Shared by
 * the store, the route and the /audit page, so it holds no I/O.
 */
import type { Access } from './access';

export const AUDIT_ACTIONS = [
  'launch-batch',
  'launch-job-service',
  'cancel-jobs',
  'run-task-action',
  'save-task',
  'sign-in',
  'sign-out',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ['ok', 'refused', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditRecord {
  /** Who: the name the caller gave at sign-in, or "local user" when no token is configured. */
  actor: string;
  access: Access;
  /** The client's IP, if known. */
  address: string | null;
  action: AuditAction;
  /** What: e.g. "batch 3f2a… (12 queries)", "job service FLURRY_JOB_…", "task DB.SCH.ROOT". */
  target: string;
  /** E.g. the statement(s) run, the task action ("resume"), the jobs cancelled. */
  detail: string | null;
  outcome: AuditOutcome;
  error: string | null;
}

export interface AuditEntry extends AuditRecord {
  /** Grows with every record: the log's order, and the cursor for reading older entries. */
  id: number;
  /** Epoch milliseconds. */
  at: number;
}

export interface AuditFilter {
  limit?: number;
  /** Only entries older than this one (an entry id): how "Load older" pages. */
  before?: number;
  action?: AuditAction;
  /** Entries whose actor contains this, ignoring case. */
  actor?: string;
  outcome?: AuditOutcome;
}

/** One page of GET /api/audit: newest first, and whether older entries match too. */
export interface AuditPage {
  entries: AuditEntry[];
  more: boolean;
}

export const DEFAULT_AUDIT_LIMIT = 100;
export const MAX_AUDIT_LIMIT = 500;

/**
 * How much of each field is kept. A launch's detail is its SQL, which may be megabytes: the log
 * is a record of who did what, not a second copy of the work (the registry keeps that).
 */
export const AUDIT_FIELD_LIMITS = {
  actor: 200,
  address: 100,
  target: 500,
  detail: 4_096,
  error: 4_096,
} as const satisfies Partial<Record<keyof AuditRecord, number>>;

/** `text` cut to `max` characters, saying how long it was; never splits a surrogate pair. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const marker = `… [truncated: ${text.length.toLocaleString('en-US')} characters in all]`;
  let cut = Math.max(0, max - marker.length);
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return text.slice(0, cut) + marker;
}

function bounded(text: string | null, max: number): string | null {
  return text === null ? null : truncateText(text, max);
}

/** The record as it is stored: every free-text field within its limit. */
export function boundAuditRecord(record: AuditRecord): AuditRecord {
  const limits = AUDIT_FIELD_LIMITS;
  return {
    ...record,
    actor: truncateText(record.actor, limits.actor),
    address: bounded(record.address, limits.address),
    target: truncateText(record.target, limits.target),
    detail: bounded(record.detail, limits.detail),
    error: bounded(record.error, limits.error),
  };
}
