/**
 * The statements about a session's own state, which the engine answers itself: SET and UNSET of
 * session variables, SHOW VARIABLES, ALTER SESSION SET / UNSET of parameters and SHOW
 * PARAMETERS [IN SESSION]. This module only reads them; engine/session-statements.ts answers.
 * https://docs.snowflake.com/en/sql-reference/sql/set
 * https://docs.snowflake.com/en/sql-reference/sql/unset
 * https://docs.snowflake.com/en/sql-reference/sql/show-variables
 * https://docs.snowflake.com/en/sql-reference/sql/alter-session
 * https://docs.snowflake.com/en/sql-reference/sql/show-parameters
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import type { WrittenValue } from '../engine/session-parameters';
import { StatementCursor } from './statement-cursor';
import { closingParen, identifierName, significantTokens, sourceOf, splitTopLevel, stringValue } from './tokens';

export type SessionStatement =
  /** `select`: a Snowflake query whose one row holds the values, one column per name. */
  | { kind: 'setVariables'; names: string[]; select: string }
  | { kind: 'unsetVariables'; names: string[] }
  | { kind: 'showVariables'; like: string | null }
  | { kind: 'alterSession'; set: { name: string; value: WrittenValue }[]; unset: string[] }
  | { kind: 'showParameters'; like: string | null };

/** Snowflake's longest variable name, in characters. */
const MAX_VARIABLE_NAME = 256;
/** Names the SET page reserves. */
const RESERVED_NAMES = ['CURRENT', 'PUBLIC'];

/** The statement as a session statement, or null when it is none. */
export function sessionStatement(sql: string): SessionStatement | null {
  const tokens = significantTokens(sql);
  if (isWord(tokens[0], 'SET')) return setVariables(sql, tokens);
  if (isWord(tokens[0], 'UNSET')) return unsetVariables(sql);
  if (isWord(tokens[0], 'ALTER') && isWord(tokens[1], 'SESSION')) return alterSession(tokens);
  const at = new StatementCursor(sql);
  let statement: SessionStatement | null = null;
  if (at.accept('SHOW', 'VARIABLES')) statement = { kind: 'showVariables', like: at.like() };
  else if (at.accept('SHOW', 'PARAMETERS')) {
    const like = at.like();
    // IN WAREHOUSE, IN TASK … are other objects' parameters, answered elsewhere or refused.
    if (!at.atEnd() && !at.accept('IN', 'SESSION')) return null;
    statement = { kind: 'showParameters', like };
  }
  if (statement) at.end();
  return statement;
}

function syntaxErrorAt(tokens: Token[], i: number): SnowflakeQueryError {
  const token = tokens[i];
  const last = tokens[tokens.length - 1];
  return new SnowflakeQueryError(
    token
      ? snowflakeErrors.syntax(token.line, token.column - 1, token.text)
      : snowflakeErrors.syntax(last?.line ?? 1, last ? last.column - 1 + last.text.length : 0, '<EOF>'),
  );
}

/** The index after the statement's last token, not counting a closing `;`. */
function endOf(tokens: Token[]): number {
  return isSymbol(tokens[tokens.length - 1], ';') ? tokens.length - 1 : tokens.length;
}

/**
 * A variable's name: case-insensitive however it is written, so unquoted and quoted names are
 * both kept upper-cased. A qualified name (`schema.name`) would be a schema variable.
 */
function variableName(tokens: Token[], i: number): string {
  const token = tokens[i];
  if (token?.kind !== 'identifier' && token?.kind !== 'quoted_identifier') throw syntaxErrorAt(tokens, i);
  if (token.kind === 'identifier' && RESERVED_NAMES.includes(token.text.toUpperCase())) throw syntaxErrorAt(tokens, i);
  if (isSymbol(tokens[i + 1], '.')) throw new SnowflakeQueryError(snowflakeErrors.unsupported('schema variables'));
  const name = identifierName(token).toUpperCase();
  if (name.length > MAX_VARIABLE_NAME) {
    throw new SnowflakeQueryError(snowflakeErrors.compilation(`Variable name '${name.slice(0, 30)}…' is longer than ${MAX_VARIABLE_NAME} characters.`));
  }
  return name;
}

/** `(a, b, …)` from tokens[open]; returns the names and the index after `)`. */
function nameList(tokens: Token[], open: number): { names: string[]; next: number } {
  const close = closingParen(tokens, open);
  if (close === -1) throw syntaxErrorAt(tokens, tokens.length);
  const names = splitTopLevel(tokens, open + 1, close).map(([from, to]) => {
    if (to - from !== 1) throw syntaxErrorAt(tokens, from + 1);
    return variableName(tokens, from);
  });
  if (names.length === 0) throw syntaxErrorAt(tokens, close);
  return { names, next: close + 1 };
}

