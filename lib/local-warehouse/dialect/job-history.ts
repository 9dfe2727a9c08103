/**
 * TABLE(SNOWFLAKE.SPCS.GET_JOB_HISTORY([CREATED_TIME_START => …], [CREATED_TIME_END => …],
 * [RESULT_LIMIT => …])) served from the job services table (services/job-service-store.ts) with
 * Snowflake's columns (https://docs.snowflake.com/en/sql-reference/functions/get_job_history):
 * dropped jobs included, newest first, RESULT_LIMIT 1–10000 (default 100). The real function
 * shows only jobs the current role owns; the local warehouse has no role privileges, so it shows
 * every job.
 */
import type { DialectContext } from './rewrite';
import { namedArguments, resultLimit } from './query-history';
import { findTableFunctions } from './table-function';
import { applyEdits, significantTokens, type Edit } from './tokens';

const FUNCTION = 'GET_JOB_HISTORY';
const ARGUMENTS = ['CREATED_TIME_START', 'CREATED_TIME_END', 'RESULT_LIMIT'];

export type JobHistoryContext = Pick<DialectContext, 'jobServices'>;

const time = (column: string) => `EPOCH_MS(${column})::TIMESTAMPTZ`;

const COLUMNS = [
  'QUERY_ID',
  'ID',
  'NAME',
  'DATABASE_NAME',
  'SCHEMA_NAME',
  `${time('CREATED_MS')} AS CREATED_TIME`,
  `${time('COMPLETED_MS')} AS COMPLETED_TIME`,
  `${time('DELETED_MS')} AS DELETED_TIME`,
  'STATUS',
  'MESSAGE',
  'INSTANCE_STATUSES',
  'COMPUTE_POOL_NAME',
  'OWNER',
  `'ROLE' AS OWNER_ROLE_TYPE`,
  'PARAMETERS',
  'NULL::VARCHAR AS MANAGING_OBJECT',
];

export async function jobHistory(sql: string, context: JobHistoryContext): Promise<string> {
  const tokens = significantTokens(sql);
  const calls = findTableFunctions(tokens, [FUNCTION]).filter(
    (call) => call.qualifier.length === 0 || call.qualifier.at(-1) === 'SPCS',
  );
  if (calls.length === 0) return sql;
  const table = context.jobServices;
  if (!table) throw new Error('GET_JOB_HISTORY needs the job services table, which this engine was started without.');
  await table.flush();
  const edits: Edit[] = calls.map((call) => {
    const args = namedArguments(sql, tokens, FUNCTION, ARGUMENTS, call.argsOpen, call.argsClose);
    const start = args.get('CREATED_TIME_START');
    const end = args.get('CREATED_TIME_END');
    const conditions = [start && `${time('CREATED_MS')} >= (${start.sql})`, end && `${time('CREATED_MS')} <= (${end.sql})`];
    const where = conditions.filter(Boolean).join(' AND ') || 'TRUE';
    const subquery =
      `(SELECT ${COLUMNS.join(', ')} FROM ${table.name} WHERE ${where} ` +
      `ORDER BY CREATED_MS DESC, ID DESC LIMIT ${resultLimit(args.get('RESULT_LIMIT'))})`;
    return { start: tokens[call.start].start, end: tokens[call.end].end, text: subquery };
  });
  return applyEdits(sql, edits);
}
