import 'server-only';
/**
 * Reads of the warehouse's own history: when Flurry's queries really ran (QUERY_HISTORY), the
 * queries other clients ran, and which job services Flurry's statements started
 * (GET_JOB_HISTORY).
 */
import type { ExternalQuery, QueryTimes } from '@/lib/domain/query-history';
import { parseJobHistoryRow, textOrNull, type JobHistoryRow } from '@/lib/domain/service-rows';
import { READ_TIMEOUT_MS, type Borrow } from './borrow';
import { internalRows } from './internal-statements';
import { FLURRY_TAG_PREFIX } from './query-tag';
import { HISTORY_COLUMNS, historyTimes } from './query-history-row';
import { inList, timestampText } from './sql';

export function historyCalls(use: Borrow) {
  return {
    /** The warehouse's own times for these queries, in one read of its query history. */
    queryTimes(queryIds: string[]): Promise<QueryTimes[]> {
      if (queryIds.length === 0) return Promise.resolve([]);
      const ids = inList(queryIds);
      return use('a query history read', READ_TIMEOUT_MS, async (connection) => {
        const rows = await internalRows(
          connection,
          `SELECT ${HISTORY_COLUMNS} FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY(RESULT_LIMIT => 10000))
           WHERE QUERY_ID IN (${ids.sql})`,
          ids.binds,
        );
        return rows.map(historyTimes);
      });
    },

    /**
     * Queries other clients ran, from one QUERY_HISTORY read: those that ended since `sinceMs`
     * and those not ended yet, at most `limit` (the history's newest first, counted before any
     * tag is looked at), oldest first. Every statement Flurry tagged is left out (its launches
     * and its own reads, this one included), and so are task runs (user SYSTEM), which the task
     * pages show.
     */
    externalQueries(sinceMs: number, limit: number): Promise<ExternalQuery[]> {
      return use('a query history read', READ_TIMEOUT_MS, async (connection) => {
        const rows = await internalRows(
          connection,
          `SELECT ${HISTORY_COLUMNS}, QUERY_TEXT, CAST(SESSION_ID AS VARCHAR) AS SESSION_ID, USER_NAME, ROLE_NAME, WAREHOUSE_NAME
           FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY(END_TIME_RANGE_START => ?::TIMESTAMP_LTZ, RESULT_LIMIT => ?))
           WHERE COALESCE(QUERY_TAG, '') NOT LIKE ? AND USER_NAME <> 'SYSTEM'
           ORDER BY START_TIME, QUERY_ID`,
          [timestampText(sinceMs), limit, `${FLURRY_TAG_PREFIX}%`],
        );
        return rows.map((row) => ({
          ...historyTimes(row),
          sql: String(row.QUERY_TEXT ?? ''),
          ranBy: {
            user: textOrNull(row.USER_NAME),
            role: textOrNull(row.ROLE_NAME),
            warehouse: textOrNull(row.WAREHOUSE_NAME),
            sessionId: textOrNull(row.SESSION_ID),
          },
        }));
      });
    },

    /**
     * Which job services these queries started, from the job history: the one place a job's
     * fully qualified name meets the query id of its EXECUTE JOB SERVICE (it names jobs that the
     * statement left unnamed, and qualifies those it named without a schema), and the
     * warehouse's own record of when each job was created and completed.
     */
    jobServicesOfQueries(queryIds: readonly string[]): Promise<JobHistoryRow[]> {
      if (queryIds.length === 0) return Promise.resolve([]);
      const ids = inList(queryIds);
      return use('a job history read', READ_TIMEOUT_MS, async (connection) => {
        const rows = await internalRows(
          connection,
          `SELECT QUERY_ID, NAME, DATABASE_NAME, SCHEMA_NAME, STATUS, MESSAGE, CREATED_TIME, COMPLETED_TIME
           FROM TABLE(SNOWFLAKE.SPCS.GET_JOB_HISTORY(RESULT_LIMIT => 10000))
           WHERE QUERY_ID IN (${ids.sql})`,
          ids.binds,
        );
        return rows.flatMap((row) => parseJobHistoryRow(row) ?? []);
      });
    },
  };
}
