/**
 * `MINUS`, Snowflake's synonym of the EXCEPT set operator (rows of the first query not returned by
 * the second, duplicates eliminated), which DuckDB does not know. MINUS is a reserved word in
 * Snowflake, so an unquoted MINUS that is not part of a qualified name is always the operator.
 * https://docs.snowflake.com/en/sql-reference/operators-query#minus-except
 */
import { isSymbol, isWord } from '@/lib/domain/sql/lexer';
import { applyEdits, significantTokens, type Edit } from './tokens';

export function minusOperator(sql: string): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  tokens.forEach((token, i) => {
    if (isWord(token, 'MINUS') && !isSymbol(tokens[i - 1], '.') && !isSymbol(tokens[i + 1], '.')) {
      edits.push({ start: token.start, end: token.end, text: 'EXCEPT' });
    }
  });
  return applyEdits(sql, edits);
}
