/**
 * A cursor over a statement's significant tokens for the statement parsers (SPCS, tasks), and the error they throw.
 * Errors carry Snowflake's code, SQL state and message shape (`syntax error line 1 at position 42
 * unexpected 'X'.`), so the local warehouse reports them as Snowflake would and the dashboard
 * can show the same text before anything is submitted. Pure: runs in the browser too.
 */
import { isSymbol, isTrivia, isWord, lex, tokenStream, type Token } from './lexer';
import { identifierName, identifierTooLong, stringValue } from './literals';

/** Same shape as the engine's SnowflakeError, so the engine can rethrow it unchanged. */
export interface SqlErrorDetail {
  code: string;
  sqlState: string;
  message: string;
}

export class SqlStatementError extends Error {
  constructor(
    readonly snowflake: SqlErrorDetail,
    /** 1-based line and 0-based position (Snowflake's convention) of the offending token. */
    readonly line: number,
    readonly position: number,
  ) {
    super(snowflake.message);
    this.name = 'SqlStatementError';
  }
}

/** `[db.][schema.]name`, each part resolved as Snowflake resolves identifiers. */
export interface ObjectName {
  database: string | null;
  schema: string | null;
  name: string;
}

const COMPILATION = 'SQL compilation error:';

/** True when the statement's first words are `words`; never throws, even on unfinished SQL. */
export function startsWithWords(sql: string, ...words: string[]): boolean {
  const tokens: Token[] = [];
  for (const token of tokenStream(sql)) {
    if (!isTrivia(token)) tokens.push(token);
    if (tokens.length === words.length) break;
  }
  return words.every((word, i) => isWord(tokens[i], word));
}

export class SqlReader {
  private readonly tokens: Token[];
  private index = 0;

  constructor(private readonly sql: string) {
    this.tokens = lex(sql).filter((token) => !isTrivia(token));
    const last = this.tokens.at(-1);
    if (isSymbol(last, ';')) this.tokens.pop();
    const unterminated = this.tokens.find((token) => token.unterminated);
    if (unterminated) this.fail(unterminated, `The ${describeKind(unterminated)} starting here is not closed.`);
  }

  peek(offset = 0): Token | undefined {
    return this.tokens[this.index + offset];
  }

  atEnd(): boolean {
    return this.index >= this.tokens.length;
  }

  next(): Token | undefined {
    const token = this.tokens[this.index];
    if (token) this.index += 1;
    return token;
  }

  /** Steps over tokens the caller has already recognised. */
  skip(count: number): void {
    this.index = Math.min(this.index + count, this.tokens.length);
  }

  /** True when the next tokens are these words, in order. */
  isWords(...words: string[]): boolean {
    return words.every((word, i) => isWord(this.peek(i), word));
  }

  acceptWords(...words: string[]): boolean {
    if (!this.isWords(...words)) return false;
    this.index += words.length;
    return true;
  }

  expectWords(hint: string, ...words: string[]): Token {
    const first = this.peek();
    for (const word of words) {
      if (!isWord(this.peek(), word)) this.fail(this.peek(), hint);
      this.index += 1;
    }
    return first as Token;
  }

  acceptSymbol(symbol: string): Token | null {
    if (!isSymbol(this.peek(), symbol)) return null;
    return this.next() as Token;
  }

  expectSymbol(symbol: string, hint: string): Token {
    return this.acceptSymbol(symbol) ?? this.fail(this.peek(), hint);
  }

  /** `=` after a property name. */
  expectEquals(property: string): void {
    this.expectSymbol('=', `Expected '=' after ${property}.`);
  }

  expectIdentifier(hint: string): { token: Token; name: string } {
    const token = this.peek();
    if (token?.kind !== 'identifier' && token?.kind !== 'quoted_identifier') this.fail(token, hint);
    const name = identifierName(token);
    if (name === '') this.invalid(token, 'A name cannot be empty ("").');
    const tooLong = identifierTooLong(name);
    if (tooLong) this.invalid(token, tooLong);
    this.index += 1;
    return { token, name };
  }

