/**
 * Answers the statements about a session's own state (dialect/session-statements.ts) and runs
 * every statement with the session's settings: its variables, its time zone on the DuckDB
 * connection, its statement timeout. Like USE, a statement that changes the session reports the
 * change in its `final` context, and the session takes it when its result is answered
 * (protocol/session-context.ts); a multi-statement request hands it to its next statement.
 * https://docs.snowflake.com/en/sql-reference/session-variables
 * https://docs.snowflake.com/en/sql-reference/sql/show-variables
 * https://docs.snowflake.com/en/sql-reference/sql/alter-session
 * https://docs.snowflake.com/en/sql-reference/sql/show-parameters
 * https://docs.snowflake.com/en/sql-reference/parameters#statement-timeout-in-seconds
 */
import { DuckDBTypeId, VARCHAR, type DuckDBConnection, type DuckDBType } from '@duckdb/node-api';
import type { SessionStatement } from '../dialect/session-statements';
import { STATUS_COLUMN } from '../dialect/statement-results';
import { quoteIdentifier, sqlString } from '../dialect/tokens';
import type { CatalogAnswer } from './catalog';
import { rowTypeFor, storedExpression } from './result-encoding';
import { storeRows } from './result-store';
import {
  checkedValue,
  defaultOf,
  descriptionOf,
  PARAMETER_NAMES,
  parameterValue,
  requireParameter,
  timeZoneOf,
  typeOf,
} from './session-parameters';
import { fromDuckDBError, SnowflakeQueryError, snowflakeErrors } from './snowflake-errors';
import type { Outcome, ParameterValue, QueryRecord, SessionSettings, SessionTarget, SessionVariable } from './types';

/** A session that has set nothing: no variables, every parameter at its default. */
export const NO_SETTINGS: SessionSettings = { variables: {}, parameters: {} };

/** The largest string or binary value a session variable holds (the SET page's 16 KB). */
const VARIABLE_SIZE_LIMIT = 16_384;

const EXECUTED = 'Statement executed successfully.';

/** SET: the query giving the values (Snowflake SQL, translated like any query), and the variables they go to. */
export interface Assignment {
  assign: string[];
  select: string;
}

export type SessionAnswer = CatalogAnswer | Assignment;

/** The settings the next statement of a multi-statement request runs with, after one that ended in `final`. */
export function settingsAfter(settings: SessionSettings, final: SessionTarget): SessionSettings {
  return { variables: final.variables ?? settings.variables, parameters: final.parameters ?? settings.parameters };
}

/** Where the statement ran: its own context, which a session statement leaves as it is. */
function ranIn(query: QueryRecord): SessionTarget {
  const { database, schema, warehouse, role } = query;
  return { database, schema, warehouse, role };
}

export function answerSessionStatement(statement: SessionStatement, query: QueryRecord, settings: SessionSettings): SessionAnswer {
  switch (statement.kind) {
    case 'setVariables':
      return { assign: statement.names, select: statement.select };
    case 'unsetVariables': {
      const variables = { ...settings.variables };
      for (const name of statement.names) delete variables[name];
      return { message: EXECUTED, final: { ...ranIn(query), variables } };
    }
    case 'showVariables':
      return { sql: showVariablesSql(query.sessionId, settings, statement.like) };
    case 'alterSession':
      return alterSession(statement, query, settings);
    case 'showParameters':
      return { sql: showParametersSql(settings, statement.like) };
  }
}

/**
 * ALTER SESSION: every name and value is checked before any is applied, so a refused statement
 * changes nothing. QUERY_TAG is also the session's tag in its context (QUERY_HISTORY.QUERY_TAG).
 */
