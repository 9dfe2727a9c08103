/**
 * `$1`, `$2` …: a column by its position in the FROM clause's columns (`SELECT $1, $2 FROM
 * VALUES (…)`), in any expression. DuckDB writes the same reference `#1`; its `$1` is a
 * prepared statement's parameter. A qualified reference (`t.$1`) has no DuckDB form.
 * https://docs.snowflake.com/en/sql-reference/sql/select (column position)
 */
import { isSymbol } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { applyEdits, significantTokens, type Edit } from './tokens';

const POSITION = /^\$\d+$/;

export function positionalColumns(sql: string): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  tokens.forEach((token, i) => {
    if (token.kind !== 'identifier' || !POSITION.test(token.text)) return;
    if (isSymbol(tokens[i - 1], '.')) {
      throw new SnowflakeQueryError(snowflakeErrors.unsupported('a qualified column position (<table>.$<n>)'));
    }
    edits.push({ start: token.start, end: token.end, text: `#${token.text.slice(1)}` });
  });
  return applyEdits(sql, edits);
}
