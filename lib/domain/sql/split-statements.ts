/**
 * Splits a script into statements at top-level semicolons, the way Snowflake's worksheets and
 * SnowSQL do. Semicolons inside strings, $$…$$ bodies, quoted identifiers and comments do not
 * split. Pure: the dashboard's editor imports it in the browser.
 */
import { isSymbol, isTrivia, lex, type Token } from './lexer';

export interface SplitStatement {
  /** The statement without surrounding whitespace or its terminating semicolon. */
  sql: string;
  /** 1-based position of the statement's first character in the script. */
  line: number;
  column: number;
}

export function splitStatements(text: string): SplitStatement[] {
  const statements: SplitStatement[] = [];
  let piece: Token[] = [];

  const flush = () => {
    // Comment-only pieces are dropped; comments inside a statement are kept.
    if (piece.some((token) => !isTrivia(token))) {
      const first = piece.find((token) => token.kind !== 'whitespace') as Token;
      const last = piece.findLast((token) => token.kind !== 'whitespace') as Token;
      statements.push({ sql: text.slice(first.start, last.end), line: first.line, column: first.column });
    }
    piece = [];
  };

  for (const token of lex(text)) {
    if (isSymbol(token, ';')) flush();
    else piece.push(token);
  }
  flush();
  return statements;
}
