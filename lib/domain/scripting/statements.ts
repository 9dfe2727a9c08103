/**
 * The statements of a body (a block's, a branch's, a loop's or a handler's): each is told apart
 * by its first word, read, and ended by `;`. Anything that is not a Snowflake Scripting
 * statement is an embedded SQL statement, kept as written up to its `;`.
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/blocks
 */
import { isSymbol, type Token } from '../sql/lexer';
import type { Block, Position, Statement } from './ast';
import { isTransactionBegin } from './block-start';
import { readCase, readFor, readIf, readLoop, readRepeat, readWhile, type Body } from './control-flow';
import { readCursorQuery, readResultsetSource, readType } from './declarations';
import { readAwait, readCancel, readFetch, readOpen, readReturn, readSql } from './simple-statements';
import type { ScriptReader } from './script-reader';

/** Words that end a body when they start what would be its next statement. */
const ENDS_BODY = ['END', 'ELSE', 'ELSEIF', 'WHEN', 'UNTIL', 'EXCEPTION'];

/** Reads a nested block (`[DECLARE …] BEGIN … END [label]`) starting at the next token. */
export type ReadBlock = (reader: ScriptReader) => Block;

/** One or more statements, each with its `;`, up to a word in ENDS_BODY or the end of the text. */
export function readStatements(reader: ScriptReader, readBlock: ReadBlock): Statement[] {
  const statements: Statement[] = [];
  const body: Body = () => readStatements(reader, readBlock);
  while (reader.peek() && !reader.isAnyWord(ENDS_BODY)) {
    statements.push(readStatement(reader, body, readBlock));
    reader.expectSemicolon();
  }
  if (statements.length === 0) reader.fail(reader.peek(), 'Expected a statement.');
  return statements;
}

/** True when the next tokens start a nested block rather than a SQL statement. */
export function startsBlock(reader: ScriptReader): boolean {
  return reader.isWords('DECLARE') || (reader.isWords('BEGIN') && !isTransactionBegin(reader.peek(1)));
}

function readStatement(reader: ScriptReader, body: Body, readBlock: ReadBlock): Statement {
  const first = reader.peek() as Token;
  const at = reader.at(first);
  if (startsBlock(reader)) return { kind: 'block', block: readBlock(reader), at };
  if (first.kind === 'identifier' || first.kind === 'quoted_identifier') {
    if (reader.isAssignment(1)) return readAssignment(reader, at);
    const keyword = readKeywordStatement(reader, first, body, at);
    if (keyword) return keyword;
  }
  return readSql(reader, at);
}

/** The Snowflake Scripting statement `first` starts, or null when it starts a SQL statement. */
function readKeywordStatement(reader: ScriptReader, first: Token, body: Body, at: Position): Statement | null {
  if (first.kind !== 'identifier') return null;
  const word = first.text.toUpperCase();
  const next = reader.peek(1);
  switch (word) {
    case 'LET':
      reader.next();
      return readLet(reader, at);
    case 'IF':
      reader.next();
      return readIf(reader, body, at);
    case 'CASE':
      reader.next();
      return readCase(reader, body, at);
    case 'FOR':
      reader.next();
      return readFor(reader, body, at);
    case 'WHILE':
      reader.next();
      return readWhile(reader, body, at);
    case 'REPEAT':
      reader.next();
      return readRepeat(reader, body, at);
    case 'LOOP':
      reader.next();
      return readLoop(reader, body, at);
    case 'BREAK':
    case 'EXIT':
      reader.next();
      return { kind: 'break', label: readOptionalName(reader), at };
    case 'CONTINUE':
    case 'ITERATE':
      reader.next();
      return { kind: 'continue', label: readOptionalName(reader), at };
    case 'RETURN':
      reader.next();
      return readReturn(reader, at);
    case 'OPEN':
      reader.next();
      return readOpen(reader, at);
    case 'FETCH':
      reader.next();
      return readFetch(reader, at);
    case 'CLOSE':
      reader.next();
      return { kind: 'close', cursor: reader.expectName('Expected the name of the cursor to close.'), at };
    case 'RAISE':
      reader.next();
      return { kind: 'raise', exception: readOptionalName(reader), at };
    case 'AWAIT':
      reader.next();
      return readAwait(reader, at);
    case 'CANCEL':
      reader.next();
      return readCancel(reader, at);
    case 'NULL':
      if (!isSymbol(next, ';')) return null;
      reader.next();
      return { kind: 'null', at };
    case 'ASYNC':
      if (!isSymbol(next, '(')) return null;
      reader.next();
      return { kind: 'async', sql: reader.parenthesized('Expected the statement to run in parentheses.'), at };
    default:
      return null;
  }
}

/**
 * `LET x [type] { DEFAULT | := } expr`, `LET c CURSOR FOR …`, `LET res RESULTSET := …`, after LET.
 * https://docs.snowflake.com/en/sql-reference/snowflake-scripting/let
 */
function readLet(reader: ScriptReader, at: Position): Statement {
  const name = reader.expectName('Expected the name of a variable, cursor or RESULTSET after LET.');
  if (reader.isWords('CURSOR', 'FOR')) {
    reader.next();
    reader.next();
    return { kind: 'letCursor', name, query: readCursorQuery(reader), at };
  }
  if (reader.acceptWord('RESULTSET')) return { kind: 'letResultset', name, source: readResultsetSource(reader), at };
  const type = reader.isWords('DEFAULT') || reader.isAssignment() ? null : readType(reader);
  reader.expectAssignmentOrDefault("Expected DEFAULT or ':=' and a value.");
  return { kind: 'let', name, type, value: reader.expressionUntil([], 'Expected a value.'), at };
}

/** `x := expr` or `x := ASYNC (<query>)`. */
function readAssignment(reader: ScriptReader, at: Position): Statement {
  const name = reader.expectName('Expected a variable name.');
  reader.acceptAssignment();
  if (reader.isWords('ASYNC') && isSymbol(reader.peek(1), '(')) {
    reader.next();
    return { kind: 'assign', name, value: reader.parenthesized('Expected the query to run in parentheses.'), async: true, at };
  }
  return { kind: 'assign', name, value: reader.expressionUntil([], 'Expected a value.'), async: false, at };
}

/** A label or exception name, or null before the `;`. */
function readOptionalName(reader: ScriptReader): string | null {
  if (reader.atEnd() || isSymbol(reader.peek(), ';')) return null;
  return reader.expectName("Expected ';' or a name.");
}
