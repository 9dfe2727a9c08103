/**
 * DECODE(expr, search1, result1 [, search2, result2 …] [, default]): the result of the first
 * search equal to expr, else the default (or NULL). Unlike CASE, a NULL expr matches a NULL
 * search, so each comparison is `IS NOT DISTINCT FROM`. The pairs are variadic, which a macro
 * cannot take, so the call is spelled out as a CASE. (DuckDB's own DECODE converts BLOB to text.)
 * https://docs.snowflake.com/en/sql-reference/functions/decode
 */
import { SnowflakeQueryError, snowflakeErrors } from '../../engine/snowflake-errors';
import { sourceOf } from '../tokens';
import { callSites, rewriteCalls } from './call-sites';

export function decodeFunction(sql: string): string {
  return rewriteCalls(sql, (text, tokens) =>
    callSites(tokens, ['DECODE']).map((site) => {
      const args = site.args.map(([from, to]) => sourceOf(text, tokens, from, to));
      if (args.length < 3) {
        const call = sourceOf(text, tokens, site.name, site.close + 1);
        throw new SnowflakeQueryError(
          snowflakeErrors.compilation(`not enough arguments for function [${call}], expected 3, got ${args.length}`),
        );
      }
      const [expr, ...rest] = args;
      const whens: string[] = [];
      for (let i = 0; i + 1 < rest.length; i += 2) {
        whens.push(`WHEN (${expr}) IS NOT DISTINCT FROM (${rest[i]}) THEN (${rest[i + 1]})`);
      }
      const otherwise = rest.length % 2 === 1 ? ` ELSE (${rest[rest.length - 1]})` : '';
      return { start: tokens[site.name].start, end: tokens[site.close].end, text: `(CASE ${whens.join(' ')}${otherwise} END)` };
    }),
  );
}
