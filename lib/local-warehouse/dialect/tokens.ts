/**
 * Token-level helpers shared by the dialect transforms. Transforms locate Snowflake constructs
 * in the lexer's significant tokens (no whitespace or comments) and rewrite the SQL text by
 * offset, so strings, comments and quoted identifiers are never touched by accident.
 */
import { isSymbol, isTrivia, isWord, lex, type Token } from '@/lib/domain/sql/lexer';

// Shared with the dashboard's SPCS parsers, which run in the browser.
export { identifierName, stringValue } from '@/lib/domain/sql/literals';

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The SQL with each edit's [start, end) replaced by its text. Edits must not overlap. */
export function applyEdits(sql: string, edits: Edit[]): string {
  // One pass over the pieces: splicing edit by edit copied the whole statement per edit.
  const pieces: string[] = [];
  let pos = 0;
  // Edits at one offset land last-given first, as they did when spliced in from the end.
  const ordered = edits.map((edit, i) => ({ edit, i })).sort((a, b) => a.edit.start - b.edit.start || b.i - a.i);
  for (const { edit } of ordered) {
    pieces.push(sql.slice(pos, edit.start), edit.text);
    pos = edit.end;
  }
  pieces.push(sql.slice(pos));
  return pieces.join('');
}

/**
 * The last statement's tokens: a statement passes through a dozen transforms, most of which
 * leave it unchanged, and relexing a statement of megabytes each time cost seconds. Dropped on
 * the next turn of the event loop, so a large statement's tokens are not held after it ran.
 */
let lastLexed: { sql: string; tokens: Token[] } | null = null;

/** The statement's tokens without whitespace and comments; shared, so callers must not change the array. */
export function significantTokens(sql: string): Token[] {
  if (lastLexed?.sql === sql) return lastLexed.tokens;
  const tokens = lex(sql).filter((token) => !isTrivia(token));
  if (lastLexed === null) setImmediate(() => (lastLexed = null));
  lastLexed = { sql, tokens };
  return tokens;
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

/** The name parts `a.b.c` starting at tokens[from] (none when no name starts there) and the index of the last. */
export function dottedNameAt(tokens: Token[], from: number): { parts: Token[]; last: number } {
  const parts: Token[] = [];
  let j = from;
  while (tokens[j]?.kind === 'identifier' || tokens[j]?.kind === 'quoted_identifier') {
    parts.push(tokens[j]);
    if (!isSymbol(tokens[j + 1], '.')) break;
    j += 2;
  }
  return { parts, last: j };
}

/** Index of the `(` or `[` opening the bracket that closes at `close`, or -1. */
export function openingBracket(tokens: Token[], close: number): number {
  const closer = tokens[close].text;
  const opener = closer === ')' ? '(' : '[';
  let depth = 0;
  for (let i = close; i >= 0; i -= 1) {
    if (isSymbol(tokens[i], closer)) depth += 1;
    else if (isSymbol(tokens[i], opener)) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Index of the CASE that the END at `end` closes, or -1. */
export function caseStart(tokens: Token[], end: number): number {
  let depth = 0;
  for (let i = end; i >= 0; i -= 1) {
    if (isWord(tokens[i], 'END')) depth += 1;
    else if (isWord(tokens[i], 'CASE')) {
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
