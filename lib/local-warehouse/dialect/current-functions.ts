/**
 * Snowflake lets the current-time functions take empty parentheses (`CURRENT_TIMESTAMP()`);
 * DuckDB only accepts the bare keyword. The parentheses are dropped.
 */
import { isSymbol, isWord } from '@/lib/domain/sql/lexer';
import { applyEdits, significantTokens } from './tokens';

const NILADIC = ['CURRENT_TIMESTAMP', 'CURRENT_DATE', 'CURRENT_TIME', 'LOCALTIMESTAMP', 'LOCALTIME'];

export function dropEmptyParentheses(sql: string): string {
  const tokens = significantTokens(sql);
  const edits = tokens.flatMap((token, i) =>
    NILADIC.some((name) => isWord(token, name)) && isSymbol(tokens[i + 1], '(') && isSymbol(tokens[i + 2], ')')
      ? [{ start: token.end, end: tokens[i + 2].end, text: '' }]
      : [],
  );
  return applyEdits(sql, edits);
}
