/**
 * The SNOWFLAKE.ACCOUNT_USAGE views for what the local warehouse records, each replaced by a
 * subquery over the warehouse's own tables with the view's documented columns, in order:
 * - QUERY_HISTORY (https://docs.snowflake.com/en/sql-reference/account-usage/query_history):
 *   queries that have ended; EXECUTION_STATUS is SUCCESS or FAIL (a cancelled query is FAIL with
 *   its 000604 error).
 * - TASK_HISTORY (https://docs.snowflake.com/en/sql-reference/account-usage/task_history): task
 *   runs that have completed, not SCHEDULED or EXECUTING ones.
 * - SERVERLESS_TASK_HISTORY (…/account-usage/serverless_task_history): one row per completed run
 *   of a task without a WAREHOUSE, its window the run's start and completion.
 * - SERVICES (…/account-usage/services): every job service, dropped ones with DELETED set.
 * Every view reads what is recorded, at once (Snowflake's views lag by up to hours), and keeps
 * what the warehouse keeps (7 days of queries and task runs, 30 days of jobs). What the warehouse
 * does not measure or has no notion of (bytes, partitions, credits, compilation time, numeric
 * object IDs) is NULL; any other ACCOUNT_USAGE view is refused with `000002`.
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import type { DialectContext } from './rewrite';
import { applyEdits, identifierName, quoteIdentifier, significantTokens, type Edit } from './tokens';

export type AccountUsageContext = Pick<DialectContext, 'historyTable' | 'flushHistory' | 'jobServices' | 'tasks'>;

const time = (column: string) => `EPOCH_MS(${column})::TIMESTAMPTZ`;
const none = (type: string, column: string) => `NULL::${type} AS ${column}`;

/** Words that may follow a table reference without being its alias. */
const CLAUSE_WORDS = new Set([
  'WHERE', 'GROUP', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'HAVING', 'QUALIFY', 'WINDOW', 'JOIN', 'INNER', 'LEFT', 'RIGHT',
  'FULL', 'CROSS', 'NATURAL', 'ASOF', 'POSITIONAL', 'ON', 'USING', 'UNION', 'EXCEPT', 'MINUS', 'INTERSECT', 'SAMPLE',
  'TABLESAMPLE', 'PIVOT', 'UNPIVOT', 'LATERAL', 'MATCH_RECOGNIZE', 'AT', 'BEFORE', 'CHANGES',
]);

