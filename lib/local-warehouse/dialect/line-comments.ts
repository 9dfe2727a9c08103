/**
 * Snowflake accepts `//` line comments; DuckDB reads `//` as integer division. Each `//`
 * comment becomes a `--` comment of the same length, so offsets (and error positions) hold.
 */
import { lex } from '@/lib/domain/sql/lexer';
import { applyEdits } from './tokens';

export function slashCommentsToDashes(sql: string): string {
  const edits = lex(sql)
    .filter((token) => token.kind === 'line_comment' && token.text.startsWith('//'))
    .map((token) => ({ start: token.start, end: token.start + 2, text: '--' }));
  return applyEdits(sql, edits);
}
