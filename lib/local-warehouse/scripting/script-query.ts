/**
 * A script query: an anonymous block, EXECUTE IMMEDIATE or CALL, run against the ScriptHost. Its
 * answer is a SELECT the engine stores as the query's result: a scalar RETURN as one row whose one
 * column is named after the procedure (CALL) or `anonymous block`
 * (https://docs.snowflake.com/en/sql-reference/sql/execute-immediate#examples), typed by RETURNS;
 * `RETURN TABLE(rs)` as that child's rows; no RETURN as NULL.
 */
import { SqlStatementError, type ObjectName } from '@/lib/domain/sql/sql-reader';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import type { SessionTarget } from '../engine/types';
import type { ScriptHost, ScriptValue } from './host';
import type { ScriptResult } from './interpreter';
import { procedureErrors } from './procedure-errors';
import type { ProcedureRecord } from './procedure-store';
import { fitOf } from './procedure-types';
import type { Procedures } from './procedures';
import { isBlock } from '@/lib/domain/scripting/block-start';
import { parseScriptStatement, type CallArguments } from './script-statement';
import { sqlLiteral } from './script-values';

/** Runs a block's text, with the procedure's arguments (upper-case names) when it is a procedure's body. */
export type ScriptRunner = (text: string, host: ScriptHost, args: Record<string, ScriptValue>) => Promise<ScriptResult>;

export interface ScriptQueryDeps {
  procedures: Procedures;
  runner: ScriptRunner;
  /** The session variables' values as text, for EXECUTE IMMEDIATE $name. */
  sessionVariable(name: string): string | null;
  context(): SessionTarget;
}

export interface ScriptAnswer {
  /** The SELECT whose result is the script query's result. */
  select: string;
  /** False for an owner's-rights procedure, whose USE statements do not move the caller's session. */
  movesSession: boolean;
}

const ANONYMOUS_BLOCK = 'anonymous block';
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

function answerOf(result: ScriptResult, column: string, returnType: string | null): string {
  if (result.kind === 'table') return `SELECT * FROM TABLE(RESULT_SCAN('${result.queryId}'))`;
  const value: ScriptValue = result.kind === 'value' ? result.value : { value: null, type: returnType ?? 'VARCHAR' };
  const literal = sqlLiteral(value);
  return `SELECT ${returnType ? `CAST(${literal} AS ${returnType})` : literal} AS ${quoted(column)}`;
}

export async function runScriptQuery(sqlText: string, host: ScriptHost, deps: ScriptQueryDeps): Promise<ScriptAnswer> {
  let statement;
  try {
    statement = parseScriptStatement(sqlText);
  } catch (error) {
    if (error instanceof SqlStatementError) throw new SnowflakeQueryError(error.snowflake);
    throw error;
  }
  switch (statement.kind) {
    case 'block':
      return { select: answerOf(await deps.runner(statement.text, host, {}), ANONYMOUS_BLOCK, null), movesSession: true };
    case 'execute_immediate': {
      const { source } = statement;
      const text = source.kind === 'text' ? source.text : deps.sessionVariable(source.name);
      if (text === null && source.kind === 'session_variable') {
        throw new SnowflakeQueryError(snowflakeErrors.variableNotFound(source.line, source.position, source.name));
      }
      if (text === null) throw new SnowflakeQueryError(snowflakeErrors.emptyStatement());
      if (isBlock(text)) return { select: answerOf(await deps.runner(text, host, {}), ANONYMOUS_BLOCK, null), movesSession: true };
      // One SQL statement: it runs as the only child, and its result is the answer.
      const child = host.start(text);
      const ended = await child.ended;
      if (ended.status === 'FAILED_WITH_ERROR') throw new SnowflakeQueryError(ended.error);
      if (ended.status === 'ABORTED') throw new SnowflakeQueryError(snowflakeErrors.canceled());
      return { select: answerOf({ kind: 'table', queryId: child.queryId }, ANONYMOUS_BLOCK, null), movesSession: true };
    }
    case 'call':
      return call(statement.name, statement.args, host, deps);
  }
}