function alterSession(statement: Extract<SessionStatement, { kind: 'alterSession' }>, query: QueryRecord, settings: SessionSettings): CatalogAnswer {
  const parameters: Record<string, ParameterValue> = { ...settings.parameters };
  let queryTag: string | undefined;
  for (const { name, value } of statement.set) {
    parameters[name] = checkedValue(name, value);
    if (name === 'QUERY_TAG') queryTag = String(parameters[name]);
  }
  for (const name of statement.unset) {
    requireParameter(name);
    delete parameters[name];
    if (name === 'QUERY_TAG') queryTag = '';
  }
  return { message: EXECUTED, final: { ...ranIn(query), parameters, ...(queryTag === undefined ? {} : { queryTag }) } };
}

/** A TIMESTAMP_LTZ literal for an epoch-ms instant, read the same in any session time zone. */
function instant(ms: number): string {
  return `TIMESTAMPTZ ${sqlString(`${new Date(ms).toISOString().replace('T', ' ').replace('Z', '')}+00`)}`;
}

/**
 * Rows of SQL literals as a query with Snowflake's lower-case SHOW columns, ordered by `key`,
 * which LIKE filters ignoring case. `empty` types the columns when there is no row.
 */
function rowsSql(columns: string[], rows: string[][], empty: string[], key: string, like: string | null): string {
  const names = columns.map(quoteIdentifier);
  const conditions = [rows.length === 0 ? 'false' : null, like === null ? null : `${quoteIdentifier(key)} ILIKE ${sqlString(like)}`];
  const where = conditions.filter((condition) => condition !== null);
  const values = (rows.length === 0 ? [empty] : rows).map((row) => `(${row.join(', ')})`).join(', ');
  return (
    `SELECT * FROM (VALUES ${values}) AS V(${names.join(', ')})` +
    `${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${quoteIdentifier(key)}`
  );
}

/** SHOW VARIABLES: Snowflake's columns, one row per variable, by name. */
function showVariablesSql(sessionId: number, settings: SessionSettings, like: string | null): string {
  const columns = ['session_id', 'created_on', 'updated_on', 'name', 'value', 'type', 'comment'];
  const rows = Object.entries(settings.variables).map(([name, variable]) => [
    `CAST(${sessionId} AS BIGINT)`,
    instant(variable.createdAt),
    instant(variable.updatedAt),
    sqlString(name),
    variable.value === null ? 'CAST(NULL AS VARCHAR)' : sqlString(variable.value),
    sqlString(variable.type),
    "''",
  ]);
  const empty = ['CAST(0 AS BIGINT)', instant(0), instant(0), "''", "''", "''", "''"];
  return rowsSql(columns, rows, empty, 'name', like);
}

/** SHOW PARAMETERS [IN SESSION]: every session parameter, its value in this session, its default and where it was set. */
function showParametersSql(settings: SessionSettings, like: string | null): string {
  const rows = PARAMETER_NAMES.map((name) => [
    sqlString(name),
    sqlString(String(parameterValue(settings, name))),
    sqlString(String(defaultOf(name))),
    sqlString(name in settings.parameters ? 'SESSION' : ''),
    sqlString(descriptionOf(name)),
    sqlString(typeOf(name)),
  ]);
  return rowsSql(['key', 'value', 'default', 'level', 'description', 'type'], rows, [], 'key', like);
}

/** The DuckDB expression giving a column's value as the text a variable keeps. */
function textExpression(column: string, type: DuckDBType | null): string {
  if (type?.typeId === DuckDBTypeId.BLOB) return `hex(${column})`;
  return `CAST(${storedExpression(column, type)} AS VARCHAR)`;
}

/** Bytes a string or binary value takes, which the size limit counts. */
function sizeOf(variable: Pick<SessionVariable, 'type' | 'value'>): number {
  if (variable.value === null) return 0;
  if (variable.type === 'binary') return variable.value.length / 2;
  return variable.type === 'text' ? Buffer.byteLength(variable.value) : 0;
}

/**
 * SET: runs `sql` (the values' query, translated) on `connection`, which must give one row with
 * a column per variable, and answers with the session's new variables.
 */
