/**
 * Snowflake's default NULL ordering: with DEFAULT_NULL_ORDERING at its default (LAST), NULLs sort
 * as higher than every value, so they come last in an ascending sort and FIRST in a descending
 * one. DuckDB puts them last both ways, so each `DESC` sort key that does not say NULLS FIRST or
 * NULLS LAST gets `NULLS FIRST` written out: in a query's ORDER BY, in a window's, in WITHIN
 * GROUP's. Only the user's statement is rewritten, never the SQL the function macros generate.
 * https://docs.snowflake.com/en/sql-reference/constructs/order-by
 * https://docs.snowflake.com/en/sql-reference/parameters#default-null-ordering
 */
import { isSymbol, isWord } from '@/lib/domain/sql/lexer';
import { applyEdits, significantTokens, type Edit } from './tokens';

/** Words that end an ORDER BY list at its own level of parentheses. */
const AFTER_ORDER_BY = ['LIMIT', 'OFFSET', 'FETCH', 'ROWS', 'RANGE', 'GROUPS', 'UNION', 'EXCEPT', 'MINUS', 'INTERSECT'];

export function snowflakeNullOrdering(sql: string): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  // One flag per open parenthesis (and the statement's own level): inside an ORDER BY list?
  const ordering: boolean[] = [false];
  tokens.forEach((token, i) => {
    const depth = ordering.length - 1;
    if (isSymbol(token, '(')) ordering.push(false);
    else if (isSymbol(token, ')')) {
      if (depth > 0) ordering.pop();
    } else if (isWord(token, 'ORDER') && isWord(tokens[i + 1], 'BY')) ordering[depth] = true;
    else if (AFTER_ORDER_BY.some((word) => isWord(token, word))) ordering[depth] = false;
    else if (ordering[depth] && isWord(token, 'DESC') && !isWord(tokens[i + 1], 'NULLS')) {
      edits.push({ start: token.end, end: token.end, text: ' NULLS FIRST' });
    }
  });
  return applyEdits(sql, edits);
}
