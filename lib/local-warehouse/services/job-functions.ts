/**
 * The job functions a statement may consist of (documented in
 * https://docs.snowflake.com/en/developer-guide/snowpark-container-services/working-with-services,
 * https://docs.snowflake.com/en/sql-reference/functions/spcs_wait_for and
 * https://docs.snowflake.com/en/sql-reference/functions/system_get_service_logs): `SELECT
 * SYSTEM$CANCEL_JOB('<job>')`, `SELECT|CALL <job>!SPCS_CANCEL_JOB()`, `SELECT|CALL
 * <job>!SPCS_WAIT_FOR('<status>', <seconds>)`, `SELECT SYSTEM$GET_SERVICE_LOGS('<job>',
 * '<instance>', '<container>' [, <lines>])` and `SELECT SYSTEM$GET_SERVICE_STATUS('<job>'
 * [, <timeout_secs>])` (https://docs.snowflake.com/en/sql-reference/functions/system_get_service_status).
 * They act on running jobs, so the engine answers them itself rather than DuckDB; only the
 * whole-statement forms are recognised.
 */
import { JOB_SERVICE_STATUSES, type JobServiceStatus } from '@/lib/domain/spcs/job-status';
import type { ObjectName } from '@/lib/domain/sql/sql-reader';
import { numberValue, significantTokens, splitTopLevel, stringValue } from '../dialect/tokens';
import { jobServiceErrors } from './job-service-errors';

/** `column`: the result column's name, the alias when the SELECT gives one. */
export type JobFunctionCall = { column: string } & (
  | { kind: 'cancel_job'; job: ObjectName }
  | { kind: 'wait_for'; job: ObjectName; status: JobServiceStatus; seconds: number }
  | { kind: 'service_logs'; job: ObjectName; instanceId: string; container: string; lines: number | undefined }
  | { kind: 'service_status'; job: ObjectName; timeoutSeconds: number }
);

const NAME = String.raw`((?:"[^"]+"|[A-Za-z_][\w$]*)(?:\s*\.\s*(?:"[^"]+"|[A-Za-z_][\w$]*)){0,2})`;
const ALIAS = String.raw`(?:\s+(?:AS\s+)?("[^"]+"|[A-Za-z_][\w$]*))?`;
const METHOD = new RegExp(String.raw`^(?:SELECT|CALL)\s+${NAME}\s*!\s*(SPCS_CANCEL_JOB|SPCS_WAIT_FOR)\s*\(([\s\S]*)\)${ALIAS}$`, 'i');
const SYSTEM = new RegExp(String.raw`^SELECT\s+SYSTEM\$(CANCEL_JOB|GET_SERVICE_LOGS|GET_SERVICE_STATUS)\s*\(([\s\S]*)\)${ALIAS}$`, 'i');

/** Snowflake's identifier resolution: quoted parts as written, others upper-cased. */
export function objectNameOf(text: string): ObjectName {
  const parts = text.split(/\s*\.\s*(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((part) =>
    part.startsWith('"') && part.endsWith('"') ? part.slice(1, -1) : part.toUpperCase(),
  );
  const name = parts.at(-1) ?? '';
  return { database: parts.length === 3 ? parts[0] : null, schema: parts.length >= 2 ? parts.at(-2)! : null, name };
}

/** The call the statement is, null when it is none of them; bad arguments throw. */
export function parseJobFunction(statement: string): JobFunctionCall | null {
  const sql = statement.trim().replace(/;\s*$/, '').trim();
  const method = METHOD.exec(sql);
  if (method) {
    const job = objectNameOf(method[1]);
    const fn = method[2].toUpperCase();
    const args = literals(method[3], fn);
    const column = method[4] ? objectNameOf(method[4]).name : fn;
    if (fn === 'SPCS_CANCEL_JOB') {
      expectArgs(fn, args, 0, 0, 'no arguments');
      return { kind: 'cancel_job', job, column };
    }
    expectArgs(fn, args, 2, 2, "a status and a timeout in seconds, e.g. ('DONE', 300)");
    const status = String(args[0]).toUpperCase() as JobServiceStatus;
    if (typeof args[0] !== 'string' || !JOB_SERVICE_STATUSES.includes(status)) {
      throw jobServiceErrors.badArguments(`SPCS_WAIT_FOR: the status must be one of ${JOB_SERVICE_STATUSES.join(', ')}; got ${String(args[0])}.`);
    }
    if (typeof args[1] !== 'number' || !Number.isInteger(args[1]) || args[1] < 0) {
      throw jobServiceErrors.badArguments(`SPCS_WAIT_FOR: the timeout must be a whole number of seconds; got ${String(args[1])}.`);
    }
    return { kind: 'wait_for', job, status, seconds: args[1], column };
  }
  const system = SYSTEM.exec(sql);
  if (!system) return null;
  const fn = `SYSTEM$${system[1].toUpperCase()}`;
  const args = literals(system[2], fn);
  const column = system[3] ? objectNameOf(system[3]).name : fn;
  if (fn === 'SYSTEM$CANCEL_JOB') {
    expectArgs(fn, args, 1, 1, "the job's name as a string");
    return { kind: 'cancel_job', job: objectNameOf(stringArg(fn, args[0], 'the job name')), column };
  }
  if (fn === 'SYSTEM$GET_SERVICE_STATUS') {
    expectArgs(fn, args, 1, 2, "('<service>' [, <timeout_secs>])");
    const timeout = args[1] ?? 0;
    if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 0) {
      throw jobServiceErrors.badArguments(`${fn}: the timeout must be a whole number of seconds; got ${String(timeout)}.`);
    }
    // Snowflake names an unaliased expression's column by its text, upper-cased.
    const named = system[3] ? column : sql.replace(/^SELECT\s+/i, '').toUpperCase();
    return { kind: 'service_status', job: objectNameOf(stringArg(fn, args[0], 'the service name')), timeoutSeconds: timeout, column: named };
  }
  expectArgs(fn, args, 3, 4, "('<service>', '<instance id>', '<container>' [, <lines>])");
  const lines = args[3];
  if (lines !== undefined && (typeof lines !== 'number' || !Number.isInteger(lines) || lines < 1)) {
    throw jobServiceErrors.badArguments(`${fn}: the number of lines must be a whole number of at least 1; got ${String(lines)}.`);
  }
  return {
    kind: 'service_logs',
    job: objectNameOf(stringArg(fn, args[0], 'the service name')),
    instanceId: String(args[1]),
    container: stringArg(fn, args[2], 'the container name'),
    lines,
    column,
  };
}

/** The arguments, each a string or number literal. */
function literals(text: string, fn: string): (string | number)[] {
  const tokens = significantTokens(text);
  if (tokens.length === 0) return [];
  return splitTopLevel(tokens, 0, tokens.length).map(([from, to]) => {
    const value = to === from + 1 ? stringValue(tokens[from]) : null;
    if (value !== null) return value;
    const number = numberValue(tokens, from, to);
    if (number === null) {
      throw jobServiceErrors.badArguments(`${fn} takes string and number literals; got '${text.slice(tokens[from].start, tokens[to - 1].end)}'.`);
    }
    return number;
  });
}

function expectArgs(fn: string, args: unknown[], min: number, max: number, expected: string): void {
  if (args.length < min || args.length > max) {
    throw jobServiceErrors.badArguments(`${fn} takes ${expected}; got ${args.length} argument(s).`);
  }
}

function stringArg(fn: string, value: string | number | undefined, what: string): string {
  if (typeof value !== 'string') throw jobServiceErrors.badArguments(`${fn}: ${what} must be a string; got ${String(value)}.`);
  return value;
}
