/**
 * A row of QUERY_HISTORY (https://docs.snowflake.com/en/sql-reference/functions/query_history)
 * as the query times the dashboard records.
 */
import type { QueryTimes } from '@/lib/domain/query-history';
import { epochMs, numberOrNull, textOrNull } from '@/lib/domain/service-rows';

/** The QUERY_HISTORY columns every history read takes, for historyTimes(). */
export const HISTORY_COLUMNS =
  'QUERY_ID, EXECUTION_STATUS, START_TIME, END_TIME, TOTAL_ELAPSED_TIME, EXECUTION_TIME, ERROR_CODE, ERROR_MESSAGE, ROWS_PRODUCED';

/**
 * A QUERY_HISTORY row's times. Executing began END_TIME − EXECUTION_TIME for an ended query, and
 * START_TIME + TOTAL_ELAPSED_TIME − EXECUTION_TIME (both measured up to the read) for one still
 * running; a query that has not begun executing has an EXECUTION_TIME of 0.
 */
export function historyTimes(row: Record<string, unknown>): QueryTimes {
  const queuedAt = epochMs(row.START_TIME);
  const endedAt = epochMs(row.END_TIME);
  const executionMs = numberOrNull(row.EXECUTION_TIME);
  const elapsedMs = numberOrNull(row.TOTAL_ELAPSED_TIME);
  let startedAt: number | null = null;
  if (endedAt !== null && executionMs !== null) startedAt = endedAt - executionMs;
  else if (queuedAt !== null && elapsedMs !== null && executionMs) startedAt = queuedAt + elapsedMs - executionMs;
  return {
    queryId: String(row.QUERY_ID),
    status: String(row.EXECUTION_STATUS),
    queuedAt,
    startedAt,
    endedAt,
    errorCode: textOrNull(row.ERROR_CODE),
    errorMessage: textOrNull(row.ERROR_MESSAGE),
    rowCount: numberOrNull(row.ROWS_PRODUCED),
  };
}