const QUERY_HISTORY_COLUMNS = (table: string) => [
  'QUERY_ID',
  'QUERY_TEXT',
  none('BIGINT', 'DATABASE_ID'),
  'DATABASE_NAME',
  none('BIGINT', 'SCHEMA_ID'),
  'SCHEMA_NAME',
  'QUERY_TYPE',
  'SESSION_ID',
  none('BIGINT', 'AUTHN_EVENT_ID'),
  'USER_NAME',
  'ROLE_NAME',
  none('BIGINT', 'WAREHOUSE_ID'),
  'WAREHOUSE_NAME',
  none('VARCHAR', 'WAREHOUSE_SIZE'),
  `'STANDARD' AS WAREHOUSE_TYPE`,
  'CASE WHEN STARTED_MS IS NULL THEN NULL ELSE 1 END AS CLUSTER_NUMBER',
  'QUERY_TAG',
  `CASE STATUS WHEN 'SUCCESS' THEN 'SUCCESS' ELSE 'FAIL' END AS EXECUTION_STATUS`,
  'ERROR_CODE',
  'ERROR_MESSAGE',
  `${time('QUEUED_MS')} AS START_TIME`,
  `${time('ENDED_MS')} AS END_TIME`,
  'ENDED_MS - QUEUED_MS AS TOTAL_ELAPSED_TIME',
  none('BIGINT', 'BYTES_SCANNED'),
  none('DOUBLE', 'PERCENTAGE_SCANNED_FROM_CACHE'),
  none('BIGINT', 'BYTES_WRITTEN'),
  none('BIGINT', 'BYTES_WRITTEN_TO_RESULT'),
  none('BIGINT', 'BYTES_READ_FROM_RESULT'),
  'ROW_COUNT AS ROWS_PRODUCED',
  // A DML statement's ROW_COUNT is the rows it changed; a MERGE's split is not recorded.
  ...[['INSERT', 'ROWS_INSERTED'], ['UPDATE', 'ROWS_UPDATED'], ['DELETE', 'ROWS_DELETED']].map(
    ([type, column]) => `CASE QUERY_TYPE WHEN '${type}' THEN ROW_COUNT WHEN 'MERGE' THEN NULL ELSE 0 END AS ${column}`,
  ),
  none('BIGINT', 'ROWS_UNLOADED'),
  none('BIGINT', 'BYTES_DELETED'),
  none('BIGINT', 'PARTITIONS_SCANNED'),
  none('BIGINT', 'PARTITIONS_TOTAL'),
  none('BIGINT', 'BYTES_SPILLED_TO_LOCAL_STORAGE'),
  none('BIGINT', 'BYTES_SPILLED_TO_REMOTE_STORAGE'),
  none('BIGINT', 'BYTES_SENT_OVER_THE_NETWORK'),
  none('BIGINT', 'COMPILATION_TIME'),
  'CASE WHEN STARTED_MS IS NULL THEN 0 ELSE ENDED_MS - STARTED_MS END AS EXECUTION_TIME',
  // Nothing here waits for provisioning, repair or another transaction's lock.
  '0 AS QUEUED_PROVISIONING_TIME',
  '0 AS QUEUED_REPAIR_TIME',
  'COALESCE(STARTED_MS, ENDED_MS) - QUEUED_MS AS QUEUED_OVERLOAD_TIME',
  '0 AS TRANSACTION_BLOCKED_TIME',
  none('VARCHAR', 'OUTBOUND_DATA_TRANSFER_CLOUD'),
  none('VARCHAR', 'OUTBOUND_DATA_TRANSFER_REGION'),
  none('BIGINT', 'OUTBOUND_DATA_TRANSFER_BYTES'),
  none('VARCHAR', 'INBOUND_DATA_TRANSFER_CLOUD'),
  none('VARCHAR', 'INBOUND_DATA_TRANSFER_REGION'),
  none('BIGINT', 'INBOUND_DATA_TRANSFER_BYTES'),
  none('BIGINT', 'LIST_EXTERNAL_FILES_TIME'),
  none('DOUBLE', 'CREDITS_USED_CLOUD_SERVICES'),
  none('VARCHAR', 'RELEASE_VERSION'),
  none('BIGINT', 'EXTERNAL_FUNCTION_TOTAL_INVOCATIONS'),
  none('BIGINT', 'EXTERNAL_FUNCTION_TOTAL_SENT_ROWS'),
  none('BIGINT', 'EXTERNAL_FUNCTION_TOTAL_RECEIVED_ROWS'),
  none('BIGINT', 'EXTERNAL_FUNCTION_TOTAL_SENT_BYTES'),
  none('BIGINT', 'EXTERNAL_FUNCTION_TOTAL_RECEIVED_BYTES'),
  none('BIGINT', 'QUERY_LOAD_PERCENT'),
  'FALSE AS IS_CLIENT_GENERATED_STATEMENT',
  none('BIGINT', 'QUERY_ACCELERATION_BYTES_SCANNED'),
  none('BIGINT', 'QUERY_ACCELERATION_PARTITIONS_SCANNED'),
  none('BIGINT', 'QUERY_ACCELERATION_UPPER_LIMIT_SCALE_FACTOR'),
  none('BIGINT', 'TRANSACTION_ID'),
  none('BIGINT', 'CHILD_QUERIES_WAIT_TIME'),
  `'ROLE' AS ROLE_TYPE`,
  none('VARCHAR', 'QUERY_HASH'),
  none('BIGINT', 'QUERY_HASH_VERSION'),
  none('VARCHAR', 'QUERY_PARAMETERIZED_HASH'),
  none('BIGINT', 'QUERY_PARAMETERIZED_HASH_VERSION'),
  none('VARCHAR', 'SECONDARY_ROLE_STATS'),
  none('BIGINT', 'ROWS_WRITTEN_TO_RESULT'),
  none('BIGINT', 'QUERY_RETRY_TIME'),
  none('VARCHAR', 'QUERY_RETRY_CAUSE'),
  none('BIGINT', 'FAULT_HANDLING_TIME'),
  none('VARCHAR', 'USER_TYPE'),
  none('VARCHAR', 'USER_DATABASE_NAME'),
  none('BIGINT', 'USER_DATABASE_ID'),
  none('VARCHAR', 'USER_SCHEMA_NAME'),
  none('BIGINT', 'USER_SCHEMA_ID'),
].join(', ') + ` FROM ${table} WHERE ENDED_MS IS NOT NULL`;

