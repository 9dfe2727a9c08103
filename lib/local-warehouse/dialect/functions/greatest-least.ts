/**
 * GREATEST and LEAST return NULL when any argument is NULL in Snowflake, where DuckDB's skip
 * NULLs (as Snowflake's GREATEST_IGNORE_NULLS / LEAST_IGNORE_NULLS do). A macro cannot take any
 * number of arguments, so each call passes its arguments to a macro of numbers.ts as one list:
 * `GREATEST(a, b, c)` → `SF_GREATEST([a, b, c])`. The list gives the arguments one
 * type, widened as Snowflake widens numbers (an INTEGER and a FLOAT compare as FLOAT).
 * https://docs.snowflake.com/en/sql-reference/functions/greatest
 * https://docs.snowflake.com/en/sql-reference/functions/least
 * https://docs.snowflake.com/en/sql-reference/functions/greatest_ignore_nulls
 */
import { sourceOf } from '../tokens';
import { callSites, rewriteCalls } from './call-sites';

const LIST_MACROS: Record<string, string> = {
  GREATEST: 'SF_GREATEST',
  LEAST: 'SF_LEAST',
  GREATEST_IGNORE_NULLS: 'SF_GREATEST_IGNORE_NULLS',
  LEAST_IGNORE_NULLS: 'SF_LEAST_IGNORE_NULLS',
};

export function greatestLeast(sql: string): string {
  return rewriteCalls(sql, (text, tokens) =>
    callSites(tokens, Object.keys(LIST_MACROS))
      .filter((site) => site.args.length > 0)
      .map((site) => ({
        start: tokens[site.name].start,
        end: tokens[site.close].end,
        text: `${LIST_MACROS[tokens[site.name].text.toUpperCase()]}([${sourceOf(text, tokens, site.open + 1, site.close)}])`,
      })),
  );
}
