/**
 * `FROM DUAL`: Snowflake accepts the one-row table of other databases for SELECTs that read no
 * table (`SELECT 1 FROM DUAL`). DuckDB has none, so DUAL becomes a one-row subquery. Only the
 * unquoted, unqualified name: `"DUAL"` and `s.DUAL` name tables of the user's own.
 * https://docs.snowflake.com/en/sql-reference/constructs/from
 */
import { isSymbol, isWord } from '@/lib/domain/sql/lexer';
import { applyEdits, significantTokens, type Edit } from './tokens';

export function fromDual(sql: string): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  tokens.forEach((token, i) => {
    const named = isWord(token, 'DUAL') && (isWord(tokens[i - 1], 'FROM') || isWord(tokens[i - 1], 'JOIN') || isSymbol(tokens[i - 1], ','));
    if (named && !isSymbol(tokens[i + 1], '.') && !isSymbol(tokens[i + 1], '(')) {
      edits.push({ start: token.start, end: token.end, text: '(SELECT 1 AS DUMMY) AS DUAL' });
    }
  });
  return applyEdits(sql, edits);
}
