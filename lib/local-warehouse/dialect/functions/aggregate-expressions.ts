/**
 * Aggregates that Snowflake computes as an expression of several aggregates. A DuckDB macro
 * expanding to such an expression works in GROUP BY but not with OVER ("window function macros
 * must be functions"), so the call is rewritten with each aggregate carrying the call's window:
 * - `KURTOSIS(x) [OVER (…)]` → `SF_KURTOSIS_OF(SF_VALUES(x) [OVER (…)], AVG(x) [OVER (…)],
 *   COUNT(x) [OVER (…)])`: the sample excess kurtosis from the values and their mean
 *   (aggregates.ts);
 * - `BOOLXOR_AGG(x) [OVER (…)]` → `(SF_TRUE_COUNT(x) [OVER (…)] = 1)`: TRUE when exactly one
 *   value is TRUE, NULL when none is non-NULL.
 * https://docs.snowflake.com/en/sql-reference/functions/kurtosis
 * https://docs.snowflake.com/en/sql-reference/functions/boolxor_agg
 */
import { sourceOf } from '../tokens';
import { callSites, rewriteCalls, windowClause } from './call-sites';

const EXPRESSIONS: Record<string, (value: string, over: string) => string> = {
  KURTOSIS: (x, over) =>
    `SF_KURTOSIS_OF(SF_VALUES(${x})${over}, AVG((${x})::DOUBLE)${over}, COUNT(${x})${over})`,
  BOOLXOR_AGG: (x, over) => `(SF_TRUE_COUNT(${x})${over} = 1)`,
};

export function aggregateExpressions(sql: string): string {
  return rewriteCalls(sql, (text, tokens) =>
    callSites(tokens, Object.keys(EXPRESSIONS))
      .filter((site) => site.args.length === 1)
      .map((site) => {
        const window = windowClause(tokens, site.close + 1);
        const over = window ? ` ${sourceOf(text, tokens, window.over, window.close + 1)}` : '';
        const value = sourceOf(text, tokens, site.args[0][0], site.args[0][1]);
        return {
          start: tokens[site.name].start,
          end: tokens[window ? window.close : site.close].end,
          text: EXPRESSIONS[tokens[site.name].text.toUpperCase()](value, over),
        };
      }),
  );
}
