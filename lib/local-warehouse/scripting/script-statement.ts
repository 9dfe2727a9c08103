/**
 * The statements the engine runs as a script query rather than on DuckDB: an anonymous block
 * (https://docs.snowflake.com/en/developer-guide/snowflake-scripting/blocks), EXECUTE IMMEDIATE
 * (https://docs.snowflake.com/en/sql-reference/sql/execute-immediate) and CALL
 * (https://docs.snowflake.com/en/sql-reference/sql/call). `isScriptStatement` is the cheap test the
 * engine makes on every query; `parseScriptStatement` reads one once it runs.
 */
import { isSymbol, isWord, leadingTokens, type Token } from '@/lib/domain/sql/lexer';
import { stringValue } from '@/lib/domain/sql/literals';
import { type ObjectName, SqlReader } from '@/lib/domain/sql/sql-reader';
import { readExpression } from './statement-text';
import { isBlock } from '@/lib/domain/scripting/block-start';

export type CallArguments =
  | { kind: 'positional'; values: string[] }
  | { kind: 'named'; values: { name: string; value: string }[] };

export type ScriptStatement =
  | { kind: 'block'; text: string }
  /** The statement to run: from a string literal, or the name of the session variable holding it. */
  | {
      kind: 'execute_immediate';
      /** `line` and `position` (0-based) of `$name`, for Snowflake's error when there is no such variable. */
      source: { kind: 'text'; text: string } | { kind: 'session_variable'; name: string; line: number; position: number };
    }
  | { kind: 'call'; name: ObjectName; args: CallArguments };

/**
 * A CALL of a user's procedure, EXECUTE IMMEDIATE or a block. SYSTEM$ procedures such as
 * SYSTEM$WAIT are the dialect's, and `CALL <job>!<method>(…)` (SPCS_WAIT_FOR, SPCS_CANCEL_JOB …)
 * is a method of a job service, which the services answer.
 */
export function isScriptStatement(sql: string): boolean {
  const tokens = leadingTokens(sql, 12);
  const [first, second] = tokens;
  if (isWord(first, 'CALL')) {
    if (second?.text.toUpperCase().startsWith('SYSTEM$')) return false;
    // The name (db.schema.name), then `(` for a procedure or `!` for a job's method.
    let i = 1;
    while (tokens[i] && !isSymbol(tokens[i], '(') && !isSymbol(tokens[i], '!')) i++;
    return !isSymbol(tokens[i], '!');
  }
  return (isWord(first, 'EXECUTE') && isWord(second, 'IMMEDIATE')) || isBlock(sql);
}

/** Reads a statement `isScriptStatement` accepted; throws a SqlStatementError when it is malformed. */
export function parseScriptStatement(sql: string): ScriptStatement {
  if (isBlock(sql)) return { kind: 'block', text: sql };
  const reader = new SqlReader(sql);
  if (reader.acceptWords('EXECUTE', 'IMMEDIATE')) {
    const token = reader.peek();
    const text = stringValue(token);
    let source: Extract<ScriptStatement, { kind: 'execute_immediate' }>['source'];
    if (text !== null) {
      source = { kind: 'text', text };
    } else if (token && (isSymbol(token, '$') || token.text.startsWith('$'))) {
      source = { kind: 'session_variable', name: sessionVariableName(reader), line: token.line, position: token.column - 1 };
    } else {
      return reader.fail(token, "Expected the statement to run after EXECUTE IMMEDIATE: a string, $$ … $$ or $session_variable.");
    }
    if (text !== null) reader.next();
    reader.expectEnd('USING binds the variables of a Snowflake Scripting block; outside a block, EXECUTE IMMEDIATE takes no USING.');
    return { kind: 'execute_immediate', source };
  }
  reader.expectWords('Expected CALL.', 'CALL');
  const name = reader.expectObjectName('Expected the name of the procedure to call.').name;
  reader.expectSymbol('(', "Expected '(' and the procedure's arguments after its name.");
  const positional: string[] = [];
  const named: { name: string; value: string }[] = [];
  while (!reader.acceptSymbol(')')) {
    if (positional.length + named.length > 0) reader.expectSymbol(',', "Expected ',' or ')' between the arguments.");
    const first = reader.peek();
    if (first?.kind === 'identifier' && isSymbol(reader.peek(1), '=>')) {
      if (positional.length > 0) reader.fail(first, 'Give every argument by name or every argument by position, not both.');
      reader.skip(2);
      named.push({ name: first.text.toUpperCase(), value: readExpression(reader, sql, `Expected a value for argument ${first.text}.`) });
    } else {
      if (named.length > 0) reader.fail(first, 'Give every argument by name or every argument by position, not both.');
      positional.push(readExpression(reader, sql, 'Expected an argument or )'));
    }
  }
  reader.expectEnd('CALL runs one procedure; nothing may follow its arguments.');
  return { kind: 'call', name, args: named.length > 0 ? { kind: 'named', values: named } : { kind: 'positional', values: positional } };
}

/** `$name`: the lexer reads `$` and the name as one identifier or as `$` then the name. */
function sessionVariableName(reader: SqlReader): string {
  const token = reader.next() as Token;
  if (token.text !== '$') return token.text.slice(1).toUpperCase();
  return reader.expectIdentifier('Expected a session variable name after $.').name;
}
