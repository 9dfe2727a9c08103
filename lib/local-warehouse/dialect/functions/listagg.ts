/**
 * LISTAGG([DISTINCT] expr [, delimiter]) [WITHIN GROUP (ORDER BY …)] [OVER (PARTITION BY …)]:
 * DuckDB's LISTAGG takes the order inside its parentheses, defaults to a comma and answers NULL
 * for no rows; Snowflake's delimiter defaults to '' and no rows (or only NULLs) give ''. So
 * `LISTAGG(x, d) WITHIN GROUP (ORDER BY o)` becomes `COALESCE(LISTAGG(x, d ORDER BY o), '')`,
 * with the window clause, when there is one, inside the COALESCE.
 * https://docs.snowflake.com/en/sql-reference/functions/listagg
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../../engine/snowflake-errors';
import { applyEdits, closingParen, significantTokens, sourceOf, splitTopLevel, type Edit } from '../tokens';
import { callSites, windowClause, type CallSite } from './call-sites';

export function listagg(sql: string): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  let after = -1;
  for (const site of callSites(tokens, ['LISTAGG'])) {
    // An aggregate's arguments hold no aggregate, so a LISTAGG inside one already rewritten is none to find.
    if (site.name < after) continue;
    const edit = listaggEdit(sql, tokens, site);
    edits.push(edit.edit);
    after = edit.endIndex;
  }
  return applyEdits(sql, edits);
}

function listaggEdit(sql: string, tokens: Token[], site: CallSite): { edit: Edit; endIndex: number } {
  const args = site.args.map(([from, to]) => sourceOf(sql, tokens, from, to));
  const delimiter = args[1] ?? "''";
  let end = site.close;
  let order = '';
  if (isWord(tokens[end + 1], 'WITHIN') && isWord(tokens[end + 2], 'GROUP') && isSymbol(tokens[end + 3], '(')) {
    const close = closingParen(tokens, end + 3);
    order = ` ${sourceOf(sql, tokens, end + 4, close)}`;
    refuseOtherDistinctOrder(sql, tokens, site, end + 4, close);
    end = close;
  }
  const window = windowClause(tokens, end + 1);
  const over = window ? ` ${sourceOf(sql, tokens, window.over, window.close + 1)}` : '';
  if (window) end = window.close;
  return {
    edit: {
      start: tokens[site.name].start,
      end: tokens[end].end,
      text: `COALESCE(LISTAGG(${args[0] ?? ''}, ${delimiter}${order})${over}, '')`,
    },
    endIndex: end,
  };
}

const DIRECTION_WORDS = ['ASC', 'DESC', 'NULLS', 'FIRST', 'LAST'];

/**
 * With DISTINCT, every ORDER BY key must be the aggregated expression, as Snowflake requires
 * (DuckDB refuses the same in its own words).
 */
function refuseOtherDistinctOrder(sql: string, tokens: Token[], site: CallSite, from: number, to: number): void {
  if (!isWord(tokens[site.open + 1], 'DISTINCT') || !isWord(tokens[from], 'ORDER') || !isWord(tokens[from + 1], 'BY')) return;
  const [argFrom, argTo] = site.args[0];
  const value = sourceOf(sql, tokens, argFrom + 1, argTo).toUpperCase();
  for (const [keyFrom, keyTo] of splitTopLevel(tokens, from + 2, to)) {
    let keyEnd = keyTo;
    while (keyEnd > keyFrom && DIRECTION_WORDS.some((word) => isWord(tokens[keyEnd - 1], word))) keyEnd -= 1;
    const key = sourceOf(sql, tokens, keyFrom, keyEnd);
    if (key.toUpperCase() !== value) {
      throw new SnowflakeQueryError(snowflakeErrors.compilation(`[${key}] is not a valid order by expression`));
    }
  }
}
