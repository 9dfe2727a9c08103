/**
 * What a Snowflake Scripting block needs from the warehouse it runs in: the interpreter
 * (./interpreter.ts) runs the block's control flow, and every SQL statement of the block goes
 * through this port as a child query of the block's own query (its own QUERY_HISTORY row, run in
 * the warehouse's slots, in the session as the block has left it). The engine implements it
 * (./engine-host.ts); the interpreter's tests use an in-memory one.
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/asynchronous-child-jobs
 */
import type { SnowflakeError } from '../engine/types';

/** How a child query ended. */
export type ChildOutcome =
  | { status: 'SUCCESS'; queryId: string; rowCount: number }
  | { status: 'FAILED_WITH_ERROR'; queryId: string; error: SnowflakeError }
  | { status: 'ABORTED'; queryId: string };

/** A child query that was queued: its id at once, its outcome when it has ended. */
export interface ChildQuery {
  queryId: string;
  ended: Promise<ChildOutcome>;
}

/** A SQL value as the interpreter holds it: JSON-like, with its Snowflake type name. */
export interface ScriptValue {
  value: string | number | boolean | null | object;
  /** Snowflake's type name, e.g. NUMBER(38,0), VARCHAR, BOOLEAN, TIMESTAMP_NTZ(9), VARIANT. */
  type: string;
}

/** A child's result: column names as Snowflake gives them (upper-cased unless quoted), and rows. */
export interface ChildRows {
  columns: string[];
  rows: ScriptValue[][];
}

export interface ScriptHost {
  /**
   * Queues `sql` (one statement, variables already bound as literals) as a child query. Refuses
   * with Snowflake's limit error past 4,000 children running at once.
   */
  start(sql: string): ChildQuery;
  /** Cancels a child that is queued or running; a child that has ended stays as it ended. */
  cancel(queryId: string): void;
  /** A successful child's rows (SELECT rows, or a DML statement's counts). */
  rows(queryId: string): Promise<ChildRows>;
  /**
   * Evaluates one SQL expression (`SELECT <expression>`) without recording a query, for
   * assignments, conditions and loop bounds; throws a SnowflakeQueryError on an error.
   */
  evaluate(expression: string): Promise<ScriptValue>;
  /** Aborted when the block's own query is cancelled (SYSTEM$CANCEL_QUERY, the driver's cancel). */
  signal: AbortSignal;
}
