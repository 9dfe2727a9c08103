/**
 * Binding a block's variables into the SQL it runs. In an expression (an assignment, a condition,
 * a loop bound, RETURN) variables are written bare (`a + row.amount`) or with a colon; in a SQL
 * statement only with a colon (`VALUES (:x, :row.amount)`), since a bare word there is a column.
 * Each reference becomes a literal of the variable's value (./script-values.ts); a word that
 * names no variable stays as written, for the query to resolve. The lexer finds the words, so
 * strings, comments and quoted text are never touched.
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/variables#label-snowscript-variables-binding
 */
import type { Position } from '@/lib/domain/scripting/ast';
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { identifierName } from '@/lib/domain/sql/literals';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { applyEdits, significantTokens, type Edit } from '../dialect/tokens';
import type { ScriptValue } from './host';
import { sqlLiteral, textLiteral } from './script-values';
import { recordField, type RecordBinding } from './variables';

/** What the names in a piece of SQL stand for, as the interpreter's scopes answer. */
export interface Names {
  /** A variable's (or built-in's) value, a FOR record, or null when `name` is neither. */
  value(name: string): ScriptValue | RecordBinding | null;
  /** SYSTEM$GET_RESULTSET_STATUS of the RESULTSET `name`, or null when `name` is no RESULTSET. */
  resultsetStatus(name: string): string | null;
}

const isName = (token: Token | undefined): token is Token => token?.kind === 'identifier' || token?.kind === 'quoted_identifier';

/** Where a token of `sql` is in the block's text, as Snowflake's errors say it (line, 0-based position). */
function blockPosition(at: Position, token: Token): { line: number; position: number } {
  const line = at.line + token.line - 1;
  const column = token.line === 1 ? at.column + token.column - 1 : token.column;
  return { line, position: column - 1 };
}

/** Whether the `:` at tokens[i] continues an operand (`v:field`, `x[1:2]`) rather than starting a bind. */
function continuesOperand(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1];
  if (!before || before.end !== tokens[i].start) return false;
  return before.kind === 'number' || isName(before) || isSymbol(before, ')') || isSymbol(before, ']');
}

interface Reference {
  /** Tokens [first, last] the literal replaces. */
  first: number;
  last: number;
  literal: string;
}

/**
 * The reference starting at the name tokens[i], or null when the name is no variable. A record
 * takes the field after it (`row.amount`); a field the row lacks is an invalid identifier.
 */
function referenceAt(tokens: Token[], i: number, names: Names, at: Position, first: number): Reference | null {
  const bound = names.value(identifierName(tokens[i]));
  if (bound === null) return null;
  // A value followed by a dot is a table or schema of the same name (`t.col`), not the variable.
  if (!('kind' in bound)) return isSymbol(tokens[i + 1], '.') ? null : { first, last: i, literal: sqlLiteral(bound) };
  if (!isSymbol(tokens[i + 1], '.') || !isName(tokens[i + 2])) return null;
  const field = recordField(bound, identifierName(tokens[i + 2]));
  if (field === null) {
    const { line, position } = blockPosition(at, tokens[i + 2]);
    throw new SnowflakeQueryError(snowflakeErrors.invalidIdentifier(line, position, `${identifierName(tokens[i])}.${identifierName(tokens[i + 2])}`));
  }
  return { first, last: i + 2, literal: sqlLiteral(field) };
}

/** SYSTEM$GET_RESULTSET_STATUS(rs) at tokens[i], as the status literal. */
function statusCallAt(tokens: Token[], i: number, names: Names, at: Position): Reference | null {
  if (!isWord(tokens[i], 'SYSTEM$GET_RESULTSET_STATUS') || !isSymbol(tokens[i + 1], '(')) return null;
  if (!isName(tokens[i + 2]) || !isSymbol(tokens[i + 3], ')')) return null;
  const name = identifierName(tokens[i + 2]);
  const status = names.resultsetStatus(name);
  if (status === null) {
    const { line, position } = blockPosition(at, tokens[i + 2]);
    throw new SnowflakeQueryError(snowflakeErrors.invalidIdentifier(line, position, name));
  }
  return { first: i, last: i + 3, literal: textLiteral(status) };
}

function bind(sql: string, at: Position, names: Names, bareWords: boolean): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    let found: Reference | null = statusCallAt(tokens, i, names, at);
    if (!found && isSymbol(tokens[i], ':') && isName(tokens[i + 1]) && tokens[i + 1].start === tokens[i].end && !continuesOperand(tokens, i)) {
      found = referenceAt(tokens, i + 1, names, at, i);
      if (!found) {
        const { line, position } = blockPosition(at, tokens[i]);
        throw new SnowflakeQueryError(snowflakeErrors.bindNotSet(line, position, `:${tokens[i + 1].text}`));
      }
    } else if (!found && bareWords && isName(tokens[i]) && !isSymbol(tokens[i + 1], '(')) {
      const before = tokens[i - 1];
      // The part after a dot, a type after `::` and an alias after AS are not variables.
      const qualified = isSymbol(before, '.') || isSymbol(before, '::') || isWord(before, 'AS');
      if (!qualified) found = referenceAt(tokens, i, names, at, i);
    }
    if (found) {
      edits.push({ start: tokens[found.first].start, end: tokens[found.last].end, text: found.literal });
      i = found.last;
    }
  }
  return edits.length === 0 ? sql : applyEdits(sql, edits);
}

/** An expression with its variables (bare or `:var`, `row.field`) replaced by literals. */
export function bindExpression(sql: string, at: Position, names: Names): string {
  return bind(sql, at, names, true);
}

/** A SQL statement with its `:var` and `:row.field` binds replaced by literals; a `:name` that names no variable is an error. */
export function bindStatement(sql: string, at: Position, names: Names): string {
  return bind(sql, at, names, false);
}

/** A cursor query with its `?` placeholders replaced by the OPEN … USING values, in order. */
export function bindPlaceholders(sql: string, at: Position, values: ScriptValue[]): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  for (const token of tokens) {
    if (!isSymbol(token, '?')) continue;
    const value = values[edits.length];
    if (value === undefined) {
      const { line, position } = blockPosition(at, token);
      throw new SnowflakeQueryError(snowflakeErrors.bindNotSet(line, position, '?'));
    }
    edits.push({ start: token.start, end: token.end, text: sqlLiteral(value) });
  }
  return edits.length === 0 ? sql : applyEdits(sql, edits);
}