const COMPLETED_STATES = `('SUCCEEDED', 'FAILED', 'FAILED_AND_AUTO_SUSPENDED', 'CANCELLED', 'SKIPPED')`;

const TASK_HISTORY_COLUMNS = (runs: string) => [
  'NAME',
  'QUERY_TEXT',
  'CONDITION_TEXT',
  'SCHEMA_NAME',
  none('BIGINT', 'TASK_SCHEMA_ID'),
  'DATABASE_NAME',
  none('BIGINT', 'TASK_DATABASE_ID'),
  `${time('SCHEDULED_MS')} AS SCHEDULED_TIME`,
  `${time('COMPLETED_MS')} AS COMPLETED_TIME`,
  'STATE',
  'RETURN_VALUE',
  'QUERY_ID',
  `${time('QUERY_START_MS')} AS QUERY_START_TIME`,
  'TRY_CAST(ERROR_CODE AS BIGINT) AS ERROR_CODE',
  'ERROR_MESSAGE',
  'GRAPH_VERSION',
  'RUN_ID',
  'ROOT_TASK_ID',
  'SCHEDULED_FROM',
  none('BIGINT', 'INSTANCE_ID'),
  'ATTEMPT_NUMBER',
  'CONFIG',
  none('VARCHAR', 'QUERY_HASH'),
  none('BIGINT', 'QUERY_HASH_VERSION'),
  none('VARCHAR', 'QUERY_PARAMETERIZED_HASH'),
  none('BIGINT', 'QUERY_PARAMETERIZED_HASH_VERSION'),
  `NULLIF(GRAPH_RUN_GROUP_ID, '') AS GRAPH_RUN_GROUP_ID`,
  none('VARCHAR', 'BACKFILL_INFO'),
].join(', ') + ` FROM ${runs} WHERE STATE IN ${COMPLETED_STATES} AND NOT starts_with(ROW_KEY, 'next:')`;

const SERVERLESS_TASK_HISTORY_COLUMNS = (runs: string, tasks: string) => [
  `${time('R.QUERY_START_MS')} AS START_TIME`,
  `${time('R.COMPLETED_MS')} AS END_TIME`,
  none('VARCHAR', 'CREDITS_USED'),
  none('BIGINT', 'TASK_ID'),
  'R.NAME AS TASK_NAME',
  none('BIGINT', 'SCHEMA_ID'),
  'R.SCHEMA_NAME',
  none('BIGINT', 'DATABASE_ID'),
  'R.DATABASE_NAME',
  none('BIGINT', 'INSTANCE_ID'),
].join(', ') +
  ` FROM ${runs} R JOIN ${tasks} T ON T.ID = R.TASK_ID WHERE T.WAREHOUSE IS NULL` +
  ` AND R.QUERY_START_MS IS NOT NULL AND R.COMPLETED_MS IS NOT NULL AND R.STATE IN ${COMPLETED_STATES}`;

const parameter = (key: string) => `json_extract_string(PARAMETERS, '$.${key}')`;

