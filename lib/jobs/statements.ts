/**
 * The statements of a launch, split the way Snowflake's worksheets split them, refused with a
 * message naming the place when they cannot run as written.
 */
import { MAX_STATEMENTS_PER_BATCH } from '@/lib/domain/launch-input';
import { lex, type TokenKind } from '@/lib/domain/sql/lexer';
import { splitStatements } from '@/lib/domain/sql/split-statements';
import { InputError } from '@/lib/errors/request-errors';

const UNTERMINATED: Partial<Record<TokenKind, string>> = {
  string: 'a string that is never closed (missing \')',
  dollar_string: 'a $$ block that is never closed',
  quoted_identifier: 'a quoted identifier that is never closed (missing ")',
  block_comment: 'a comment that is never closed (missing */)',
};

export function statementsOf(sql: string): string[] {
  const statements = splitStatements(sql);
  if (statements.length === 0) throw new InputError('sql', 'Write at least one SQL statement; this has only comments or semicolons.');
  if (statements.length > MAX_STATEMENTS_PER_BATCH) {
    throw new InputError('sql', `A launch holds at most ${MAX_STATEMENTS_PER_BATCH} statements; this has ${statements.length}. Split it into several launches.`);
  }
  for (const [index, statement] of statements.entries()) {
    const open = lex(statement.sql).find((token) => token.unterminated);
    if (!open) continue;
    const line = statement.line + open.line - 1;
    const column = open.line === 1 ? statement.column + open.column - 1 : open.column;
    throw new InputError('sql', `Statement ${index + 1} has ${UNTERMINATED[open.kind] ?? 'text that is never closed'}, starting at line ${line}, column ${column}.`);
  }
  return statements.map((statement) => statement.sql);
}
