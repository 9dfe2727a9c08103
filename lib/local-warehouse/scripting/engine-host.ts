/**
 * The ScriptHost (./host.ts) on the engine: each statement of a script is a child query of the
 * script's own query, with its own QUERY_HISTORY row, run in the warehouse's slots, as a
 * multi-statement request's statements are (engine.ts, runRequest). Children may run at once
 * (ASYNC); a USE or ALTER SESSION in one carries to those started after it ends. Cancelling the
 * script cancels the children still running. Up to 4,000 children may run at once
 * (https://docs.snowflake.com/en/developer-guide/snowflake-scripting/asynchronous-child-jobs).
 */
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import type { QueryRecord, RowType, SessionTarget, WireCell } from '../engine/types';
import type { ChildOutcome, ChildQuery, ChildRows, ScriptHost, ScriptValue } from './host';
import { scriptValue } from './stored-values';

/** Snowflake's limit on a script's asynchronous child jobs running at once. */
export const MAX_RUNNING_CHILDREN = 4000;

export interface StoredRows {
  rowType: RowType[];
  rows: WireCell[][];
}

export interface EngineHostDeps {
  /** Queues `sqlText` as a child query of the script in `context`: its id, and its record once it has ended. */
  submitChild(sqlText: string, context: SessionTarget): { queryId: string; ended: Promise<QueryRecord> };
  cancel(queryId: string): boolean;
  /** A successful query's stored result, or null when it has none. */
  result(queryId: string): Promise<StoredRows | null>;
  /** Runs `SELECT …` in `context` without recording a query; throws a SnowflakeQueryError when it fails. */
  select(sql: string, context: SessionTarget): Promise<StoredRows>;
  /** The script query's own signal: aborted when it is cancelled. */
  signal: AbortSignal;
  /** Where the script starts: the session context of its own query. */
  context: SessionTarget;
  maxRunningChildren?: number;
}

export interface EngineHost extends ScriptHost {
  /** Where the children that have ended left the session. */
  context(): SessionTarget;
}

/**
 * Snowflake documents the limit but not its error's text; this one says which limit was reached
 * in the shape of Snowflake's other execution errors.
 */
export const tooManyChildren = (limit: number) => ({
  code: '100000',
  sqlState: '54000',
  message: `Too many asynchronous child jobs: at most ${limit} can run at once in a Snowflake Scripting block.`,
});

function outcomeOf(record: QueryRecord): ChildOutcome {
  if (record.status === 'SUCCESS') return { status: 'SUCCESS', queryId: record.id, rowCount: record.rowCount ?? 0 };
  if (record.status === 'FAILED_WITH_ERROR') {
    return { status: 'FAILED_WITH_ERROR', queryId: record.id, error: record.error ?? snowflakeErrors.execution('The query failed.') };
  }
  return { status: 'ABORTED', queryId: record.id };
}

export function createEngineHost(deps: EngineHostDeps): EngineHost {
  const limit = deps.maxRunningChildren ?? MAX_RUNNING_CHILDREN;
  const running = new Set<string>();
  let context = deps.context;
  // A cancelled script takes its children with it.
  deps.signal.addEventListener('abort', () => {
    for (const queryId of running) deps.cancel(queryId);
  });

  return {
    signal: deps.signal,
    context: () => context,
    start(sql: string): ChildQuery {
      if (running.size >= limit) throw new SnowflakeQueryError(tooManyChildren(limit));
      const child = deps.submitChild(sql, context);
      running.add(child.queryId);
      const ended = child.ended.then((record) => {
        running.delete(record.id);
        if (record.status === 'SUCCESS') context = { ...context, ...record.final };
        return outcomeOf(record);
      });
      return { queryId: child.queryId, ended };
    },
    cancel(queryId: string): void {
      deps.cancel(queryId);
    },
    async rows(queryId: string): Promise<ChildRows> {
      const stored = await deps.result(queryId);
      if (!stored) throw new SnowflakeQueryError(snowflakeErrors.statementNotFound(queryId));
      return {
        columns: stored.rowType.map((column) => column.name),
        rows: stored.rows.map((row) => row.map((cell, i) => scriptValue(cell, stored.rowType[i]))),
      };
    },
    async evaluate(expression: string): Promise<ScriptValue> {
      const { rowType, rows } = await deps.select(`SELECT ${expression}`, context);
      return scriptValue(rows[0]?.[0] ?? null, rowType[0]);
    },
  };
}