  /** `[db.][schema.]name`; `quoted` false refuses "quoted" parts (job names cannot be quoted). */
  expectObjectName(hint: string, quoted = true): { token: Token; name: ObjectName } {
    const parts: { token: Token; name: string }[] = [this.expectIdentifier(hint)];
    while (parts.length < 3 && isSymbol(this.peek(), '.')) {
      this.index += 1;
      parts.push(this.expectIdentifier(hint));
    }
    const quotedPart = parts.find((part) => part.token.kind === 'quoted_identifier');
    if (!quoted && quotedPart) this.fail(quotedPart.token, 'Quoted names are not supported here.');
    const [name, schema, database] = parts.map((part) => part.name).reverse();
    return { token: parts[0].token, name: { database: database ?? null, schema: schema ?? null, name } };
  }

  expectString(hint: string): { token: Token; value: string } {
    const token = this.peek();
    const value = stringValue(token);
    if (value === null) this.fail(token, hint);
    this.index += 1;
    return { token: token as Token, value };
  }

  /** An integer, with an optional minus sign so that a negative value gets a range error. */
  expectInteger(property: string): { token: Token; value: number } {
    const minus = this.acceptSymbol('-');
    const token = this.peek();
    if (token?.kind !== 'number' || !/^[0-9]+$/.test(token.text)) {
      this.fail(token, `${property} takes a whole number.`);
    }
    this.index += 1;
    return { token: minus ?? token, value: (minus ? -1 : 1) * Number(token.text) };
  }

  expectBoolean(property: string): boolean {
    const token = this.peek();
    if (!isWord(token, 'TRUE') && !isWord(token, 'FALSE')) this.fail(token, `${property} takes TRUE or FALSE.`);
    this.index += 1;
    return isWord(token, 'TRUE');
  }

  /**
   * The text of the tokens written without a gap from `after` on, such as a stage reference
   * `@db.schema.stage/path` that the lexer splits into several tokens.
   */
  readAdjacent(after: Token, hint: string): string {
    let end = after.end;
    const first = this.peek();
    while (this.peek()?.start === end) end = (this.next() as Token).end;
    if (end === after.end) this.fail(first, hint);
    return this.sql.slice(after.end, end);
  }

  /** Fails unless the statement ends here. */
  expectEnd(hint: string): void {
    if (!this.atEnd()) this.fail(this.peek(), hint);
  }

  /** A syntax error at `token` (or at the end of the statement), with a hint on a second line. */
  fail(token: Token | undefined, hint: string): never {
    const { line, position } = this.where(token);
    const unexpected = token ? token.text : '<EOF>';
    const message = `${COMPILATION}\nsyntax error line ${line} at position ${position} unexpected '${unexpected}'.\n${hint}`;
    throw new SqlStatementError({ code: '001003', sqlState: '42000', message }, line, position);
  }

  /** A well-formed statement with a value Snowflake refuses. */
  invalid(token: Token, detail: string): never {
    const { line, position } = this.where(token);
    const message = `${COMPILATION}\n${detail} (line ${line} at position ${position})`;
    throw new SqlStatementError({ code: '002000', sqlState: '42000', message }, line, position);
  }

  private where(token: Token | undefined): { line: number; position: number } {
    if (token) return { line: token.line, position: token.column - 1 };
    // At the end of input, Snowflake points just past the last character.
    let line = 1;
    let position = 0;
    for (const ch of this.sql) {
      if (ch === '\n') {
        line += 1;
        position = 0;
      } else {
        position += 1;
      }
    }
    return { line, position };
  }
}

function describeKind(token: Token): string {
  if (token.kind === 'dollar_string') return '$$ string';
  if (token.kind === 'quoted_identifier') return 'quoted identifier';
  return 'string';
}
