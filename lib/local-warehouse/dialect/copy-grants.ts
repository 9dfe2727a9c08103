/**
 * `COPY GRANTS` on CREATE [ OR REPLACE ] TABLE / VIEW keeps the privileges of the object
 * replaced. The local warehouse has no privileges to keep, so the clause is accepted and
 * dropped; DuckDB would refuse it as a syntax error.
 * https://docs.snowflake.com/en/sql-reference/sql/create-table (COPY GRANTS)
 */
import { isWord } from '@/lib/domain/sql/lexer';
import { applyEdits, significantTokens, type Edit } from './tokens';

export function dropCopyGrants(sql: string): string {
  const tokens = significantTokens(sql);
  if (!isWord(tokens[0], 'CREATE')) return sql;
  const edits: Edit[] = [];
  tokens.forEach((token, i) => {
    if (isWord(token, 'COPY') && isWord(tokens[i + 1], 'GRANTS')) edits.push({ start: token.start, end: tokens[i + 1].end, text: '' });
  });
  return applyEdits(sql, edits);
}
