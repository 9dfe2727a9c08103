/**
 * TABLE(<job>!SPCS_GET_LOGS([START_TIME => …] [, END_TIME => …])), the logs of a job service's
 * containers (https://docs.snowflake.com/en/sql-reference/functions/spcs_get_logs), served from
 * the job's log files (services/container-log.ts) with the documented columns: TIMESTAMP
 * (TIMESTAMP_NTZ, UTC), INSTANCE_ID (NUMBER), CONTAINER_NAME, LOG and RECORD_ATTRIBUTES (an
 * OBJECT naming the stream, `{"log.iostream": "stdout"}`). START_TIME defaults to one day ago and
 * END_TIME to now; both may be any expression. Snowflake reads the event table, where logs may
 * take minutes to appear; here every line is there as soon as the container wrote it.
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import type { ObjectName } from '@/lib/domain/sql/sql-reader';
import type { JobLogRow } from '../engine/service-statements';
import { namedArguments } from './query-history';
import type { DialectContext } from './rewrite';
import { applyEdits, closingParen, dottedNameAt, identifierName, significantTokens, sqlString, type Edit } from './tokens';

const FUNCTION = 'SPCS_GET_LOGS';
const ARGUMENTS = ['START_TIME', 'END_TIME'];
const DAY_MS = 24 * 3600 * 1000;

export type JobLogsContext = Pick<DialectContext, 'jobServices' | 'session' | 'nowMs'>;

interface LogsCall {
  job: ObjectName;
  /** Token indexes: TABLE, the arguments' parentheses, TABLE's closing parenthesis. */
  start: number;
  argsOpen: number;
  argsClose: number;
  end: number;
}

/** `TABLE ( [db .] [schema .] job ! SPCS_GET_LOGS ( … ) )` calls, in order. */
function findCalls(tokens: Token[]): LogsCall[] {
  const calls: LogsCall[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    if (!isWord(tokens[i], 'TABLE') || !isSymbol(tokens[i + 1], '(')) continue;
    const { parts, last: j } = dottedNameAt(tokens, i + 2);
    if (parts.length === 0 || parts.length > 3 || parts.at(-1) !== tokens[j]) continue;
    if (!isSymbol(tokens[j + 1], '!') || !isWord(tokens[j + 2], FUNCTION) || !isSymbol(tokens[j + 3], '(')) continue;
    const argsClose = closingParen(tokens, j + 3);
    if (argsClose === -1 || !isSymbol(tokens[argsClose + 1], ')')) continue;
    const names = parts.map(identifierName);
    const job = {
      database: names.length === 3 ? names[0] : null,
      schema: names.length >= 2 ? names[names.length - 2] : null,
      name: names[names.length - 1],
    };
    calls.push({ job, start: i, argsOpen: j + 3, argsClose, end: argsClose + 1 });
    i = argsClose + 1;
  }
  return calls;
}

const COLUMNS = `"TIMESTAMP", INSTANCE_ID, CONTAINER_NAME, LOG, RECORD_ATTRIBUTES`;

/** The log lines as a relation: SF_MS (epoch ms, for the time filter) and SF_LINE (order) besides the columns. */
function rowsRelation(rows: JobLogRow[]): string {
  if (rows.length === 0) {
    return (
      `(SELECT NULL::BIGINT AS SF_MS, NULL::BIGINT AS SF_LINE, NULL::TIMESTAMP AS "TIMESTAMP", NULL::BIGINT AS INSTANCE_ID, ` +
      `NULL::VARCHAR AS CONTAINER_NAME, NULL::VARCHAR AS LOG, NULL::STRUCT("log.iostream" VARCHAR) AS RECORD_ATTRIBUTES WHERE FALSE)`
    );
  }
  const values = rows.map(
    (row, i) =>
      `(${row.timestamp}::BIGINT, ${i}::BIGINT, EPOCH_MS(${row.timestamp}::BIGINT), ${row.instanceId}::BIGINT, ` +
      `${sqlString(row.containerName)}, ${sqlString(row.text)}, {'log.iostream': ${sqlString(row.stream)}})`,
  );
  return `(VALUES ${values.join(', ')}) AS SF_LOGS(SF_MS, SF_LINE, ${COLUMNS})`;
}

export async function jobLogs(sql: string, context: JobLogsContext): Promise<string> {
  const tokens = significantTokens(sql);
  const calls = findCalls(tokens);
  if (calls.length === 0) return sql;
  const services = context.jobServices;
  if (!services) throw new Error('SPCS_GET_LOGS needs the job services, which this engine was started without.');
  const edits: Edit[] = [];
  for (const call of calls) {
    const args = namedArguments(sql, tokens, FUNCTION, ARGUMENTS, call.argsOpen, call.argsClose);
    const rows = await services.logs(call.job, context.session);
    const at = 'EPOCH_MS(SF_MS)::TIMESTAMPTZ';
    const start = args.get('START_TIME')?.sql ?? `EPOCH_MS(${Math.round(context.nowMs - DAY_MS)}::BIGINT)::TIMESTAMPTZ`;
    const end = args.get('END_TIME')?.sql ?? `EPOCH_MS(${Math.round(context.nowMs)}::BIGINT)::TIMESTAMPTZ`;
    const subquery =
      `(SELECT ${COLUMNS} FROM ${rowsRelation(rows)} WHERE ${at} >= (${start}) AND ${at} <= (${end}) ` +
      `ORDER BY SF_MS, SF_LINE)`;
    edits.push({ start: tokens[call.start].start, end: tokens[call.end].end, text: subquery });
  }
  return applyEdits(sql, edits);
}
