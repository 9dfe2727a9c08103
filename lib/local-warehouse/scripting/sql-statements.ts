/**
 * The statements of a block that run SQL: an embedded statement (with SELECT … INTO), a query
 * assigned to a RESULTSET (at once, or ASYNC), a standalone ASYNC statement, AWAIT and CANCEL.
 * Each runs as a child query through the host; a synchronous one is waited for, and a failing
 * one raises STATEMENT_ERROR with the child's error. A RESULTSET whose ASYNC query has not been
 * awaited cannot be read.
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/resultsets
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/asynchronous-child-jobs
 */
import type { AwaitStatement, CancelStatement, Position, SqlStatement, SqlText } from '@/lib/domain/scripting/ast';
import { isSymbol } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { closingParen, significantTokens } from '../dialect/tokens';
import type { TrackedChild } from './async-children';
import { bindStatement } from './bind-values';
import { asException, assignValue, valueVariable } from './expressions';
import type { ChildOutcome, ChildRows } from './host';
import type { RunContext } from './run-context';
import { statementError, scriptErrors } from './script-errors';
import type { ResultsetBinding, Scope } from './variables';

/** The statement with its binds replaced; a bind that names no variable is a STATEMENT_ERROR. */
function boundStatement(context: RunContext, scope: Scope, sql: SqlText): string {
  try {
    return bindStatement(sql.sql, sql.at, context.names(scope));
  } catch (error) {
    throw asException(error, 'STATEMENT_ERROR', sql.at);
  }
}

/** Starts a child query (SQLID is its id from now on); the host's refusal is a STATEMENT_ERROR. */
function start(context: RunContext, sql: string, at: Position, async: boolean): TrackedChild {
  context.checkAbort();
  try {
    const child = context.children.start(sql, at, async);
    context.started(child.queryId);
    return child;
  } catch (error) {
    throw asException(error, 'STATEMENT_ERROR', at);
  }
}

/** A child's outcome once it has ended well; its failure (or cancellation) as a STATEMENT_ERROR at `at`. */
function succeeded(outcome: ChildOutcome, at: Position): Extract<ChildOutcome, { status: 'SUCCESS' }> {
  if (outcome.status === 'FAILED_WITH_ERROR') throw statementError(outcome.error, at);
  if (outcome.status === 'ABORTED') throw statementError(snowflakeErrors.canceled(), at);
  return outcome;
}

/** Runs `sql` to its end; its outcome once it succeeded. */
export async function runToEnd(context: RunContext, sql: string, at: Position): Promise<Extract<ChildOutcome, { status: 'SUCCESS' }>> {
  const child = start(context, sql, at, false);
  const outcome = succeeded(await context.children.wait(child), at);
  context.succeeded(sql, outcome);
  return outcome;
}

/** A successful child's rows; a failure to read them is a STATEMENT_ERROR at `at`. */
export async function rowsOf(context: RunContext, queryId: string, at: Position): Promise<ChildRows> {
  try {
    return await context.host.rows(queryId);
  } catch (error) {
    throw asException(error, 'STATEMENT_ERROR', at);
  }
}

/** An embedded SQL statement; with INTO, the first row's columns go into the variables in order. */
export async function runSqlStatement(context: RunContext, scope: Scope, statement: SqlStatement): Promise<void> {
  const sql = boundStatement(context, scope, statement.sql);
  const outcome = await runToEnd(context, sql, statement.at);
  if (!statement.into) return;
  const { rows } = await rowsOf(context, outcome.queryId, statement.at);
  if (rows.length === 0) throw statementError(scriptErrors.noRowForInto(), statement.at);
  const targets = statement.into.map((name) => valueVariable(scope, name));
  for (const [i, target] of targets.entries()) {
    if (i < rows[0].length) await assignValue(context, target, rows[0][i], statement.at);
  }
}

/** The query inside `(<query>)`, as an assignment to a RESULTSET writes it; the text itself when not parenthesised. */
export function parenthesisedQuery(sql: SqlText): SqlText {
  const tokens = significantTokens(sql.sql);
  if (!isSymbol(tokens[0], '(') || closingParen(tokens, 0) !== tokens.length - 1) return sql;
  // Positions in errors stay those of the assignment's expression.
  return { sql: sql.sql.slice(tokens[0].end, tokens[tokens.length - 1].start), at: sql.at };
}

/** Assigns a query to a RESULTSET: it runs now, and is waited for unless ASYNC. */
export async function assignResultset(context: RunContext, scope: Scope, binding: ResultsetBinding, query: SqlText, async: boolean, at: Position): Promise<void> {
  const sql = boundStatement(context, scope, query);
  binding.rows = null;
  if (async) {
    binding.child = start(context, sql, at, true);
    return;
  }
  const child = start(context, sql, at, false);
  binding.child = child;
  const outcome = succeeded(await context.children.wait(child), at);
  context.succeeded(sql, outcome);
}

/** A standalone `ASYNC (<statement>)`: started, not waited for. */
export function startAsync(context: RunContext, scope: Scope, sql: SqlText, at: Position): void {
  start(context, boundStatement(context, scope, sql), at, true);
}

/** The RESULTSET `name` in scope. */
export function resultsetNamed(scope: Scope, name: string): ResultsetBinding {
  const binding = scope.lookup(name);
  if (binding?.kind !== 'resultset') throw new SnowflakeQueryError(scriptErrors.notDeclared('RESULTSET', name));
  return binding;
}

/** The child whose results a RESULTSET holds, once they may be read (its query succeeded and, if ASYNC, was awaited). */
export function readableChild(binding: ResultsetBinding): TrackedChild {
  const { child } = binding;
  if (!child) throw new SnowflakeQueryError(scriptErrors.noQuery(binding.name));
  if (child.async && !child.awaited) throw new SnowflakeQueryError(scriptErrors.notAwaited(binding.name));
  if (child.status !== 'SUCCESS') throw new SnowflakeQueryError(scriptErrors.noResults(binding.name));
  return child;
}

/** A RESULTSET's rows (read once, then kept). */
export async function resultsetRows(context: RunContext, binding: ResultsetBinding, at: Position): Promise<ChildRows> {
  const child = readableChild(binding);
  binding.rows ??= await rowsOf(context, child.queryId, at);
  return binding.rows;
}

/**
 * AWAIT rs waits for its query, sets the DML counts from it, and fails with its error; AWAIT ALL
 * waits for every async child and fails with the first that failed (at the statement that started it).
 */
export async function awaitChildren(context: RunContext, scope: Scope, statement: AwaitStatement): Promise<void> {
  if (statement.resultset === null) {
    const failed = await context.children.waitAll();
    if (failed?.outcome?.status === 'FAILED_WITH_ERROR') throw statementError(failed.outcome.error, failed.at);
    return;
  }
  const binding = resultsetNamed(scope, statement.resultset);
  if (!binding.child) throw new SnowflakeQueryError(scriptErrors.noQuery(binding.name));
  const { child } = binding;
  const outcome = succeeded(await context.children.wait(child), child.at);
  context.succeeded(child.sql, outcome);
}

/** CANCEL rs: its query is cancelled if it is still running. */
export function cancelChild(scope: Scope, context: RunContext, statement: CancelStatement): void {
  const binding = resultsetNamed(scope, statement.resultset);
  if (!binding.child) throw new SnowflakeQueryError(scriptErrors.noQuery(binding.name));
  context.children.cancel(binding.child);
}
