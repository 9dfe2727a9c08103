/**
 * Session variables in a statement: `IDENTIFIER($name)` (and `TABLE($name)` in FROM) become the
 * object name the variable's string spells (as identifier-function.ts reads `IDENTIFIER('name')`),
 * then `$name` the variable's value as a literal of its type, before anything else reads the
 * statement, as Snowflake's compiler binds them. The names come first so a result still names a
 * column `$NAME` after its text. Variable names are case-insensitive. A `$name` the session has
 * not set is Snowflake's 002211.
 * https://docs.snowflake.com/en/sql-reference/session-variables
 * https://docs.snowflake.com/en/sql-reference/identifier-literal
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import type { SessionVariable } from '../engine/types';
import { identifierText } from './identifier-function';
import { bindLiteral } from './inline-binds';
import { applyEdits, significantTokens, sqlString, type Edit } from './tokens';

/** `$name`: a `$` and a name (not `$1`, a staged file's column). */
const VARIABLE = /^\$[\p{L}_][\p{L}\p{N}_$]*$/u;

function isVariable(token: Token | undefined): token is Token {
  return token?.kind === 'identifier' && VARIABLE.test(token.text);
}

/** The Snowflake type a NULL of the variable's type is cast to. */
const NULL_TYPES: Record<SessionVariable['type'], string> = {
  fixed: 'NUMBER',
  real: 'FLOAT',
  text: 'VARCHAR',
  boolean: 'BOOLEAN',
  date: 'DATE',
  time: 'TIME',
  timestamp_ntz: 'TIMESTAMP_NTZ',
  timestamp_ltz: 'TIMESTAMP_LTZ',
  timestamp_tz: 'TIMESTAMP_TZ',
  variant: 'VARIANT',
  object: 'VARIANT',
  array: 'VARIANT',
  binary: 'BINARY',
};

/** The variable's value as a literal of its type, in SQL the dialect transforms take as it is. */
export function variableLiteral({ type, value }: Pick<SessionVariable, 'type' | 'value'>): string {
  if (value === null) return `CAST(NULL AS ${NULL_TYPES[type]})`;
  switch (type) {
    case 'fixed':
      // Parenthesised, so `1-$x` cannot become a `--` comment.
      return value.startsWith('-') ? `(${value})` : value;
    case 'real':
      return `CAST(${sqlString(value)} AS DOUBLE)`;
    case 'boolean':
      return value === 'true' ? 'TRUE' : 'FALSE';
    case 'date':
      return `DATE ${sqlString(value)}`;
    case 'time':
      return `TIME ${sqlString(value)}`;
    case 'timestamp_ntz':
      return `TIMESTAMP ${sqlString(value)}`;
    case 'timestamp_ltz':
    case 'timestamp_tz':
      return `TIMESTAMPTZ ${sqlString(value)}`;
    case 'variant':
    case 'object':
    case 'array':
      return `CAST(${bindLiteral(value)} AS JSON)`;
    case 'binary':
      return `${sqlString(value)}::BINARY`;
    default:
      return bindLiteral(value);
  }
}

function lookUp(variables: Readonly<Record<string, SessionVariable>>, token: Token): SessionVariable {
  const name = token.text.slice(1).toUpperCase();
  const variable = variables[name];
  if (!variable) throw new SnowflakeQueryError(snowflakeErrors.variableNotFound(token.line, token.column - 1, name));
  return variable;
}

/** `IDENTIFIER($name)` or `TABLE($name)` at tokens[i]: the object name the variable spells, or null when tokens[i] starts neither. */
function objectName(tokens: Token[], i: number, variables: Readonly<Record<string, SessionVariable>>): string | null {
  const [word, open, argument, close] = tokens.slice(i, i + 4);
  const before = tokens[i - 1];
  const table = isWord(word, 'TABLE') && (isWord(before, 'FROM') || isWord(before, 'JOIN') || isSymbol(before, ','));
  if (!(isWord(word, 'IDENTIFIER') || table) || !isSymbol(open, '(') || !isVariable(argument) || !isSymbol(close, ')')) return null;
  const { type, value } = lookUp(variables, argument);
  const name = type === 'text' && value !== null ? identifierText(value) : null;
  if (name === null) throw new SnowflakeQueryError(snowflakeErrors.invalidIdentifier(argument.line, argument.column - 1, value ?? 'NULL'));
  return name;
}

/** The statement with the object names its IDENTIFIER($name) and TABLE($name) spell written in. */
export function bindIdentifiers(sql: string, variables: Readonly<Record<string, SessionVariable>>): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const name = objectName(tokens, i, variables);
    if (name === null) continue;
    edits.push({ start: tokens[i].start, end: tokens[i + 3].end, text: name });
    i += 3;
  }
  return edits.length === 0 ? sql : applyEdits(sql, edits);
}

/** The statement with each `$name` written in as its value. */
export function bindVariables(sql: string, variables: Readonly<Record<string, SessionVariable>>): string {
  const edits = significantTokens(sql)
    .filter(isVariable)
    .map((token) => ({ start: token.start, end: token.end, text: variableLiteral(lookUp(variables, token)) }));
  return edits.length === 0 ? sql : applyEdits(sql, edits);
}
