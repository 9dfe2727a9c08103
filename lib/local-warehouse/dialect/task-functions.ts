/**
 * The task table functions, served from the task tables
 * (tasks/task-store.ts) with Snowflake's columns:
 * - TASK_HISTORY(SCHEDULED_TIME_RANGE_START/END, RESULT_LIMIT, TASK_NAME, DATABASE_NAME,
 *   SCHEMA_NAME, ERROR_ONLY, ROOT_TASK_ID): the last 7 days by default, plus each started root's
 *   next scheduled run; newest SCHEDULED_TIME first; QUERY_ID is NULL until a run starts.
 * - CURRENT_TASK_GRAPHS(RESULT_LIMIT default 1000, ROOT_TASK_NAME): SCHEDULED and EXECUTING runs.
 * - COMPLETE_TASK_GRAPHS(RESULT_LIMIT, ROOT_TASK_NAME, ERROR_ONLY): runs completed in the last
 *   60 minutes.
 * - TASK_DEPENDENTS(TASK_NAME, RECURSIVE): the task first, then its dependents.
 *
 * Snowflake documents them at https://docs.snowflake.com/en/sql-reference/functions/task_history,
 * https://docs.snowflake.com/en/sql-reference/functions/current_task_graphs,
 * https://docs.snowflake.com/en/sql-reference/functions/complete_task_graphs and
 * https://docs.snowflake.com/en/sql-reference/functions/task_dependents.
 */
import { stringValue } from '@/lib/domain/sql/literals';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import type { TaskTables } from '../engine/service-statements';
import { taskErrors } from '../tasks/task-errors';
import { namedArguments, resultLimit, type Argument } from './query-history';
import type { DialectContext } from './rewrite';
import { findTableFunctions, type TableFunctionCall } from './table-function';
import { applyEdits, significantTokens, sqlString, type Edit } from './tokens';

const ARGUMENTS: Record<string, string[]> = {
  TASK_HISTORY: [
    'SCHEDULED_TIME_RANGE_START',
    'SCHEDULED_TIME_RANGE_END',
    'RESULT_LIMIT',
    'TASK_NAME',
    'DATABASE_NAME',
    'SCHEMA_NAME',
    'ERROR_ONLY',
    'ROOT_TASK_ID',
  ],
  CURRENT_TASK_GRAPHS: ['RESULT_LIMIT', 'ROOT_TASK_NAME'],
  COMPLETE_TASK_GRAPHS: ['RESULT_LIMIT', 'ROOT_TASK_NAME', 'ERROR_ONLY'],
  TASK_DEPENDENTS: ['TASK_NAME', 'RECURSIVE'],
};

const DAY_MS = 24 * 3600 * 1000;
const time = (column: string) => `EPOCH_MS(${column})::TIMESTAMPTZ`;
const ERROR_STATES = `('FAILED', 'FAILED_AND_AUTO_SUSPENDED', 'CANCELLED')`;

export type TaskFunctionsContext = Pick<DialectContext, 'tasks' | 'nowMs' | 'session'>;

export async function taskFunctions(sql: string, context: TaskFunctionsContext): Promise<string> {
  const tokens = significantTokens(sql);
  const calls = findTableFunctions(tokens, Object.keys(ARGUMENTS)).filter(
    (call) => call.qualifier.length === 0 || call.qualifier.at(-1) === 'INFORMATION_SCHEMA',
  );
  if (calls.length === 0) return sql;
  const tables = context.tasks;
  if (!tables) throw new Error('The task table functions need the task tables, which this engine was started without.');
  await tables.flush();
  const edits: Edit[] = calls.map((call) => {
    const args = namedArguments(sql, tokens, call.name, ARGUMENTS[call.name], call.argsOpen, call.argsClose);
    return { start: tokens[call.start].start, end: tokens[call.end].end, text: subquery(call, args, tables, context) };
  });
  return applyEdits(sql, edits);
}

function subquery(call: TableFunctionCall, args: Map<string, Argument>, tables: TaskTables, context: TaskFunctionsContext): string {
  const { nowMs } = context;
  switch (call.name) {
    case 'TASK_HISTORY':
      return taskHistory(args, tables, nowMs);
    case 'CURRENT_TASK_GRAPHS':
      return graphRuns(args, tables, `STATE IN ('SCHEDULED', 'EXECUTING')`, resultLimit(args.get('RESULT_LIMIT'), 1000), false);
    case 'COMPLETE_TASK_GRAPHS': {
      const errorOnly = args.get('ERROR_ONLY') ? ` AND (NOT (${args.get('ERROR_ONLY')?.sql}) OR STATE IN ${ERROR_STATES})` : '';
      const recent = `STATE IN ('SUCCEEDED', 'FAILED', 'CANCELLED') AND COMPLETED_MS >= ${Math.round(nowMs - 3600_000)}${errorOnly}`;
      return graphRuns(args, tables, recent, resultLimit(args.get('RESULT_LIMIT')), true);
    }
    default:
      return taskDependents(args, tables, context.session);
  }
}

const name = (arg: Argument | undefined, column: string) => (arg ? ` AND upper(${column}) = upper(${arg.sql})` : '');

