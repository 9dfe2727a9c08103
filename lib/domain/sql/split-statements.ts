/**
 * Splits a script into statements at top-level semicolons, the way Snowflake's worksheets and
 * SnowSQL do. Semicolons inside strings, $$…$$ bodies, quoted identifiers and comments do not
 * split, nor do those inside a Snowflake Scripting block (`[DECLARE …] BEGIN … END;`, or a
 * `CREATE PROCEDURE … AS BEGIN … END;` body without $$), which is one statement; `BEGIN;` and
 * `BEGIN TRANSACTION;` are transaction statements. Pure: the dashboard's editor imports it in
 * the browser.
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/blocks
 */
import { BlockExtent } from '../scripting/block-extent';
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
  const tokens = lex(text);
  const extent = new BlockExtent();
  let piece: Token[] = [];

  const flush = () => {
    // Comment-only pieces are dropped; comments inside a statement are kept.
    if (piece.some((token) => !isTrivia(token))) {
      const first = piece.find((token) => token.kind !== 'whitespace') as Token;
      const last = piece.findLast((token) => token.kind !== 'whitespace') as Token;
      statements.push({ sql: text.slice(first.start, last.end), line: first.line, column: first.column });
    }
    piece = [];
    extent.reset();
  };

  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (isTrivia(token)) {
      piece.push(token);
      continue;
    }
    if (isSymbol(token, ';') && extent.endsAtSemicolon()) {
      flush();
      continue;
    }
    const next = nextSignificant(tokens, i + 1);
    extent.take(token, next === -1 ? undefined : tokens[next]);
    piece.push(token);
  }
  flush();
  return statements;
}

/** Index of the first token from `from` on that is not whitespace or a comment, or -1. */
function nextSignificant(tokens: Token[], from: number): number {
  for (let i = from; i < tokens.length; i += 1) if (!isTrivia(tokens[i])) return i;
  return -1;
}
