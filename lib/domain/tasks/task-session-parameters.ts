/**
 * The parameters CREATE TASK and ALTER TASK SET / UNSET take besides the task's own properties
 * (https://docs.snowflake.com/en/sql-reference/sql/create-task, "session_parameter = value"):
 * Snowflake's session parameters, which a task's runs inherit, and the task-level parameters
 * SHOW PARAMETERS IN TASK lists (https://docs.snowflake.com/en/sql-reference/parameters). Any
 * other `NAME = value` is refused with Snowflake's `001420` "invalid property 'NAME' for 'TASK'",
 * so a misspelt property (SUSPEND_TASK_AFTER_FAILURES for SUSPEND_TASK_AFTER_NUM_FAILURES) fails
 * instead of being kept as a parameter nothing reads. Pure: the task form runs it too.
 */
import type { Token } from '../sql/lexer';
import { SqlStatementError } from '../sql/sql-reader';

export const TASK_SESSION_PARAMETERS: ReadonlySet<string> = new Set([
  // Task-level parameters that are not properties of their own in the parser.
  'SERVERLESS_TASK_MAX_STATEMENT_SIZE',
  'SERVERLESS_TASK_MIN_STATEMENT_SIZE',
  'USER_TASK_MINIMUM_TRIGGER_INTERVAL_IN_SECONDS',
  // Session parameters a task inherits.
  'ABORT_DETACHED_QUERY',
  'AUTOCOMMIT',
  'BINARY_INPUT_FORMAT',
  'BINARY_OUTPUT_FORMAT',
  'CLIENT_MEMORY_LIMIT',
  'CLIENT_METADATA_REQUEST_USE_CONNECTION_CTX',
  'CLIENT_PREFETCH_THREADS',
  'CLIENT_RESULT_CHUNK_SIZE',
  'CLIENT_RESULT_COLUMN_CASE_INSENSITIVE',
  'CLIENT_SESSION_KEEP_ALIVE',
  'CLIENT_SESSION_KEEP_ALIVE_HEARTBEAT_FREQUENCY',
  'CLIENT_TIMESTAMP_TYPE_MAPPING',
  'DATE_INPUT_FORMAT',
  'DATE_OUTPUT_FORMAT',
  'ENABLE_UNLOAD_PHYSICAL_TYPE_OPTIMIZATION',
  'ERROR_ON_NONDETERMINISTIC_MERGE',
  'ERROR_ON_NONDETERMINISTIC_UPDATE',
  'GEOGRAPHY_OUTPUT_FORMAT',
  'GEOMETRY_OUTPUT_FORMAT',
  'JDBC_TREAT_TIMESTAMP_NTZ_AS_UTC',
  'JDBC_USE_SESSION_TIMEZONE',
  'JSON_INDENT',
  'LOCK_TIMEOUT',
  'MULTI_STATEMENT_COUNT',
  'NOORDER_SEQUENCE_AS_DEFAULT',
  'ODBC_TREAT_DECIMAL_AS_INT',
  'QUERY_TAG',
  'QUOTED_IDENTIFIERS_IGNORE_CASE',
  'ROWS_PER_RESULTSET',
  'S3_STAGE_VPCE_DNS_NAME',
  'SEARCH_PATH',
  'STATEMENT_QUEUED_TIMEOUT_IN_SECONDS',
  'STATEMENT_TIMEOUT_IN_SECONDS',
  'STRICT_JSON_OUTPUT',
  'TIMESTAMP_DAY_IS_ALWAYS_24H',
  'TIMESTAMP_INPUT_FORMAT',
  'TIMESTAMP_LTZ_OUTPUT_FORMAT',
  'TIMESTAMP_NTZ_OUTPUT_FORMAT',
  'TIMESTAMP_OUTPUT_FORMAT',
  'TIMESTAMP_TYPE_MAPPING',
  'TIMESTAMP_TZ_OUTPUT_FORMAT',
  'TIMEZONE',
  'TIME_INPUT_FORMAT',
  'TIME_OUTPUT_FORMAT',
  'TRACE_LEVEL',
  'TRANSACTION_ABORT_ON_ERROR',
  'TRANSACTION_DEFAULT_ISOLATION_LEVEL',
  'TWO_DIGIT_CENTURY_START',
  'UNSUPPORTED_DDL_ACTION',
  'USE_CACHED_RESULT',
  'WEEK_OF_YEAR_POLICY',
  'WEEK_START',
]);

/** Snowflake's error for a `NAME = value` a task does not take, at the name's token. */
export function invalidTaskProperty(token: Token, name: string): SqlStatementError {
  return new SqlStatementError(
    { code: '001420', sqlState: '22023', message: `SQL compilation error:\ninvalid property '${name}' for 'TASK'` },
    token.line,
    token.column - 1,
  );
}
