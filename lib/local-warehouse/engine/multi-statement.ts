/**
 * Multi-statement requests (MULTI_STATEMENT_COUNT other than 1). As in Snowflake, the request is
 * a query of its own (QUERY_TYPE MULTI_STATEMENT) and each of its statements another, run one
 * after the other in the session, each starting where the one before left it (a USE in the
 * first moves the second). The request's own answer is one row, "Multiple statements executed
 * successfully.", plus its statements' query ids, which the client fetches one by one. The first
 * statement that fails stops the request, which fails with Snowflake's SYSTEM$MULTISTMT error
 * naming it; the statements after it never run.
 */
import { VARCHAR } from '@duckdb/node-api';
import { splitStatements } from '@/lib/domain/sql/split-statements';
import type { Database } from './database';
import { rowTypeFor } from './result-encoding';
import { resultFile, storeRows } from './result-store';
import { snowflakeErrors } from './snowflake-errors';
import type { QueryRecord, RowType, SessionTarget, SnowflakeError } from './types';

export const MULTI_STATEMENT = 'MULTI_STATEMENT';
const ANSWER_COLUMN = 'multiple statement execution';
const ANSWER = 'Multiple statements executed successfully.';

/**
 * Whether a request runs as a multi-statement request. MULTI_STATEMENT_COUNT absent or 1 means
 * one statement; 0 with a text of one statement runs that statement as an ordinary query.
 */
export function isMultiStatementRequest(sqlText: string, multiStatementCount: number | undefined): boolean {
  if (multiStatementCount === undefined || multiStatementCount === 1) return false;
  return multiStatementCount !== 0 || splitStatements(sqlText).length > 1;
}

/** `final`: where the statements that ran left the session. */
export type RequestOutcome =
  | { status: 'SUCCESS'; final: SessionTarget }
  | { status: 'FAILED_WITH_ERROR'; error: SnowflakeError; final: SessionTarget }
  | { status: 'ABORTED'; final: SessionTarget };

/**
 * Runs the request's statements in order. `runStatement` queues one as its own query in the
 * given session context and resolves with its record once it has ended.
 */
export async function runStatements(
  sqlText: string,
  multiStatementCount: number,
  ranIn: SessionTarget,
  signal: AbortSignal,
  runStatement: (sql: string, context: SessionTarget) => Promise<QueryRecord>,
): Promise<RequestOutcome> {
  const statements = splitStatements(sqlText);
  if (statements.length === 0) {
    return { status: 'FAILED_WITH_ERROR', error: snowflakeErrors.emptyStatement(), final: ranIn };
  }
  if (multiStatementCount !== 0 && statements.length !== multiStatementCount) {
    return {
      status: 'FAILED_WITH_ERROR',
      error: snowflakeErrors.statementCount(statements.length, multiStatementCount),
      final: ranIn,
    };
  }
  let final = ranIn;
  for (const statement of statements) {
    if (signal.aborted) return { status: 'ABORTED', final };
    const ended = await runStatement(statement.sql, final);
    if (signal.aborted) return { status: 'ABORTED', final };
    if (ended.status !== 'SUCCESS') {
      const failure = (ended.error ?? snowflakeErrors.canceled()).message;
      const error = snowflakeErrors.multiStatementFailed(statement.sql, statement.line, statement.column - 1, failure);
      return { status: 'FAILED_WITH_ERROR', error, final };
    }
    final = { ...final, ...ended.final };
  }
  return { status: 'SUCCESS', final };
}

/** Stores the request's own one-row answer as its result; returns the result's columns. */
export async function storeRequestAnswer(database: Database, resultsDir: string, queryId: string): Promise<RowType[]> {
  await database.withConnection((connection) => storeRows(connection, resultFile(resultsDir, queryId), [VARCHAR], [[ANSWER]]));
  return [rowTypeFor(ANSWER_COLUMN, VARCHAR)];
}
