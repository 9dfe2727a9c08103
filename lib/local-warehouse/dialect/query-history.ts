/**
 * TABLE([db.]INFORMATION_SCHEMA.QUERY_HISTORY(...)) and QUERY_HISTORY_BY_SESSION(...), served
 * from the engine's history table with Snowflake's column names and meanings:
 * - RESULT_LIMIT (default 100, 1–10000) and END_TIME_RANGE_START/END apply inside the
 *   function, before the query's own WHERE; rows come newest first.
 * - Without END_TIME_RANGE_END, queued and running queries are included.
 * - START_TIME is when the query was submitted, END_TIME the epoch while it has not ended,
 *   times in milliseconds; QUEUED_OVERLOAD_TIME is the time spent waiting for a slot.
 * - EXECUTION_STATUS is QUEUED, RUNNING, SUCCESS or FAILED_WITH_ERROR; a cancelled query is
 *   FAILED_WITH_ERROR with ERROR_MESSAGE 'SQL execution canceled', as in Snowflake.
 */
import { isSymbol, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import type { DialectContext } from './rewrite';
import { findTableFunctions } from './table-function';
import { applyEdits, identifierName, numberValue, significantTokens, sourceOf, splitTopLevel, type Edit } from './tokens';

const FUNCTIONS = ['QUERY_HISTORY', 'QUERY_HISTORY_BY_SESSION'];
const ARGUMENTS: Record<string, string[]> = {
  QUERY_HISTORY: ['END_TIME_RANGE_START', 'END_TIME_RANGE_END', 'RESULT_LIMIT', 'INCLUDE_CLIENT_GENERATED_STATEMENT'],
  QUERY_HISTORY_BY_SESSION: [
    'SESSION_ID',
    'END_TIME_RANGE_START',
    'END_TIME_RANGE_END',
    'RESULT_LIMIT',
    'INCLUDE_CLIENT_GENERATED_STATEMENT',
  ],
};

export type QueryHistoryContext = Pick<DialectContext, 'historyTable' | 'flushHistory' | 'sessionId' | 'nowMs'>;

export async function queryHistory(sql: string, context: QueryHistoryContext): Promise<string> {
  const tokens = significantTokens(sql);
  const calls = findTableFunctions(tokens, FUNCTIONS).filter(
    (call) => call.qualifier.length === 0 || call.qualifier.at(-1) === 'INFORMATION_SCHEMA',
  );
  if (calls.length === 0) return sql;
  await context.flushHistory();
  const edits: Edit[] = calls.map((call) => {
    const args = namedArguments(sql, tokens, call.name, ARGUMENTS[call.name], call.argsOpen, call.argsClose);
    return { start: tokens[call.start].start, end: tokens[call.end].end, text: historySubquery(args, call.name, context) };
  });
  return applyEdits(sql, edits);
}

export interface Argument {
  sql: string;
  tokens: Token[];
}

/** A table function's `NAME => value` arguments; any other name is a compilation error. */
export function namedArguments(
  sql: string,
  tokens: Token[],
  fn: string,
  allowed: string[],
  open: number,
  close: number,
): Map<string, Argument> {
  const args = new Map<string, Argument>();
  for (const [from, to] of splitTopLevel(tokens, open + 1, close)) {
    const name = tokens[from].kind === 'identifier' ? identifierName(tokens[from]) : '';
    if (!allowed.includes(name) || !isSymbol(tokens[from + 1], '=>') || to <= from + 2) {
      throw new SnowflakeQueryError(
        snowflakeErrors.compilation(
          `${fn} takes named arguments (${allowed.join(', ')}), e.g. RESULT_LIMIT => 10; got '${sourceOf(sql, tokens, from, to)}'.`,
        ),
      );
    }
    args.set(name, { sql: sourceOf(sql, tokens, from + 2, to), tokens: tokens.slice(from + 2, to) });
  }
  return args;
}

export function resultLimit(arg: Argument | undefined, fallback = 100): number {
  if (!arg) return fallback;
  const limit = numberValue(arg.tokens, 0, arg.tokens.length);
  if (limit === null || !Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    throw new SnowflakeQueryError(
      snowflakeErrors.compilation(`argument RESULT_LIMIT must be an integer between 1 and 10000; got '${arg.sql}'.`),
    );
  }
  return limit;
}

function historySubquery(args: Map<string, Argument>, fn: string, context: QueryHistoryContext): string {
  const now = Math.round(context.nowMs);
  const endTime = 'EPOCH_MS(ENDED_MS)::TIMESTAMPTZ';
  const start = args.get('END_TIME_RANGE_START');
  const end = args.get('END_TIME_RANGE_END');
  const range = [start && `${endTime} >= (${start.sql})`, end && `${endTime} <= (${end.sql})`].filter(Boolean);
  const conditions = [
    end ? `ENDED_MS IS NOT NULL AND ${range.join(' AND ')}` : `(ENDED_MS IS NULL OR (${range.join(' AND ') || 'TRUE'}))`,
  ];
  if (fn === 'QUERY_HISTORY_BY_SESSION') {
    conditions.push(`SESSION_ID = (${args.get('SESSION_ID')?.sql ?? context.sessionId})`);
  }
  const columns = [
    'QUERY_ID',
    'QUERY_TEXT',
    'DATABASE_NAME',
    'SCHEMA_NAME',
    'QUERY_TYPE',
    'SESSION_ID',
    'USER_NAME',
    'ROLE_NAME',
    'WAREHOUSE_NAME',
    `'X-Small' AS WAREHOUSE_SIZE`,
    `'STANDARD' AS WAREHOUSE_TYPE`,
    'CASE WHEN STARTED_MS IS NULL THEN NULL ELSE 1 END AS CLUSTER_NUMBER',
    'QUERY_TAG',
    `CASE STATUS WHEN 'ABORTED' THEN 'FAILED_WITH_ERROR' WHEN 'ABORTING' THEN 'RUNNING' ELSE STATUS END AS EXECUTION_STATUS`,
    'ERROR_CODE',
    'ERROR_MESSAGE',
    'EPOCH_MS(QUEUED_MS)::TIMESTAMPTZ AS START_TIME',
    'EPOCH_MS(COALESCE(ENDED_MS, 0))::TIMESTAMPTZ AS END_TIME',
    `COALESCE(ENDED_MS, ${now}) - QUEUED_MS AS TOTAL_ELAPSED_TIME`,
    '0 AS BYTES_SCANNED',
    'COALESCE(ROW_COUNT, 0) AS ROWS_PRODUCED',
    '0 AS COMPILATION_TIME',
    `CASE WHEN STARTED_MS IS NULL THEN 0 ELSE COALESCE(ENDED_MS, ${now}) - STARTED_MS END AS EXECUTION_TIME`,
    '0 AS QUEUED_PROVISIONING_TIME',
    '0 AS QUEUED_REPAIR_TIME',
    `COALESCE(STARTED_MS, ENDED_MS, ${now}) - QUEUED_MS AS QUEUED_OVERLOAD_TIME`,
    '0 AS TRANSACTION_BLOCKED_TIME',
  ];
  return (
    `(SELECT ${columns.join(', ')} FROM ${context.historyTable} WHERE ${conditions.join(' AND ')} ` +
    `ORDER BY QUEUED_MS DESC, QUERY_ID DESC LIMIT ${resultLimit(args.get('RESULT_LIMIT'))})`
  );
}