function taskHistory(args: Map<string, Argument>, tables: TaskTables, nowMs: number): string {
  const start = args.get('SCHEDULED_TIME_RANGE_START');
  const end = args.get('SCHEDULED_TIME_RANGE_END');
  const range = [
    start ? `${time('SCHEDULED_MS')} >= (${start.sql})` : `SCHEDULED_MS >= ${Math.round(nowMs - 7 * DAY_MS)}`,
    end ? `${time('SCHEDULED_MS')} <= (${end.sql})` : `SCHEDULED_MS <= ${Math.round(nowMs + 8 * DAY_MS)}`,
  ];
  const errorOnly = args.get('ERROR_ONLY');
  const where =
    range.join(' AND ') +
    name(args.get('TASK_NAME'), 'NAME') +
    name(args.get('DATABASE_NAME'), 'DATABASE_NAME') +
    name(args.get('SCHEMA_NAME'), 'SCHEMA_NAME') +
    (args.get('ROOT_TASK_ID') ? ` AND ROOT_TASK_ID = (${args.get('ROOT_TASK_ID')?.sql})` : '') +
    (errorOnly ? ` AND (NOT (${errorOnly.sql}) OR STATE IN ${ERROR_STATES})` : '');
  const columns = [
    'QUERY_ID',
    'NAME',
    'DATABASE_NAME',
    'SCHEMA_NAME',
    'QUERY_TEXT',
    'CONDITION_TEXT',
    'STATE',
    'ERROR_CODE',
    'ERROR_MESSAGE',
    `${time('SCHEDULED_MS')} AS SCHEDULED_TIME`,
    `${time('QUERY_START_MS')} AS QUERY_START_TIME`,
    `${time('NEXT_SCHEDULED_MS')} AS NEXT_SCHEDULED_TIME`,
    `${time('COMPLETED_MS')} AS COMPLETED_TIME`,
    'ROOT_TASK_ID',
    'GRAPH_VERSION',
    'RUN_ID',
    'RETURN_VALUE',
    'SCHEDULED_FROM',
    'ATTEMPT_NUMBER',
    'CONFIG',
    'NULL::VARCHAR AS QUERY_HASH',
    'NULL::BIGINT AS QUERY_HASH_VERSION',
    'NULL::VARCHAR AS QUERY_PARAMETERIZED_HASH',
    'NULL::BIGINT AS QUERY_PARAMETERIZED_HASH_VERSION',
    `NULLIF(GRAPH_RUN_GROUP_ID, '') AS GRAPH_RUN_GROUP_ID`,
    'NULL::VARCHAR AS BACKFILL_INFO',
    'NULL::VARCHAR AS SPCS_JOB_ID',
  ];
  return (
    `(SELECT ${columns.join(', ')} FROM ${tables.runs} WHERE ${where} ` +
    `ORDER BY SCHEDULED_MS DESC, RUN_ID DESC, ATTEMPT_NUMBER DESC, ROW_KEY LIMIT ${resultLimit(args.get('RESULT_LIMIT'))})`
  );
}

function graphRuns(args: Map<string, Argument>, tables: TaskTables, where: string, limit: number, completed: boolean): string {
  const columns = [
    'ROOT_TASK_NAME',
    'DATABASE_NAME',
    'SCHEMA_NAME',
    'STATE',
    'SCHEDULED_FROM',
    'FIRST_ERROR_TASK_NAME',
    'FIRST_ERROR_CODE',
    'FIRST_ERROR_MESSAGE',
    `${time('SCHEDULED_MS')} AS SCHEDULED_TIME`,
    `${time('QUERY_START_MS')} AS QUERY_START_TIME`,
    `${time('NEXT_SCHEDULED_MS')} AS NEXT_SCHEDULED_TIME`,
    ...(completed ? [`${time('COMPLETED_MS')} AS COMPLETED_TIME`] : []),
    'ROOT_TASK_ID',
    'GRAPH_VERSION',
    'RUN_ID',
    'ATTEMPT_NUMBER',
    'CONFIG',
    `NULLIF(GRAPH_RUN_GROUP_ID, '') AS GRAPH_RUN_GROUP_ID`,
  ];
  return (
    `(SELECT ${columns.join(', ')} FROM ${tables.graphRuns} WHERE ${where}${name(args.get('ROOT_TASK_NAME'), 'ROOT_TASK_NAME')} ` +
    `ORDER BY SCHEDULED_MS DESC, RUN_ID DESC, ATTEMPT_NUMBER DESC LIMIT ${limit})`
  );
}

function taskDependents(args: Map<string, Argument>, tables: TaskTables, session: TaskFunctionsContext['session']): string {
  const arg = args.get('TASK_NAME');
  const taskName = arg && arg.tokens.length === 1 ? stringValue(arg.tokens[0]) : null;
  if (taskName === null) {
    throw new SnowflakeQueryError(snowflakeErrors.compilation(`TASK_DEPENDENTS needs TASK_NAME => '<db>.<schema>.<task>' as a string.`));
  }
  const recursive = args.get('RECURSIVE');
  const flag = recursive?.sql.trim().toUpperCase();
  if (recursive && flag !== 'TRUE' && flag !== 'FALSE') {
    throw new SnowflakeQueryError(snowflakeErrors.compilation(`TASK_DEPENDENTS' RECURSIVE takes TRUE or FALSE; got '${recursive.sql}'.`));
  }
  const keys = tables.dependents(taskName, flag !== 'FALSE', session);
  if (!keys) {
    throw taskErrors.notFound(taskName);
  }
  const order = keys.map((key, i) => `(${sqlString(key)}, ${i})`).join(', ');
  const columns = [
    `${time('CREATED_MS')} AS CREATED_ON`,
    'NAME',
    'DATABASE_NAME',
    'SCHEMA_NAME',
    'OWNER',
    'COMMENT',
    'WAREHOUSE',
    'SCHEDULE',
    'PREDECESSORS',
    'STATE',
    'DEFINITION',
    'CONDITION',
  ];
  return (
    `(SELECT ${columns.join(', ')} FROM ${tables.tasks} JOIN (VALUES ${order}) AS DEPENDENT_ORDER(DEPENDENT_KEY, POSITION) ` +
    `ON KEY = DEPENDENT_KEY ORDER BY POSITION)`
  );
}
