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
const WHITESPACE = /\s/;
const SURROGATE = /[\uD800-\uDFFF]/;

// Character classes by char code for ASCII, the regular expressions only beyond it: statements
// can be megabytes long, and they are lexed several times on their way to DuckDB.
const isDigit = (code: number) => code >= 48 && code <= 57;
const isAsciiLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

function isWhitespaceAt(sql: string, i: number): boolean {
  const code = sql.charCodeAt(i);
  return code < 128 ? code === 32 || (code >= 9 && code <= 13) : WHITESPACE.test(sql[i]);
}

/** The character at `i`, a surrogate pair whole: astral letters (𝒜) are letters too. */
function characterAt(sql: string, i: number): string {
  return String.fromCodePoint(sql.codePointAt(i) as number);
}

/** UTF-16 length of the identifier-starting character at `i`, or 0 when it starts none. */
function identifierStartAt(sql: string, i: number): number {
  if (i >= sql.length) return 0;
  const code = sql.charCodeAt(i);
  if (code < 128) return isAsciiLetter(code) || code === 95 ? 1 : 0;
  const ch = characterAt(sql, i);
  return IDENTIFIER_START.test(ch) ? ch.length : 0;
}

/** UTF-16 length of the identifier character at `i`, or 0 when it is none. */
function identifierPartAt(sql: string, i: number): number {
  if (i >= sql.length) return 0;
  const code = sql.charCodeAt(i);
  if (code < 128) return isAsciiLetter(code) || isDigit(code) || code === 95 || code === 36 ? 1 : 0;
  const ch = characterAt(sql, i);
  return IDENTIFIER_PART.test(ch) ? ch.length : 0;
}