async function call(name: ObjectName, given: CallArguments, host: ScriptHost, deps: ScriptQueryDeps): Promise<ScriptAnswer> {
  const overloads = deps.procedures.overloads(name, deps.context());
  if (overloads.length === 0) throw procedureErrors.unknown(name.name);
  const { procedure, values } = await chooseOverload(name.name, overloads, given, host);
  const args: Record<string, ScriptValue> = {};
  for (const [i, arg] of procedure.args.entries()) {
    const value = values[i];
    // Each argument is converted to its declared type as Snowflake converts a value on assignment.
    args[arg.name] = await host.evaluate(`CAST(${value ? sqlLiteral(value) : `(${arg.default})`} AS ${arg.type})`);
  }
  const returnType = procedure.returns.kind === 'scalar' ? procedure.returns.type : null;
  const movesSession = procedure.executeAs !== 'OWNER';
  if (procedure.nullHandling === 'RETURNS NULL ON NULL INPUT' && Object.values(args).some((arg) => arg.value === null)) {
    return { select: answerOf({ kind: 'none' }, procedure.name, returnType), movesSession };
  }
  const result = await deps.runner(procedure.body, host, args);
  const returnsNull = result.kind === 'none' || (result.kind === 'value' && result.value.value === null);
  if (procedure.returns.kind === 'scalar' && procedure.returns.notNull && returnsNull) throw procedureErrors.nullReturned(procedure.name);
  return { select: answerOf(result, procedure.name, result.kind === 'table' ? null : returnType), movesSession };
}

/**
 * The overload a CALL means: by position, one taking that many arguments (those left out have
 * defaults) whose types fit the values best; by name, one declaring every name given and missing
 * none without a default. `values[i]` is the value given for the procedure's i-th argument.
 */
async function chooseOverload(
  name: string,
  overloads: ProcedureRecord[],
  given: CallArguments,
  host: ScriptHost,
): Promise<{ procedure: ProcedureRecord; values: (ScriptValue | undefined)[] }> {
  const required = (p: ProcedureRecord) => p.args.filter((arg) => arg.default === null).length;
  if (given.kind === 'positional') {
    const values: ScriptValue[] = [];
    for (const expression of given.values) values.push(await host.evaluate(expression));
    const fitting = overloads
      .filter((p) => required(p) <= values.length && values.length <= p.args.length)
      .map((p) => ({ p, fits: values.map((value, i) => (value.value === null ? 1 : fitOf(value.type, p.args[i].type))) }))
      .filter(({ fits }) => fits.every((fit) => fit > 0))
      .sort((a, b) => b.fits.reduce((x, y) => x + y, 0) - a.fits.reduce((x, y) => x + y, 0));
    if (fitting.length === 0) throw procedureErrors.invalidArguments(name, values.map((value) => value.type));
    return { procedure: fitting[0].p, values };
  }
  const names = given.values.map((arg) => arg.name);
  const fitting = overloads.filter(
    (p) =>
      names.every((n) => p.args.some((arg) => arg.name === n)) &&
      p.args.every((arg) => arg.default !== null || names.includes(arg.name)),
  );
  if (fitting.length === 0) {
    const declared = overloads[0].args.map((arg) => arg.name);
    const unknown = names.filter((n) => !declared.includes(n));
    const missing = overloads[0].args.filter((arg) => arg.default === null && !names.includes(arg.name)).map((arg) => arg.name);
    const detail = unknown.length > 0 ? `unknown argument ${unknown.join(', ')}` : `missing argument ${missing.join(', ')}`;
    throw procedureErrors.namedArguments(name, detail);
  }
  const procedure = fitting[0];
  const values: (ScriptValue | undefined)[] = [];
  for (const arg of procedure.args) {
    const named = given.values.find((value) => value.name === arg.name);
    values.push(named ? await host.evaluate(named.value) : undefined);
  }
  return { procedure, values };
}