export async function assignVariables(
  connection: DuckDBConnection,
  file: string,
  sql: string,
  assignment: Assignment,
  query: QueryRecord,
  settings: SessionSettings,
  nowMs: number,
): Promise<Extract<Outcome, { status: 'SUCCESS' }>> {
  const fail = (error: unknown, positionShift = 0) => {
    throw new SnowflakeQueryError(fromDuckDBError(error, sql, { database: query.database, positionShift }));
  };
  const prepared = await connection.prepare(sql).catch((error: unknown) => fail(error));
  const types = Array.from({ length: prepared.columnCount }, (_, i) => {
    try {
      return prepared.columnType(i);
    } catch {
      return null;
    }
  });
  prepared.destroySync();
  const names = assignment.assign;
  if (types.length !== names.length) {
    throw new SnowflakeQueryError(
      snowflakeErrors.compilation(`The number of expressions (${types.length}) does not match the number of variables to initialize (${names.length}).`),
    );
  }
  const columns = names.map((_, i) => `C${i + 1}`);
  const prefix = `SELECT ${columns.map((column, i) => textExpression(column, types[i])).join(', ')} FROM (`;
  const result = await connection.run(`${prefix}${sql}) AS V(${columns.join(', ')}) LIMIT 2`).catch((error: unknown) => fail(error, prefix.length));
  const rows = (await result.getRows()) as (string | null)[][];
  if (rows.length > 1) throw new SnowflakeQueryError(snowflakeErrors.singleRowSubquery());
  const variables: Record<string, SessionVariable> = { ...settings.variables };
  names.forEach((name, i) => {
    const type = rowTypeFor(name, types[i]).type;
    const value = rows[0]?.[i] ?? null;
    const size = sizeOf({ type, value });
    if (size > VARIABLE_SIZE_LIMIT) throw new SnowflakeQueryError(snowflakeErrors.variableTooLarge(name, size, VARIABLE_SIZE_LIMIT));
    variables[name] = { type, value, createdAt: settings.variables[name]?.createdAt ?? nowMs, updatedAt: nowMs };
  });
  await storeRows(connection, file, [VARCHAR], [[EXECUTED]]);
  return { status: 'SUCCESS', rowCount: 1, rowType: [rowTypeFor(STATUS_COLUMN, VARCHAR)], final: { ...ranIn(query), variables } };
}

/** The time zone each pooled connection was last set to, so SET TimeZone runs only on a change. */
const connectionZones = new WeakMap<DuckDBConnection, string>();

/**
 * Puts the connection in the session's time zone: CURRENT_TIMESTAMP, CURRENT_DATE and
 * conversions to and from TIMESTAMP_LTZ follow it. Connections are shared between sessions.
 */
export async function useTimeZone(connection: DuckDBConnection, settings: SessionSettings): Promise<void> {
  const zone = timeZoneOf(settings);
  if (connectionZones.get(connection) === zone) return;
  connectionZones.delete(connection);
  try {
    await connection.run(`SET TimeZone = ${sqlString(zone)}`);
  } catch {
    throw new SnowflakeQueryError(snowflakeErrors.invalidParameterValue(zone, 'TIMEZONE'));
  }
  connectionZones.set(connection, zone);
}

/**
 * Runs a statement under its STATEMENT_TIMEOUT_IN_SECONDS: past it the statement is canceled and
 * fails with Snowflake's 000630, as Snowflake's does. The time counts from when it starts running.
 */
export async function withStatementTimeout(seconds: number, cancel: () => void, run: () => Promise<Outcome>): Promise<Outcome> {
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    cancel();
  }, seconds * 1000);
  timer.unref();
  try {
    const outcome = await run();
    return timedOut && outcome.status === 'ABORTED' ? { status: 'FAILED_WITH_ERROR', error: snowflakeErrors.statementTimeout(seconds) } : outcome;
  } finally {
    clearTimeout(timer);
  }
}
