/**
 * COUNT, APPROX_COUNT_DISTINCT and HLL of several expressions. Snowflake counts the rows (or
 * the distinct combinations, with DISTINCT) in which none of them is NULL; DuckDB's COUNT takes
 * one expression. The expressions become one row value that is NULL when any of them is:
 * `COUNT(DISTINCT a, b)` → `COUNT(DISTINCT CASE WHEN (a) IS NOT NULL AND (b) IS NOT NULL
 * THEN ((a), (b)) END)`; without DISTINCT, `COUNT(CASE WHEN … THEN 1 END)`. DISTINCT changes
 * nothing in APPROX_COUNT_DISTINCT and HLL, so it is dropped there (both are macros, which take
 * no DISTINCT).
 * https://docs.snowflake.com/en/sql-reference/functions/count
 * https://docs.snowflake.com/en/sql-reference/functions/approx_count_distinct
 */
import { isWord, type Token } from '@/lib/domain/sql/lexer';
import { sourceOf, type Edit } from '../tokens';
import { callSites, rewriteCalls, type CallSite } from './call-sites';

const NAMES = ['COUNT', 'APPROX_COUNT_DISTINCT', 'HLL'];

export function multiColumnCount(sql: string): string {
  return rewriteCalls(sql, (text, tokens) =>
    callSites(tokens, NAMES).flatMap((site) => {
      const edit = countEdit(text, tokens, site);
      return edit ? [edit] : [];
    }),
  );
}

function countEdit(sql: string, tokens: Token[], site: CallSite): Edit | null {
  const name = tokens[site.name].text.toUpperCase();
  const distinct = site.args.length > 0 && isWord(tokens[site.args[0][0]], 'DISTINCT');
  const values = site.args.map(([from, to], i) => sourceOf(sql, tokens, i === 0 && distinct ? from + 1 : from, to));
  const edit = (text: string): Edit => ({ start: tokens[site.name].start, end: tokens[site.close].end, text: `${tokens[site.name].text}(${text})` });
  if (values.length === 1) return distinct && name !== 'COUNT' ? edit(values[0]) : null;
  if (values.length < 2) return null;
  const allPresent = values.map((value) => `(${value}) IS NOT NULL`).join(' AND ');
  const row = `(${values.map((value) => `(${value})`).join(', ')})`;
  if (name !== 'COUNT') return edit(`CASE WHEN ${allPresent} THEN ${row} END`);
  return edit(distinct ? `DISTINCT CASE WHEN ${allPresent} THEN ${row} END` : `CASE WHEN ${allPresent} THEN 1 END`);
}
