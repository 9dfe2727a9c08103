/**
 * The token cursor the Snowflake Scripting parser reads a block with. It wraps `SqlReader` (the
 * statement parsers' cursor, whose syntax errors already carry Snowflake's code, SQL state and
 * `syntax error line N at position P unexpected 'X'.` wording) and adds what a block needs:
 * expressions read up to a keyword, embedded SQL statements read up to their `;`, parenthesised
 * queries, and `:=`, which the lexer gives as two tokens. Pure.
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/blocks
 */
import { isSymbol, isWord, type Token } from '../sql/lexer';
import { SqlReader, SqlStatementError } from '../sql/sql-reader';
import { isPlainIdentifier } from '../sql/literals';
import type { Expression, Position, SqlText } from './ast';

/**
 * A SQL `CASE … END` expression inside an expression may hold the words that end it; any other
 * END ends it, so that a missing `;` is reported at the END that follows.
 */
const OPENS_CASE = 'CASE';
const CLOSES_CASE = 'END';

export class ScriptReader {
  private readonly reader: SqlReader;

  constructor(readonly text: string) {
    this.reader = new SqlReader(text);
  }

  peek(offset = 0): Token | undefined {
    return this.reader.peek(offset);
  }

  next(): Token | undefined {
    return this.reader.next();
  }

  atEnd(): boolean {
    return this.reader.atEnd();
  }

  /** True when the next tokens are these words, in order. */
  isWords(...words: string[]): boolean {
    return this.reader.isWords(...words);
  }

  /** True when the next token is one of `words`. */
  isAnyWord(words: readonly string[]): boolean {
    const token = this.peek();
    return words.some((word) => isWord(token, word));
  }

  acceptWord(word: string): Token | null {
    return isWord(this.peek(), word) ? (this.next() as Token) : null;
  }

  expectWord(word: string, hint: string): Token {
    return this.acceptWord(word) ?? this.fail(this.peek(), hint);
  }

  /** The next word if it is one of `words`, upper-cased, or a syntax error. */
  expectOneOf(words: readonly string[], hint: string): string {
    const token = this.peek();
    const found = words.find((word) => isWord(token, word));
    if (!found) this.fail(token, hint);
    this.next();
    return found;
  }

  acceptSymbol(symbol: string): Token | null {
    return this.reader.acceptSymbol(symbol);
  }

  expectSymbol(symbol: string, hint: string): Token {
    return this.reader.expectSymbol(symbol, hint);
  }

  /** `;` after a statement or declaration. */
  expectSemicolon(): void {
    this.expectSymbol(';', "Expected ';' to end the statement.");
  }

  /** A name (variable, cursor, label…) resolved as Snowflake resolves identifiers; reserved words need quotes. */
  expectName(hint: string): string {
    const token = this.peek();
    if (token?.kind === 'identifier' && isReserved(token.text.toUpperCase())) this.fail(token, hint);
    return this.reader.expectIdentifier(hint).name;
  }

  /** True when the tokens at `offset` are `:=` (the lexer gives `:` and `=`). */
  isAssignment(offset = 0): boolean {
    const colon = this.peek(offset);
    const equals = this.peek(offset + 1);
    return isSymbol(colon, ':') && isSymbol(equals, '=') && colon?.end === equals?.start;
  }

  acceptAssignment(): boolean {
    if (!this.isAssignment()) return false;
    this.next();
    this.next();
    return true;
  }

  /** `DEFAULT` or `:=` before a value. */
  expectAssignmentOrDefault(hint: string): void {
    if (!this.acceptWord('DEFAULT') && !this.acceptAssignment()) this.fail(this.peek(), hint);
  }

  at(token: Token): Position {
    return { line: token.line, column: token.column };
  }

  /** Where the next token starts (the end of the text when there is none). */
  here(): Position {
    const token = this.peek();
    if (token) return this.at(token);
    const lines = this.text.split('\n');
    return { line: lines.length, column: [...(lines.at(-1) as string)].length + 1 };
  }