function isQuery(tokens: Token[], i: number): boolean {
  return isWord(tokens[i], 'SELECT') || isWord(tokens[i], 'WITH');
}

/**
 * SET var = expr, SET (a, b) = (expr, expr) and SET (a, b) = (SELECT …): all the expressions
 * become one SELECT, evaluated before any variable is assigned (so `SET (min, max) = (50, 2 * $min)`
 * reads the old $min).
 */
function setVariables(sql: string, tokens: Token[]): SessionStatement {
  const end = endOf(tokens);
  let names: string[];
  let i: number;
  if (isSymbol(tokens[1], '(')) ({ names, next: i } = nameList(tokens, 1));
  else {
    names = [variableName(tokens, 1)];
    i = 2;
  }
  if (!isSymbol(tokens[i], '=')) throw syntaxErrorAt(tokens, i);
  i += 1;
  if (i >= end) throw syntaxErrorAt(tokens, end);
  if (names.length === 1 && !isSymbol(tokens[1], '(')) return { kind: 'setVariables', names, select: `SELECT ${sourceOf(sql, tokens, i, end)}` };
  // A list of names takes a parenthesised list of expressions, or one query giving a column per name.
  const close = isSymbol(tokens[i], '(') ? closingParen(tokens, i) : -1;
  if (close === -1) throw syntaxErrorAt(tokens, i);
  if (close + 1 !== end) throw syntaxErrorAt(tokens, close + 1);
  const inner = sourceOf(sql, tokens, i + 1, close);
  return { kind: 'setVariables', names, select: isQuery(tokens, i + 1) ? inner : `SELECT ${inner}` };
}

/** UNSET var and UNSET (a, b). */
function unsetVariables(sql: string): SessionStatement {
  const tokens = significantTokens(sql);
  const end = endOf(tokens);
  if (isSymbol(tokens[1], '(')) {
    const { names, next } = nameList(tokens, 1);
    if (next !== end) throw syntaxErrorAt(tokens, next);
    return { kind: 'unsetVariables', names };
  }
  const name = variableName(tokens, 1);
  if (end !== 2) throw syntaxErrorAt(tokens, 2);
  return { kind: 'unsetVariables', names: [name] };
}

/** A parameter's value at tokens[i], as written: a string, a number, TRUE / FALSE, or a word (read upper-cased). */
function parameterValue(tokens: Token[], i: number): { value: WrittenValue; next: number } {
  const token = tokens[i];
  const string = stringValue(token);
  if (string !== null) return { value: { value: string, written: string }, next: i + 1 };
  const signed = (isSymbol(token, '-') || isSymbol(token, '+')) && tokens[i + 1]?.kind === 'number';
  const number = signed ? tokens[i + 1] : token;
  if (number?.kind === 'number') {
    const text = `${isSymbol(token, '-') ? '-' : ''}${number.text}`;
    return { value: { value: Number(text), written: text }, next: i + (signed ? 2 : 1) };
  }
  if (isWord(token, 'TRUE') || isWord(token, 'FALSE')) {
    return { value: { value: isWord(token, 'TRUE'), written: token.text.toUpperCase() }, next: i + 1 };
  }
  if (token?.kind === 'identifier') return { value: { value: token.text.toUpperCase(), written: token.text.toUpperCase() }, next: i + 1 };
  throw syntaxErrorAt(tokens, i);
}

/** A parameter's name at tokens[i], upper-cased. */
function parameterName(tokens: Token[], i: number): string {
  const token = tokens[i];
  if (token?.kind !== 'identifier' && token?.kind !== 'quoted_identifier') throw syntaxErrorAt(tokens, i);
  return identifierName(token).toUpperCase();
}

/**
 * ALTER SESSION SET name = value [name = value …] (commas between them are accepted too) and
 * ALTER SESSION UNSET name [, name …], from tokens[2]. The engine checks names and values.
 */
function alterSession(tokens: Token[]): SessionStatement {
  const end = endOf(tokens);
  let i = 3;
  if (isWord(tokens[2], 'UNSET')) {
    const unset = [parameterName(tokens, i)];
    for (i += 1; isSymbol(tokens[i], ','); i += 2) unset.push(parameterName(tokens, i + 1));
    if (i !== end) throw syntaxErrorAt(tokens, i);
    return { kind: 'alterSession', set: [], unset };
  }
  if (!isWord(tokens[2], 'SET')) throw syntaxErrorAt(tokens, 2);
  const set: { name: string; value: WrittenValue }[] = [];
  do {
    const name = parameterName(tokens, i);
    if (!isSymbol(tokens[i + 1], '=')) throw syntaxErrorAt(tokens, i + 1);
    const { value, next } = parameterValue(tokens, i + 2);
    set.push({ name, value });
    i = isSymbol(tokens[next], ',') ? next + 1 : next;
  } while (i < end);
  return { kind: 'alterSession', set, unset: [] };
}
