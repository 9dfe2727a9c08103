/**
 * Snowflake's window functions where DuckDB's syntax or defaults differ:
 * - `LAG / LEAD / FIRST_VALUE / LAST_VALUE / NTH_VALUE (…) IGNORE NULLS OVER (…)`: DuckDB takes
 *   IGNORE NULLS inside the parentheses; RESPECT NULLS is the default and is dropped, as is
 *   NTH_VALUE's FROM FIRST (FROM LAST is not supported);
 * - FIRST_VALUE, LAST_VALUE and NTH_VALUE with ORDER BY and no frame use the whole partition
 *   (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) in Snowflake, where SQL's
 *   default (DuckDB's) ends at the current row: the frame is written out;
 * - `RATIO_TO_REPORT(x) OVER (PARTITION BY p [ORDER BY …])` → `SF_RATIO(x, SUM(x) OVER
 *   (PARTITION BY p))` (aggregates.ts): the ORDER BY does not change the result;
 * - `CONDITIONAL_TRUE_EVENT(c) OVER (…)` → the running count of rows where c is TRUE,
 *   `SUM(CASE WHEN c THEN 1 ELSE 0 END) OVER (… ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`;
 * - `CONDITIONAL_CHANGE_EVENT(x) OVER (…)` → the number of times x differed from the row before,
 *   so far: SF_CHANGE_EVENTS over the values up to the current row (DuckDB cannot nest the LAG
 *   that Snowflake's definition uses inside the running count). Its cost grows with the square
 *   of the partition's size.
 * https://docs.snowflake.com/en/sql-reference/functions-window-syntax
 * https://docs.snowflake.com/en/sql-reference/functions/lag
 * https://docs.snowflake.com/en/sql-reference/functions/last_value
 * https://docs.snowflake.com/en/sql-reference/functions/nth_value
 * https://docs.snowflake.com/en/sql-reference/functions/ratio_to_report
 * https://docs.snowflake.com/en/sql-reference/functions/conditional_true_event
 * https://docs.snowflake.com/en/sql-reference/functions/conditional_change_event
 */
import { isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../../engine/snowflake-errors';
import { sourceOf, type Edit } from '../tokens';
import { callSites, rewriteCalls, windowClause, type CallSite } from './call-sites';

/** Functions that take IGNORE / RESPECT NULLS after their arguments. */
const NULL_TREATMENT = ['LAG', 'LEAD', 'FIRST_VALUE', 'LAST_VALUE', 'NTH_VALUE'];
/** Functions whose default frame is the whole partition. */
const WHOLE_PARTITION = ['FIRST_VALUE', 'LAST_VALUE', 'NTH_VALUE'];
const RUNNING_EVENTS = ['RATIO_TO_REPORT', 'CONDITIONAL_TRUE_EVENT', 'CONDITIONAL_CHANGE_EVENT'];

const WHOLE_PARTITION_FRAME = 'ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING';
const RUNNING_FRAME = 'ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW';

export function windowFunctions(sql: string): string {
  return rewriteCalls(sql, (text, tokens) =>
    callSites(tokens, [...NULL_TREATMENT, ...RUNNING_EVENTS]).flatMap((site) => {
      const name = tokens[site.name].text.toUpperCase();
      const edit = NULL_TREATMENT.includes(name) ? valueFunctionEdit(text, tokens, site, name) : runningEventEdit(text, tokens, site, name);
      return edit ? [edit] : [];
    }),
  );
}

/** LAG … NTH_VALUE: null treatment into the parentheses, Snowflake's default frame written out. */
function valueFunctionEdit(sql: string, tokens: Token[], site: CallSite, name: string): Edit | null {
  let at = site.close + 1;
  let ignoreNulls = false;
  let modifiers = false;
  for (let pass = 0; pass < 2; pass += 1) {
    if (name === 'NTH_VALUE' && isWord(tokens[at], 'FROM') && (isWord(tokens[at + 1], 'FIRST') || isWord(tokens[at + 1], 'LAST'))) {
      if (isWord(tokens[at + 1], 'LAST')) throw new SnowflakeQueryError(snowflakeErrors.unsupported('NTH_VALUE … FROM LAST'));
      at += 2;
      modifiers = true;
    }
    if ((isWord(tokens[at], 'IGNORE') || isWord(tokens[at], 'RESPECT')) && isWord(tokens[at + 1], 'NULLS')) {
      ignoreNulls = isWord(tokens[at], 'IGNORE');
      at += 2;
      modifiers = true;
    }
  }
  const window = windowClause(tokens, at);
  const addFrame = WHOLE_PARTITION.includes(name) && window !== null && window.order !== null && window.frame === null;
  if (!modifiers && !addFrame) return null;
  const call = `${sourceOf(sql, tokens, site.name, site.close)}${ignoreNulls ? ' IGNORE NULLS' : ''})`;
  if (!window) return { start: tokens[site.name].start, end: tokens[at - 1].end, text: call };
  const spec = sourceOf(sql, tokens, window.open + 1, window.close);
  const frame = addFrame ? ` ${WHOLE_PARTITION_FRAME}` : '';
  return { start: tokens[site.name].start, end: tokens[window.close].end, text: `${call} OVER (${spec}${frame})` };
}

/** RATIO_TO_REPORT and the CONDITIONAL_*_EVENT functions, each with its own window. */
function runningEventEdit(sql: string, tokens: Token[], site: CallSite, name: string): Edit | null {
  const window = windowClause(tokens, site.close + 1);
  if (!window || site.args.length !== 1) return null;
  const value = sourceOf(sql, tokens, site.args[0][0], site.args[0][1]);
  const part = (range: [number, number] | null) => (range ? sourceOf(sql, tokens, range[0], range[1]) : '');
  const partition = part(window.partition);
  const edit = (text: string): Edit => ({ start: tokens[site.name].start, end: tokens[window.close].end, text });
  if (name === 'RATIO_TO_REPORT') return edit(`SF_RATIO(${value}, SUM(${value}) OVER (${partition}))`);
  if (tokens.slice(site.args[0][0], site.args[0][1]).some((token) => isWord(token, 'OVER'))) {
    throw new SnowflakeQueryError(snowflakeErrors.unsupported(`${name} of an expression with a window function`));
  }
  const running = [partition, part(window.order), RUNNING_FRAME].filter((piece) => piece !== '').join(' ');
  if (name === 'CONDITIONAL_TRUE_EVENT') return edit(`SUM(CASE WHEN SF_AGG_BOOLEAN(${value}) THEN 1 ELSE 0 END) OVER (${running})`);
  return edit(`SF_CHANGE_EVENTS(SF_VALUES(${value}) OVER (${running}))`);
}
