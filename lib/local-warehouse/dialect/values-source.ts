/**
 * VALUES as a FROM item: `FROM VALUES (1, 'a'), (2, 'b') [ [ AS ] <alias> [ ( <cols> ) ] ]`,
 * with or without parentheses around it. Snowflake names the columns COLUMN1, COLUMN2 … unless
 * the alias gives names; DuckDB wants the parentheses and names them col0, col1 …. So the list
 * is parenthesised and given an alias with Snowflake's column names when it has none.
 * https://docs.snowflake.com/en/sql-reference/constructs/values
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { applyEdits, closingParen, significantTokens, splitTopLevel, type Edit } from './tokens';

/** Words that follow a FROM item and so are no alias. */
const NOT_ALIASES = new Set([
  'WHERE', 'GROUP', 'HAVING', 'QUALIFY', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'EXCEPT', 'INTERSECT', 'MINUS',
  'WINDOW', 'JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'NATURAL', 'ASOF', 'ON', 'USING', 'PIVOT', 'UNPIVOT',
  'SAMPLE', 'TABLESAMPLE', 'LATERAL', 'WHEN', 'MATCH_RECOGNIZE', 'CHANGES', 'AT', 'BEFORE',
]);

const isAlias = (token: Token | undefined) =>
  token?.kind === 'quoted_identifier' || (token?.kind === 'identifier' && !NOT_ALIASES.has(token.text.toUpperCase()));

const FROM_WORDS = ['FROM', 'JOIN', 'USING'];

/** Index of the last row's closing parenthesis of the rows starting at tokens[open], or -1. */
function rowsEnd(tokens: Token[], open: number): number {
  let close = closingParen(tokens, open);
  while (close !== -1 && isSymbol(tokens[close + 1], ',') && isSymbol(tokens[close + 2], '(')) close = closingParen(tokens, close + 2);
  return close;
}

export function valuesSources(sql: string): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  let sources = 0;
  tokens.forEach((token, i) => {
    if (!isWord(token, 'VALUES') || !isSymbol(tokens[i + 1], '(')) return;
    const parenthesised = isSymbol(tokens[i - 1], '(') && FROM_WORDS.some((word) => isWord(tokens[i - 2], word));
    if (!parenthesised && !FROM_WORDS.some((word) => isWord(tokens[i - 1], word))) return;
    const last = rowsEnd(tokens, i + 1);
    if (last === -1 || (parenthesised && !isSymbol(tokens[last + 1], ')'))) return;
    const width = splitTopLevel(tokens, i + 2, closingParen(tokens, i + 1)).length;
    const names = `(${Array.from({ length: width }, (_, k) => `COLUMN${k + 1}`).join(', ')})`;
    let at = parenthesised ? last + 2 : last + 1;
    // The closing parenthesis and a missing alias go in as one edit, in that order.
    let close = parenthesised ? '' : ')';
    if (!parenthesised) edits.push({ start: token.start, end: token.start, text: '(' });
    const as = isWord(tokens[at], 'AS');
    if (as) at += 1;
    if (!isAlias(tokens[at])) {
      // Named apart, so two lists in one query do not clash.
      sources += 1;
      if (!as) close += ` AS SF_VALUES_${sources}${names}`;
    } else if (!isSymbol(tokens[at + 1], '(')) {
      // An alias without its own column names takes Snowflake's.
      edits.push({ start: tokens[at].end, end: tokens[at].end, text: names });
    }
    const after = tokens[parenthesised ? last + 1 : last].end;
    if (close) edits.push({ start: after, end: after, text: close });
  });
  return applyEdits(sql, edits);
}
