/**
 * The query history table: one row per query, upserted at each status change. It lives in the
 * attached system database so it survives restarts and is queryable with SQL, which is how
 * INFORMATION_SCHEMA.QUERY_HISTORY is served (dialect/query-history.ts).
 */

export const SYSTEM_CATALOG = 'FLURRY_SYSTEM';
export const HISTORY_TABLE = `${SYSTEM_CATALOG}.MAIN.QUERY_HISTORY`;

/** Column name → DuckDB type, in table order. Times are epoch milliseconds. */
export const HISTORY_COLUMNS = {
  QUERY_ID: 'VARCHAR PRIMARY KEY',
  REQUEST_ID: 'VARCHAR',
  SESSION_ID: 'BIGINT',
  USER_NAME: 'VARCHAR',
  ROLE_NAME: 'VARCHAR',
  DATABASE_NAME: 'VARCHAR',
  SCHEMA_NAME: 'VARCHAR',
  WAREHOUSE_NAME: 'VARCHAR',
  QUERY_TAG: 'VARCHAR',
  QUERY_TEXT: 'VARCHAR',
  QUERY_TYPE: 'VARCHAR',
  STATUS: 'VARCHAR',
  ERROR_CODE: 'VARCHAR',
  SQL_STATE: 'VARCHAR',
  ERROR_MESSAGE: 'VARCHAR',
  QUEUED_MS: 'BIGINT',
  STARTED_MS: 'BIGINT',
  ENDED_MS: 'BIGINT',
  ROW_COUNT: 'BIGINT',
  /** JSON of the stored result's RowType[]; null when there is no stored result (or it expired). */
  RESULT_ROWTYPE: 'VARCHAR',
  STATEMENT_TYPE_ID: 'INTEGER',
  /** JSON of the session context a USE switched to; null when the statement left it as it was. */
  FINAL_CONTEXT: 'VARCHAR',
  /** A multi-statement request's statements' query ids, comma-separated; null for other queries. */
  CHILD_QUERY_IDS: 'VARCHAR',
} as const;

/** Columns added after history files already existed; opening the history adds them. */
export const ADDED_HISTORY_COLUMNS: HistoryColumn[] = ['FINAL_CONTEXT', 'CHILD_QUERY_IDS'];

export type HistoryColumn = keyof typeof HISTORY_COLUMNS;
export const HISTORY_COLUMN_NAMES = Object.keys(HISTORY_COLUMNS) as HistoryColumn[];
