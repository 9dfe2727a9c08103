/**
 * The one-line statements of a block that take more than a name: embedded SQL (with
 * `SELECT … INTO :a, :b`), RETURN, OPEN, FETCH, AWAIT and CANCEL. Each reads up to, not
 * including, its `;`.
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/variables
 */
import { isSymbol, isWord, type Token } from '../sql/lexer';
import { identifierName } from '../sql/literals';
import type { AwaitStatement, CancelStatement, Expression, FetchStatement, OpenStatement, Position, ReturnStatement, SqlStatement } from './ast';
import type { ScriptReader } from './script-reader';

/**
 * An embedded SQL statement. In a SELECT (or WITH … SELECT), `INTO :a, :b` at the top level
 * names the variables the first row goes into; it is taken out of the statement's text, which
 * is what runs.
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/variables#label-snowscript-variables-select-into
 */
export function readSql(reader: ScriptReader, at: Position): SqlStatement {
  const selects = reader.isWords('SELECT') || reader.isWords('WITH');
  const { sql, tokens } = reader.sqlStatementTokens('Expected a statement.');
  return selects ? withInto(reader, sql, tokens, at) : { kind: 'sql', sql, into: null, at };
}

/** Splits `SELECT … INTO :a, :b FROM …` into the statement without INTO and the variables. */
function withInto(reader: ScriptReader, sql: SqlStatement['sql'], tokens: Token[], at: Position): SqlStatement {
  let depth = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (isSymbol(token, '(')) depth += 1;
    if (isSymbol(token, ')')) depth -= 1;
    if (depth !== 0 || !isWord(token, 'INTO')) continue;
    const into: string[] = [];
    let j = i + 1;
    for (;;) {
      if (isSymbol(tokens[j], ':')) j += 1;
      const name = tokens[j];
      if (name?.kind !== 'identifier' && name?.kind !== 'quoted_identifier') reader.fail(name, 'Expected a variable after INTO.');
      into.push(identifierName(name));
      j += 1;
      if (!isSymbol(tokens[j], ',')) break;
      j += 1;
    }
    const before = reader.text.slice(tokens[0].start, token.start).trimEnd();
    const after = j < tokens.length ? reader.text.slice(tokens[j].start, tokens.at(-1)?.end) : '';
    return { kind: 'sql', sql: { sql: after ? `${before} ${after}` : before, at: sql.at }, into, at };
  }
  return { kind: 'sql', sql, into: null, at };
}

/**
 * `RETURN [expr]`, `RETURN TABLE(res)`, `RETURN TABLE(RESULTSET_FROM_CURSOR(c))`, after RETURN.
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/return
 */
export function readReturn(reader: ScriptReader, at: Position): ReturnStatement {
  if (reader.atEnd() || isSymbol(reader.peek(), ';')) return { kind: 'return', value: null, at };
  if (!reader.isWords('TABLE') || !isSymbol(reader.peek(1), '(')) {
    return { kind: 'return', value: reader.expressionUntil([], 'Expected a value to return.'), at };
  }
  reader.next();
  reader.next();
  let value: ReturnStatement['value'];
  if (reader.isWords('RESULTSET_FROM_CURSOR') && isSymbol(reader.peek(1), '(')) {
    reader.next();
    reader.next();
    value = { cursor: reader.expectName('Expected a cursor name in RESULTSET_FROM_CURSOR(…).') };
    reader.expectSymbol(')', "Expected ')' after the cursor name.");
  } else {
    value = { table: reader.expectName('Expected a RESULTSET name in TABLE(…).') };
  }
  reader.expectSymbol(')', "Expected ')' to close TABLE(.");
  return { kind: 'return', value, at };
}

/**
 * `OPEN c [USING (a, b)]`, after OPEN.
 * https://docs.snowflake.com/en/sql-reference/snowflake-scripting/open
 */
export function readOpen(reader: ScriptReader, at: Position): OpenStatement {
  const cursor = reader.expectName('Expected the name of the cursor to open.');
  const using: Expression[] = [];
  if (reader.acceptWord('USING')) {
    reader.expectSymbol('(', "Expected '(' and the bind variables after USING.");
    do using.push(reader.expressionUntil([], 'Expected a bind variable.', [',', ')']));
    while (reader.acceptSymbol(','));
    reader.expectSymbol(')', "Expected ')' after the bind variables.");
  }
  return { kind: 'open', cursor, using, at };
}

/**
 * `FETCH c INTO a [, b …]`, after FETCH.
 * https://docs.snowflake.com/en/sql-reference/snowflake-scripting/fetch
 */
export function readFetch(reader: ScriptReader, at: Position): FetchStatement {
  const cursor = reader.expectName('Expected the name of the cursor to fetch from.');
  reader.expectWord('INTO', 'Expected INTO and the variables to fetch into.');
  const into: string[] = [];
  do into.push(reader.expectName('Expected a variable to fetch into.'));
  while (reader.acceptSymbol(','));
  return { kind: 'fetch', cursor, into, at };
}

/**
 * `AWAIT { ALL | res }`, after AWAIT.
 * https://docs.snowflake.com/en/sql-reference/snowflake-scripting/await
 */
export function readAwait(reader: ScriptReader, at: Position): AwaitStatement {
  if (reader.acceptWord('ALL')) return { kind: 'await', resultset: null, at };
  return { kind: 'await', resultset: reader.expectName('Expected ALL or the name of a RESULTSET.'), at };
}

/**
 * `CANCEL res`, after CANCEL.
 * https://docs.snowflake.com/en/sql-reference/snowflake-scripting/cancel
 */
export function readCancel(reader: ScriptReader, at: Position): CancelStatement {
  return { kind: 'cancel', resultset: reader.expectName('Expected the name of a RESULTSET.'), at };
}
