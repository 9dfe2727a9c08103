/**
 * A small lexer for Snowflake SQL. It exists so that statement splitting and the local
 * warehouse's dialect transforms never mistake the inside of a string, comment or quoted
 * identifier for SQL. Pure: no I/O, no Node APIs (the dashboard runs it in the browser).
 *
 * Lenient by design: an unterminated string, comment or quoted identifier becomes one token
 * running to the end of the input, flagged `unterminated`, because the editor lexes text that
 * is still being typed. Whoever executes the SQL decides whether that is an error.
 */

export type TokenKind =
  | 'whitespace'
  | 'line_comment'
  | 'block_comment'
  | 'string'
  | 'dollar_string'
  | 'quoted_identifier'
  | 'number'
  | 'identifier'
  | 'operator';

export interface Token {
  kind: TokenKind;
  /** The token's source text, exactly as written. */
  text: string;
  /** Offset of the first character in the input. */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** 1-based line and column of the first character. */
  line: number;
  column: number;
  /** True for a string, comment or quoted identifier that the input ends inside. */
  unterminated?: boolean;
}

/** Longest first, so `=>` wins over `=`. */
const MULTI_CHAR_OPERATORS = ['=>', '->>', '->', '::', '<=', '>=', '<>', '!=', '||'];

const IDENTIFIER_START = /[\p{L}_]/u;
const IDENTIFIER_PART = /[\p{L}\p{N}_$]/u;
const DIGIT = /[0-9]/;
const WHITESPACE = /\s/;

export function lex(sql: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let line = 1;
  let column = 1;

  const push = (kind: TokenKind, end: number, unterminated = false) => {
    const text = sql.slice(pos, end);
    tokens.push({ kind, text, start: pos, end, line, column, ...(unterminated ? { unterminated } : {}) });
    for (const ch of text) {
      if (ch === '\n') {
        line += 1;
        column = 1;
      } else {
        column += 1;
      }
    }
    pos = end;
  };

  while (pos < sql.length) {
    const ch = sql[pos];
    const next = sql[pos + 1];

    if (WHITESPACE.test(ch)) {
      let end = pos + 1;
      while (end < sql.length && WHITESPACE.test(sql[end])) end += 1;
      push('whitespace', end);
    } else if ((ch === '-' && next === '-') || (ch === '/' && next === '/')) {
      const newline = sql.indexOf('\n', pos);
      push('line_comment', newline === -1 ? sql.length : newline);
    } else if (ch === '/' && next === '*') {
      const close = sql.indexOf('*/', pos + 2);
      if (close === -1) push('block_comment', sql.length, true);
      else push('block_comment', close + 2);
    } else if (ch === "'") {
      const end = scanSingleQuoted(sql, pos);
      push('string', end ?? sql.length, end === null);
    } else if (ch === '$' && next === '$') {
      const close = sql.indexOf('$$', pos + 2);
      if (close === -1) push('dollar_string', sql.length, true);
      else push('dollar_string', close + 2);
    } else if (ch === '"') {
      const end = scanDoubleQuoted(sql, pos);
      push('quoted_identifier', end ?? sql.length, end === null);
    } else if (DIGIT.test(ch) || (ch === '.' && next !== undefined && DIGIT.test(next))) {
      push('number', scanNumber(sql, pos));
    } else if (IDENTIFIER_START.test(ch) || (ch === '$' && next !== undefined && IDENTIFIER_PART.test(next))) {
      // `$1` (positional column) and `SYSTEM$WAIT` both lex as one identifier.
      let end = pos + 1;
      while (end < sql.length && IDENTIFIER_PART.test(sql[end])) end += 1;
      push('identifier', end);
    } else {
      const multi = MULTI_CHAR_OPERATORS.find((op) => sql.startsWith(op, pos));
      push('operator', pos + (multi?.length ?? 1));
    }
  }
  return tokens;
}

/** End offset of a '…' string starting at `start` ('' and backslash escapes), or null. */
function scanSingleQuoted(sql: string, start: number): number | null {
  let i = start + 1;
  while (i < sql.length) {
    const ch = sql[i];
    if (ch === '\\') i += 2;
    else if (ch === "'" && sql[i + 1] === "'") i += 2;
    else if (ch === "'") return i + 1;
    else i += 1;
  }
  return null;
}

/** End offset of a "…" identifier starting at `start` ("" escapes a quote), or null. */
function scanDoubleQuoted(sql: string, start: number): number | null {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === '"' && sql[i + 1] === '"') i += 2;
    else if (sql[i] === '"') return i + 1;
    else i += 1;
  }
  return null;
}

function scanNumber(sql: string, start: number): number {
  let i = start;
  while (i < sql.length && DIGIT.test(sql[i])) i += 1;
  if (sql[i] === '.') {
    i += 1;
    while (i < sql.length && DIGIT.test(sql[i])) i += 1;
  }
  if ((sql[i] === 'e' || sql[i] === 'E') && /^[+-]?[0-9]/.test(sql.slice(i + 1, i + 3))) {
    i += sql[i + 1] === '+' || sql[i + 1] === '-' ? 2 : 1;
    while (i < sql.length && DIGIT.test(sql[i])) i += 1;
  }
  return i;
}

/** Tokens that carry meaning: everything except whitespace and comments. */
export function isTrivia(token: Token): boolean {
  return token.kind === 'whitespace' || token.kind === 'line_comment' || token.kind === 'block_comment';
}

/** True when `token` is the keyword or unquoted identifier `word` (case-insensitive). */
export function isWord(token: Token | undefined, word: string): boolean {
  return token?.kind === 'identifier' && token.text.toUpperCase() === word.toUpperCase();
}

/** True when `token` is the operator or punctuation `symbol`. */
export function isSymbol(token: Token | undefined, symbol: string): boolean {
  return token?.kind === 'operator' && token.text === symbol;
}
