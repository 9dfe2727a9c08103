/**
 * Queries as the warehouse's own history (QUERY_HISTORY) records them, and how Flurry takes in
 * those other clients ran: the status one is recorded with when found, the batch (one per
 * session) it joins, and how the pages say who ran it.
 */
import type { ExternalRun } from './job';
import { isTerminal, queryPhase } from './status';

/** A query as the warehouse's own history (QUERY_HISTORY) records it; times are epoch ms. */
export interface QueryTimes {
  queryId: string;
  /** EXECUTION_STATUS as the history reports it. */
  status: string;
  /** When the warehouse received it (START_TIME). */
  queuedAt: number | null;
  /** When it began executing, after compiling and queueing; null until it has. */
  startedAt: number | null;
  /** END_TIME; null while it runs. */
  endedAt: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  rowCount: number | null;
}

/** A query Flurry did not launch, as the history records it. */
export interface ExternalQuery extends QueryTimes {
  sql: string;
  ranBy: ExternalRun;
}

/** Snowflake's "SQL execution canceled". */
const CANCELED_ERROR = 604;

/**
 * The raw status a found query is recorded with, in the monitoring API's words, which then
 * follows it: the history says FAILED_WITH_ERROR for a cancelled query where the monitoring API
 * says ABORTED, and BLOCKED (waiting on a lock) for a query that is still under way.
 */
export function importedStatus(query: Pick<ExternalQuery, 'status' | 'endedAt' | 'errorCode'>): string {
  const status = query.status.toUpperCase();
  if (query.endedAt === null) return isTerminal(queryPhase(status)) ? 'RUNNING' : status;
  return query.errorCode !== null && Number(query.errorCode) === CANCELED_ERROR ? 'ABORTED' : status;
}

/** The label of the batch holding a session's queries. */
export function externalBatchLabel(ranBy: Pick<ExternalRun, 'user' | 'sessionId'>): string {
  return `External · ${ranBy.user ?? 'unknown user'} · session ${ranBy.sessionId ?? 'unknown'}`;
}

/** How the detail page says who ran an external query: "ANALYST (role ANALYST_ROLE, warehouse WH, session 42)". */
export function describeExternalRun(ranBy: ExternalRun): string {
  const where = [
    ranBy.role && `role ${ranBy.role}`,
    ranBy.warehouse && `warehouse ${ranBy.warehouse}`,
    ranBy.sessionId && `session ${ranBy.sessionId}`,
  ].filter(Boolean);
  const who = ranBy.user ?? 'an unknown user';
  return where.length > 0 ? `${who} (${where.join(', ')})` : who;
}