/** Columns count code points, so a surrogate pair is one column. */
function codePoints(text: string): number {
  if (!SURROGATE.test(text)) return text.length;
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

export function lex(sql: string): Token[] {
  const scanner = new Scanner(sql);
  const tokens: Token[] = [];
  for (let token = scanner.next(); token; token = scanner.next()) tokens.push(token);
  return tokens;
}

/**
 * The tokens one at a time, so a reader that needs only the first few (which statement is
 * this?) stops there instead of lexing a statement of megabytes whole.
 */
export function* tokenStream(sql: string): Generator<Token> {
  const scanner = new Scanner(sql);
  for (let token = scanner.next(); token; token = scanner.next()) yield token;
}

class Scanner {
  private pos = 0;
  private line = 1;
  private column = 1;

  constructor(private readonly sql: string) {}

  /** The token at the current position, or null at the end of the input. */
  next(): Token | null {
    const { sql, pos } = this;
    if (pos >= sql.length) return null;
    const ch = sql[pos];
    const next = sql[pos + 1];

    if (isWhitespaceAt(sql, pos)) {
      let end = pos + 1;
      while (end < sql.length && isWhitespaceAt(sql, end)) end += 1;
      return this.take('whitespace', end);
    }
    if ((ch === '-' && next === '-') || (ch === '/' && next === '/')) {
      const newline = sql.indexOf('\n', pos);
      return this.take('line_comment', newline === -1 ? sql.length : newline);
    }
    if (ch === '/' && next === '*') {
      const close = sql.indexOf('*/', pos + 2);
      return close === -1 ? this.take('block_comment', sql.length, true) : this.take('block_comment', close + 2);
    }
    if (ch === "'") {
      const end = scanSingleQuoted(sql, pos);
      return this.take('string', end ?? sql.length, end === null);
    }
    if (ch === '$' && next === '$') {
      const close = sql.indexOf('$$', pos + 2);
      return close === -1 ? this.take('dollar_string', sql.length, true) : this.take('dollar_string', close + 2);
    }
    if (ch === '"') {
      const end = scanDoubleQuoted(sql, pos);
      return this.take('quoted_identifier', end ?? sql.length, end === null);
    }
    if (isDigit(sql.charCodeAt(pos)) || (ch === '.' && next !== undefined && isDigit(sql.charCodeAt(pos + 1)))) {
      return this.take('number', scanNumber(sql, pos));
    }
    const first = identifierStartAt(sql, pos) || (ch === '$' && identifierPartAt(sql, pos + 1) ? 1 : 0);
    if (first > 0) {
      // `$1` (positional column) and `SYSTEM$WAIT` both lex as one identifier.
      let end = pos + first;
      for (let width = identifierPartAt(sql, end); width > 0; width = identifierPartAt(sql, end)) end += width;
      return this.take('identifier', end);
    }
    const multi = MULTI_CHAR_OPERATORS.find((op) => sql.startsWith(op, pos));
    return this.take('operator', pos + (multi?.length ?? characterAt(sql, pos).length));
  }

  private take(kind: TokenKind, end: number, unterminated = false): Token {
    const text = this.sql.slice(this.pos, end);
    const token: Token = { kind, text, start: this.pos, end, line: this.line, column: this.column };
    if (unterminated) token.unterminated = true;
    const lastNewline = text.lastIndexOf('\n');
    if (lastNewline === -1) {
      this.column += codePoints(text);
    } else {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.line += 1;
      this.column = 1 + codePoints(text.slice(lastNewline + 1));
    }
    this.pos = end;
    return token;
  }
}

/** End offset of a '…' string starting at `start` ('' and backslash escapes), or null. */
function scanSingleQuoted(sql: string, start: number): number | null {
  // indexOf jumps over the text between quotes and backslashes, which can be megabytes of literal.
  let i = start + 1;
  let backslash = sql.indexOf('\\', i);
  for (;;) {
    const quote = sql.indexOf("'", i);
    if (quote === -1) return null;
    if (backslash !== -1 && backslash < quote) {
      i = backslash + 2;
      backslash = sql.indexOf('\\', i);
    } else if (sql[quote + 1] === "'") {
      i = quote + 2;
    } else {
      return quote + 1;
    }
  }
}

/** End offset of a "…" identifier starting at `start` ("" escapes a quote), or null. */
function scanDoubleQuoted(sql: string, start: number): number | null {
  let i = start + 1;
  for (;;) {
    const quote = sql.indexOf('"', i);
    if (quote === -1) return null;
    if (sql[quote + 1] !== '"') return quote + 1;
    i = quote + 2;
  }
}

function scanNumber(sql: string, start: number): number {
  let i = start;
  while (i < sql.length && isDigit(sql.charCodeAt(i))) i += 1;
  if (sql[i] === '.') {
    i += 1;
    while (i < sql.length && isDigit(sql.charCodeAt(i))) i += 1;
  }
  if ((sql[i] === 'e' || sql[i] === 'E') && /^[+-]?[0-9]/.test(sql.slice(i + 1, i + 3))) {
    i += sql[i + 1] === '+' || sql[i + 1] === '-' ? 2 : 1;
    while (i < sql.length && isDigit(sql.charCodeAt(i))) i += 1;
  }
  return i;
}

/** Tokens that carry meaning: everything except whitespace and comments. */
export function isTrivia(token: Token): boolean {
  return token.kind === 'whitespace' || token.kind === 'line_comment' || token.kind === 'block_comment';
}

/** True when `token` is the keyword or unquoted identifier `word` (case-insensitive). */
export function isWord(token: Token | undefined, word: string): boolean {
  // Lengths first: dialect transforms ask this of every token of a statement.
  return token?.kind === 'identifier' && token.text.length === word.length && token.text.toUpperCase() === word.toUpperCase();
}

/** True when `token` is the operator or punctuation `symbol`. */
export function isSymbol(token: Token | undefined, symbol: string): boolean {
  return token?.kind === 'operator' && token.text === symbol;
}

/** The first `count` tokens that are not whitespace or comments, lexing no further than that. */
export function leadingTokens(sql: string, count: number): Token[] {
  const tokens: Token[] = [];
  for (const token of tokenStream(sql)) {
    if (isTrivia(token)) continue;
    tokens.push(token);
    if (tokens.length === count) break;
  }
  return tokens;
}
