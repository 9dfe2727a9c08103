/**
 * The DECLARE section of a block: variables, cursors, RESULTSETs and exceptions, each ended by
 * `;`, up to the block's BEGIN. Nested procedure declarations are Snowflake's but not the local
 * warehouse's: they are refused as an unsupported feature, not as a syntax error.
 * https://docs.snowflake.com/en/sql-reference/snowflake-scripting/declare
 */
import { isSymbol, isWord, type Token } from '../sql/lexer';
import { stringValue } from '../sql/literals';
import type { CursorDeclaration, Declaration, ExceptionDeclaration, ResultsetDeclaration } from './ast';
import type { ScriptReader } from './script-reader';

/** Declarations after `DECLARE` (already read), up to and not including `BEGIN`. */
export function readDeclarations(reader: ScriptReader): Declaration[] {
  const declarations: Declaration[] = [];
  do {
    declarations.push(readDeclaration(reader));
    reader.expectSemicolon();
  } while (reader.peek() && !reader.isWords('BEGIN'));
  return declarations;
}

function readDeclaration(reader: ScriptReader): Declaration {
  const start = reader.peek();
  if (!start) reader.fail(start, 'Expected a declaration, then BEGIN.');
  const at = reader.at(start);
  const name = reader.expectName('Expected the name of a variable, cursor, RESULTSET or exception.');
  if (reader.acceptWord('CURSOR')) {
    reader.expectWord('FOR', 'Expected FOR after CURSOR.');
    return { kind: 'cursor', name, query: readCursorQuery(reader), at };
  }
  if (reader.acceptWord('RESULTSET')) {
    const source = reader.isWords('DEFAULT') || reader.isAssignment() ? readResultsetSource(reader) : null;
    return { kind: 'resultset', name, source, at };
  }
  if (reader.acceptWord('EXCEPTION')) return readException(reader, name, at);
  if (reader.isWords('PROCEDURE')) reader.unsupported(reader.peek() as Token, 'nested stored procedure');
  return readVariable(reader, name, at);
}

/**
 * `<query>` or `<resultset_name>` after `CURSOR FOR`; the `;` after it is left for the caller.
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/cursors
 */
export function readCursorQuery(reader: ScriptReader): CursorDeclaration['query'] {
  const first = reader.peek();
  const single = (first?.kind === 'identifier' || first?.kind === 'quoted_identifier') && isSymbol(reader.peek(1), ';');
  if (single) return { resultset: reader.expectName('Expected the name of a RESULTSET.') };
  return reader.sqlStatement('Expected the query of the cursor.');
}

/**
 * `{ DEFAULT | := } [ ASYNC ] ( <query> )` of a RESULTSET.
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/resultsets
 */
export function readResultsetSource(reader: ScriptReader): NonNullable<ResultsetDeclaration['source']> {
  reader.expectAssignmentOrDefault("Expected DEFAULT or ':=' before the RESULTSET's query.");
  const async = reader.acceptWord('ASYNC') !== null;
  return { query: reader.parenthesized("Expected the RESULTSET's query in parentheses."), async };
}

/**
 * `<name> EXCEPTION [ ( <number>, '<message>' ) ]`. Snowflake's range for the number
 * (-20000 to -20999) is a runtime check, so any integer is read here.
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/exceptions
 */
function readException(reader: ScriptReader, name: string, at: ExceptionDeclaration['at']): ExceptionDeclaration {
  if (!reader.acceptSymbol('(')) return { kind: 'exception', name, code: null, message: null, at };
  const minus = reader.acceptSymbol('-') !== null;
  const number = reader.peek();
  if (number?.kind !== 'number' || !/^[0-9]+$/.test(number.text)) reader.fail(number, 'Expected the exception number, e.g. -20001.');
  reader.next();
  reader.expectSymbol(',', "Expected ',' and the exception's message.");
  const message = stringValue(reader.peek());
  if (message === null) reader.fail(reader.peek(), "Expected the exception's message as a string.");
  reader.next();
  reader.expectSymbol(')', "Expected ')' after the exception's message.");
  return { kind: 'exception', name, code: (minus ? -1 : 1) * Number(number.text), message, at };
}

/** `<name> [<type>] [ { DEFAULT | := } <expression> ]`. */
function readVariable(reader: ScriptReader, name: string, at: Declaration['at']): Declaration {
  const hasType = !reader.isWords('DEFAULT') && !reader.isAssignment() && !isSymbol(reader.peek(), ';');
  const type = hasType ? readType(reader) : null;
  if (!reader.isWords('DEFAULT') && !reader.isAssignment()) return { kind: 'variable', name, type, value: null, at };
  reader.expectAssignmentOrDefault("Expected DEFAULT or ':='.");
  return { kind: 'variable', name, type, value: reader.expressionUntil([], 'Expected the value of the variable.'), at };
}

/** A type as written (`NUMBER(38, 2)`, `TIMESTAMP_NTZ`), up to DEFAULT, `:=` or `;` (or a BEGIN, when the `;` is missing). */
export function readType(reader: ScriptReader): string {
  const first = reader.peek();
  if (first?.kind !== 'identifier' || isWord(first, 'DEFAULT')) reader.fail(first, 'Expected a data type.');
  let last = first;
  let depth = 0;
  for (let token = reader.peek(); token; token = reader.peek()) {
    const ends = isSymbol(token, ';') || isWord(token, 'DEFAULT') || isWord(token, 'BEGIN') || reader.isAssignment();
    if (depth === 0 && ends) break;
    if (isSymbol(token, '(')) depth += 1;
    if (isSymbol(token, ')')) depth -= 1;
    last = reader.next() as Token;
  }
  return reader.slice(first, last);
}
