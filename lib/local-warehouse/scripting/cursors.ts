/**
 * Cursors: a query (with `?` placeholders bound by OPEN … USING) or a RESULTSET, read a row at a
 * time. OPEN runs the query (a cursor on a RESULTSET reads the rows the RESULTSET already has),
 * FETCH moves the next row into variables (past the last row they get NULLs; extra variables are
 * left unset, extra columns ignored), CLOSE ends it. A FOR loop over a cursor opens it if needed,
 * reads the rest of its rows and closes it.
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/cursors
 */
import type { CloseStatement, FetchStatement, OpenStatement, Position } from '@/lib/domain/scripting/ast';
import { SnowflakeQueryError } from '../engine/snowflake-errors';
import { bindPlaceholders, bindStatement } from './bind-values';
import { asException, assignValue, evaluate, valueVariable } from './expressions';
import type { ChildRows, ScriptValue } from './host';
import type { RunContext } from './run-context';
import { scriptErrors } from './script-errors';
import { NULL_VALUE } from './script-values';
import { readableChild, resultsetNamed, resultsetRows, rowsOf, runToEnd } from './sql-statements';
import type { CursorBinding, Scope } from './variables';

export function cursorNamed(scope: Scope, name: string): CursorBinding {
  const binding = scope.lookup(name);
  if (binding?.kind !== 'cursor') throw new SnowflakeQueryError(scriptErrors.notDeclared('Cursor', name));
  return binding;
}

type OpenCursor = NonNullable<CursorBinding['open']>;

/** Opens the cursor: runs its query with `using` in its placeholders, or takes its RESULTSET's rows. */
async function openCursor(context: RunContext, scope: Scope, cursor: CursorBinding, using: ScriptValue[], at: Position): Promise<OpenCursor> {
  if (cursor.open) throw new SnowflakeQueryError(scriptErrors.cursorAlreadyOpen(cursor.name));
  if ('resultset' in cursor.query) {
    const binding = resultsetNamed(scope, cursor.query.resultset);
    const rows = await resultsetRows(context, binding, at);
    cursor.open = { queryId: readableChild(binding).queryId, rows, next: 0 };
    return cursor.open;
  }
  const { sql: text, at: queryAt } = cursor.query;
  let sql: string;
  try {
    sql = bindPlaceholders(bindStatement(text, queryAt, context.names(scope)), queryAt, using);
  } catch (error) {
    throw asException(error, 'STATEMENT_ERROR', at);
  }
  const outcome = await runToEnd(context, sql, at);
  cursor.open = { queryId: outcome.queryId, rows: await rowsOf(context, outcome.queryId, at), next: 0 };
  return cursor.open;
}

export async function openStatement(context: RunContext, scope: Scope, statement: OpenStatement): Promise<void> {
  const cursor = cursorNamed(scope, statement.cursor);
  const using: ScriptValue[] = [];
  for (const expression of statement.using) using.push(await evaluate(context, scope, expression));
  await openCursor(context, scope, cursor, using, statement.at);
}

export async function fetchStatement(context: RunContext, scope: Scope, statement: FetchStatement): Promise<void> {
  const cursor = cursorNamed(scope, statement.cursor);
  if (!cursor.open) throw new SnowflakeQueryError(scriptErrors.cursorNotOpen(cursor.name));
  const { rows, columns } = cursor.open.rows;
  const row = rows[cursor.open.next];
  if (row) cursor.open.next += 1;
  const targets = statement.into.map((name) => valueVariable(scope, name));
  for (const [i, target] of targets.entries()) {
    if (i < columns.length) await assignValue(context, target, row?.[i] ?? NULL_VALUE, statement.at);
  }
}

export function closeStatement(scope: Scope, statement: CloseStatement): void {
  const cursor = cursorNamed(scope, statement.cursor);
  if (!cursor.open) throw new SnowflakeQueryError(scriptErrors.cursorNotOpen(cursor.name));
  cursor.open = null;
}

/**
 * The rows a FOR loop over `source` visits: a cursor's rows from its position (opening it first
 * if needed; it is closed afterwards, by `done`), or all of a RESULTSET's.
 */
export async function loopRows(context: RunContext, scope: Scope, source: string, at: Position): Promise<{ rows: ChildRows; done: () => void }> {
  const binding = scope.lookup(source);
  if (binding?.kind === 'resultset') return { rows: await resultsetRows(context, binding, at), done: () => undefined };
  const cursor = cursorNamed(scope, source);
  const open = cursor.open ?? (await openCursor(context, scope, cursor, [], at));
  const rows = { columns: open.rows.columns, rows: open.rows.rows.slice(open.next) };
  return { rows, done: () => (cursor.open = null) };
}

/** RETURN TABLE(RESULTSET_FROM_CURSOR(c)): the query id of the open cursor's whole result. */
export function cursorQueryId(scope: Scope, name: string): string {
  const cursor = cursorNamed(scope, name);
  if (!cursor.open) throw new SnowflakeQueryError(scriptErrors.cursorNotOpen(cursor.name));
  return cursor.open.queryId;
}
