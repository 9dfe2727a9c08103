/**
 * Reads the statements the engine answers itself (databases, schemas, warehouses, USE, ALTER
 * SESSION) token by token, failing with Snowflake's syntax error at the first token it cannot
 * take. Names come out as Snowflake resolves them: unquoted upper-cased, quoted verbatim.
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { identifierName, significantTokens, stringValue } from './tokens';

export class StatementCursor {
  private i = 0;
  private readonly tokens: Token[];

  constructor(sql: string) {
    this.tokens = significantTokens(sql);
  }

  /** Consumes the words if they come next, in order. */
  accept(...words: string[]): boolean {
    if (!words.every((word, k) => isWord(this.tokens[this.i + k], word))) return false;
    this.i += words.length;
    return true;
  }

  /** Consumes the symbol if it comes next. */
  acceptSymbol(symbol: string): boolean {
    if (!isSymbol(this.tokens[this.i], symbol)) return false;
    this.i += 1;
    return true;
  }

  expectSymbol(symbol: string): void {
    if (!this.acceptSymbol(symbol)) throw this.unexpected();
  }

  name(): string {
    const token = this.tokens[this.i];
    if (token?.kind !== 'identifier' && token?.kind !== 'quoted_identifier') throw this.unexpected();
    this.i += 1;
    return identifierName(token);
  }

  /** `a` or `a.b`. */
  dottedName(): string[] {
    const parts = [this.name()];
    while (isSymbol(this.tokens[this.i], '.') && parts.length < 2) {
      this.i += 1;
      parts.push(this.name());
    }
    return parts;
  }

  string(): string {
    const value = stringValue(this.tokens[this.i]);
    if (value === null) throw this.unexpected();
    this.i += 1;
    return value;
  }

  /** A whole number, as written (no sign). */
  wholeNumber(): number {
    const token = this.tokens[this.i];
    if (token?.kind !== 'number' || !/^[0-9]+$/.test(token.text)) throw this.unexpected();
    this.i += 1;
    return Number(token.text);
  }

  /** An unquoted word or a string, upper-cased: property values such as `XSMALL` or `'X-Small'`. */
  keywordOrString(): string {
    const token = this.tokens[this.i];
    if (token?.kind === 'identifier') {
      this.i += 1;
      return token.text.toUpperCase();
    }
    return this.string().toUpperCase();
  }

  /** `[COMMENT = '…']`. */
  comment(): string | null {
    if (!this.accept('COMMENT')) return null;
    this.expectSymbol('=');
    return this.string();
  }

  like(): string | null {
    return this.accept('LIKE') ? this.string() : null;
  }

  atEnd(): boolean {
    return this.i >= this.tokens.length || (isSymbol(this.tokens[this.i], ';') && this.i === this.tokens.length - 1);
  }

  end(): void {
    if (isSymbol(this.tokens[this.i], ';')) this.i += 1;
    if (this.i < this.tokens.length) throw this.unexpected();
  }

  /** Snowflake's syntax error at the next token (or at the end of the statement). */
  unexpected(): SnowflakeQueryError {
    const token = this.tokens[this.i];
    const last = this.tokens[this.tokens.length - 1];
    return new SnowflakeQueryError(
      token
        ? snowflakeErrors.syntax(token.line, token.column - 1, token.text)
        : snowflakeErrors.syntax(last?.line ?? 1, last ? last.column - 1 + last.text.length : 0, '<EOF>'),
    );
  }
}