const SERVICES_COLUMNS = (jobs: string) => [
  none('BIGINT', 'SERVICE_ID'),
  'NAME AS SERVICE_NAME',
  none('BIGINT', 'SERVICE_CATALOG_ID'),
  'DATABASE_NAME AS SERVICE_CATALOG',
  none('BIGINT', 'SERVICE_SCHEMA_ID'),
  'SCHEMA_NAME AS SERVICE_SCHEMA',
  'OWNER AS SERVICE_OWNER',
  `'ROLE' AS SERVICE_OWNER_ROLE_TYPE`,
  none('BIGINT', 'COMPUTE_POOL_ID'),
  'COMPUTE_POOL_NAME',
  none('VARCHAR', 'DNS_NAME'),
  ...['MIN_READY_INSTANCES', 'MIN_INSTANCES', 'MAX_INSTANCES'].map((column) => `CAST(${parameter('REPLICAS')} AS BIGINT) AS ${column}`),
  'FALSE AS AUTO_RESUME',
  `${parameter('QUERY_WAREHOUSE')} AS QUERY_WAREHOUSE`,
  `${time('CREATED_MS')} AS CREATED`,
  `${time(`CAST(json_extract_string(RECORD, '$.updatedMs') AS BIGINT)`)} AS LAST_ALTERED`,
  none('TIMESTAMPTZ', 'LAST_RESUMED'),
  `${time('DELETED_MS')} AS DELETED`,
  `${parameter('COMMENT')} AS COMMENT`,
  'TRUE AS IS_JOB',
].join(', ') + ` FROM ${jobs}`;

/** The view's subquery body, after flushing the writes it reads; throws for a view not served. */
async function viewQuery(view: string, context: AccountUsageContext): Promise<string> {
  switch (view) {
    case 'QUERY_HISTORY':
      await context.flushHistory();
      return QUERY_HISTORY_COLUMNS(context.historyTable);
    case 'TASK_HISTORY':
    case 'SERVERLESS_TASK_HISTORY': {
      const tables = context.tasks;
      if (!tables) throw new Error(`ACCOUNT_USAGE.${view} needs the task tables, which this engine was started without.`);
      await tables.flush();
      return view === 'TASK_HISTORY' ? TASK_HISTORY_COLUMNS(tables.runs) : SERVERLESS_TASK_HISTORY_COLUMNS(tables.runs, tables.tasks);
    }
    case 'SERVICES': {
      const jobs = context.jobServices;
      if (!jobs) throw new Error('ACCOUNT_USAGE.SERVICES needs the job services table, which this engine was started without.');
      await jobs.flush();
      return SERVICES_COLUMNS(jobs.name);
    }
    default:
      throw new SnowflakeQueryError(snowflakeErrors.unsupported(`SNOWFLAKE.ACCOUNT_USAGE.${view}`));
  }
}

/** Whether the token after a table reference starts an alias (AS, or a name that is no clause word). */
function hasAlias(token: Token | undefined): boolean {
  if (isWord(token, 'AS') || token?.kind === 'quoted_identifier') return true;
  return token?.kind === 'identifier' && !CLAUSE_WORDS.has(token.text.toUpperCase());
}

export async function accountUsage(sql: string, context: AccountUsageContext): Promise<string> {
  const tokens = significantTokens(sql);
  const references: { from: number; to: number; view: string }[] = [];
  for (let i = 0; i + 4 < tokens.length; i += 1) {
    const [database, dot, schema, dot2, view] = tokens.slice(i, i + 5);
    if (!isName(database, 'SNOWFLAKE') || !isSymbol(dot, '.') || !isName(schema, 'ACCOUNT_USAGE') || !isSymbol(dot2, '.')) continue;
    if (view.kind !== 'identifier' && view.kind !== 'quoted_identifier') continue;
    references.push({ from: i, to: i + 4, view: identifierName(view) });
    i += 4;
  }
  if (references.length === 0) return sql;
  const edits: Edit[] = [];
  for (const { from, to, view } of references) {
    const body = await viewQuery(view, context);
    const alias = hasAlias(tokens[to + 1]) ? '' : ` AS ${quoteIdentifier(view)}`;
    edits.push({ start: tokens[from].start, end: tokens[to].end, text: `(SELECT ${body})${alias}` });
  }
  return applyEdits(sql, edits);
}

function isName(token: Token | undefined, name: string): boolean {
  return (token?.kind === 'identifier' || token?.kind === 'quoted_identifier') && identifierName(token) === name;
}
