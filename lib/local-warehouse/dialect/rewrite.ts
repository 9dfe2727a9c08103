/**
 * What the dialect transforms share: the statement being rewritten and what it needs from the
 * engine while it is being rewritten (the statement's own query id and session, cancelling
 * other queries, earlier queries and their stored results, the history table).
 */

import type { JobServiceTables, TaskTables } from '../engine/service-statements';
import type { SessionTarget } from '../engine/types';

/** The session as the transforms read it: where statements run, and who logged in. */
export type SessionIdentity = SessionTarget & { user: string };

export interface Rewrite {
  /** The statement as DuckDB will run it. */
  sql: string;
  /**
   * Milliseconds the statement holds before DuckDB runs it: time Snowflake would spend inside
   * SYSTEM$WAIT or a TIMELIMIT generator. The engine waits it out, cancellably.
   */
  holdMs: number;
}

export interface DialectContext {
  queryId: string;
  sessionId: number;
  /** Where the statement runs (the session's database, schema, warehouse and role), and its user. */
  session: SessionIdentity;
  /** Whether DuckDB would resolve `name` as a database (it ignores case). */
  isDatabase(name: string): boolean;
  /** DuckDB's own function names, upper-case: calls of them the warehouse does not define are refused. */
  engineFunctions: ReadonlySet<string>;
  /** The engine's clock (epoch ms) when the statement started. */
  nowMs: number;
  /** Cancel a queued or running query; false when it is unknown or already ended. */
  cancelQuery(queryId: string): boolean;
  /** The session's query ids, oldest first, not counting the statement being rewritten. */
  sessionQueryIds(sessionId: number): Promise<string[]>;
  /**
   * A parenthesised subquery reading a query's stored result under the column names it
   * returned, or null when it has none (unknown, failed, expired).
   */
  storedResult(queryId: string): Promise<string | null>;
  /** Qualified name of the query history table (see engine/history-schema.ts). */
  historyTable: string;
  /** Resolves once every status change so far is visible in the history table. */
  flushHistory(): Promise<void>;
  /** The job services table GET_JOB_HISTORY reads; absent when the engine runs no job services. */
  jobServices?: JobServiceTables;
  /** The task tables TASK_HISTORY and its siblings read; absent when the engine runs no tasks. */
  tasks?: TaskTables;
}

export function unchanged(sql: string): Rewrite {
  return { sql, holdMs: 0 };
}