  /**
   * An expression up to (not including) the first of `stopWords` or a `;` outside parentheses
   * and outside SQL `CASE … END` expressions, which may hold the same words.
   */
  expressionUntil(stopWords: readonly string[], hint: string, stopSymbols: readonly string[] = []): Expression {
    let depth = 0;
    let cases = 0;
    const first = this.peek();
    let last: Token | undefined;
    for (let token = this.peek(); token; token = this.peek()) {
      const stops =
        isSymbol(token, ';') || isWord(token, CLOSES_CASE) || stopWords.some((word) => isWord(token, word)) || stopSymbols.some((symbol) => isSymbol(token, symbol));
      if (depth === 0 && cases === 0 && stops) break;
      if (isSymbol(token, '(') || isSymbol(token, '[')) depth += 1;
      else if (isSymbol(token, ')') || isSymbol(token, ']')) depth -= 1;
      else if (depth === 0 && isWord(token, OPENS_CASE)) cases += 1;
      else if (depth === 0 && isWord(token, CLOSES_CASE) && cases > 0) cases -= 1;
      if (depth < 0) this.fail(token, hint);
      last = this.next();
    }
    if (!first || !last) this.fail(this.peek(), hint);
    return { sql: this.slice(first, last), at: this.at(first) };
  }

  /** An embedded SQL statement: everything up to (not including) its `;`. */
  sqlStatement(hint: string): SqlText {
    return this.sqlStatementTokens(hint).sql;
  }

  /**
   * An embedded SQL statement and its significant tokens, for callers that look inside. An END
   * that closes no CASE ends it, like `;`, so that a missing `;` is reported there.
   */
  sqlStatementTokens(hint: string): { sql: SqlText; tokens: Token[] } {
    const tokens: Token[] = [];
    let cases = 0;
    for (let token = this.peek(); token && !isSymbol(token, ';'); token = this.peek()) {
      if (isWord(token, OPENS_CASE)) cases += 1;
      else if (isWord(token, CLOSES_CASE)) {
        if (cases === 0) break;
        cases -= 1;
      }
      tokens.push(this.next() as Token);
    }
    const [first, last] = [tokens[0], tokens.at(-1)];
    if (!first || !last) this.fail(this.peek(), hint);
    return { sql: { sql: this.slice(first, last), at: this.at(first) }, tokens };
  }

  /** `( <query> )`: the query inside the parentheses. */
  parenthesized(hint: string): SqlText {
    this.expectSymbol('(', hint);
    const first = this.peek();
    if (!first || isSymbol(first, ')')) this.fail(first, hint);
    let depth = 1;
    let last = first;
    for (let token = this.peek(); ; token = this.peek()) {
      if (!token) this.fail(token, "Expected ')' to close the '(' before it.");
      if (isSymbol(token, '(')) depth += 1;
      if (isSymbol(token, ')')) depth -= 1;
      if (depth === 0) break;
      last = this.next() as Token;
    }
    this.next();
    return { sql: this.slice(first, last), at: this.at(first) };
  }

  slice(first: Token, last: Token): string {
    return this.text.slice(first.start, last.end);
  }

  fail(token: Token | undefined, hint: string): never {
    return this.reader.fail(token, hint);
  }

  /**
   * A construct Snowflake has and the local warehouse does not run: Snowflake's `000002`,
   * worded as the engine words it (lib/local-warehouse/engine/snowflake-errors.ts).
   */
  unsupported(token: Token, feature: string): never {
    const message = `Unsupported feature '${feature}' in the local warehouse.`;
    throw new SqlStatementError({ code: '000002', sqlState: '0A000', message }, token.line, token.column - 1);
  }
}

/** True for Snowflake's reserved keywords (THEN, WHEN, FROM…), which are names only when quoted. */
function isReserved(word: string): boolean {
  return /^[A-Z_][A-Z0-9_$]*$/.test(word) && !isPlainIdentifier(word);
}
