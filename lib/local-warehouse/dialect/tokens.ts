/**
 * Token-level helpers shared by the dialect transforms. Transforms locate Snowflake constructs
 * in the lexer's significant tokens (no whitespace or comments) and rewrite the SQL text by
 * offset, so strings, comments and quoted identifiers are never touched by accident.
 */
import { isSymbol, isTrivia, lex, type Token } from '@/lib/domain/sql/lexer';

// Shared with the dashboard's SPCS parsers, which run in the browser.
export { identifierName, stringValue } from '@/lib/domain/sql/literals';

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The SQL with each edit's [start, end) replaced by its text. Edits must not overlap. */
export function applyEdits(sql: string, edits: Edit[]): string {
  let out = sql;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return out;
}

export function significantTokens(sql: string): Token[] {
  return lex(sql).filter((token) => !isTrivia(token));
}

/** Index of the `)` closing the `(` at `open`, or -1 when the input ends first. */
export function closingParen(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i += 1) {
    if (isSymbol(tokens[i], '(')) depth += 1;
    else if (isSymbol(tokens[i], ')')) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** [from, to) index ranges between top-level commas of tokens[from, to). */
export function splitTopLevel(tokens: Token[], from: number, to: number): [number, number][] {
  const ranges: [number, number][] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i += 1) {
    const token = tokens[i];
    if (isSymbol(token, '(') || isSymbol(token, '[') || isSymbol(token, '{')) depth += 1;
    else if (isSymbol(token, ')') || isSymbol(token, ']') || isSymbol(token, '}')) depth -= 1;
    else if (depth === 0 && isSymbol(token, ',')) {
      ranges.push([start, i]);
      start = i + 1;
    }
  }
  if (start < to) ranges.push([start, to]);
  return ranges;
}

/** The source text spanned by tokens[from, to), comments and all. */
export function sourceOf(sql: string, tokens: Token[], from: number, to: number): string {
  return to > from ? sql.slice(tokens[from].start, tokens[to - 1].end) : '';
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A numeric argument: a number token with an optional leading minus sign. */
export function numberValue(tokens: Token[], from: number, to: number): number | null {
  const negative = to - from === 2 && isSymbol(tokens[from], '-');
  const token = tokens[negative ? from + 1 : from];
  if (to - from !== (negative ? 2 : 1) || token.kind !== 'number') return null;
  return (negative ? -1 : 1) * Number(token.text);
}
