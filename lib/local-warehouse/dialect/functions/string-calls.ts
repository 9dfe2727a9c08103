/**
 * String function calls DuckDB cannot take as written:
 * - `CONCAT(a, b, …)` → `(a || b || …)`: Snowflake's CONCAT is NULL when any argument is NULL,
 *   DuckDB's skips NULLs; `CONCAT_WS(sep, a, b, …)` → `(a || sep || b || …)` likewise.
 * - `POSITION(a IN b)`, `POSITION(a, b [, start])` and CHARINDEX's order → SF_STR_POSITION(a, b,
 *   start) (DuckDB's POSITION takes `a IN b` only).
 * - `INSERT(base, pos, len, ins)` → SF_STR_INSERT; `LEFT` / `RIGHT` → SF_STR_LEFT / SF_STR_RIGHT, which
 *   answer '' for a negative length where DuckDB's drop characters from the other end (all three
 *   are keywords to DuckDB, which no macro can be named).
 * - `CHAR(n)` → `CHR(n)` where CHAR is a call, not the type (`::CHAR(10)`, `AS CHAR(10)`, a
 *   column's type).
 * https://docs.snowflake.com/en/sql-reference/functions/concat
 * https://docs.snowflake.com/en/sql-reference/functions/concat_ws
 * https://docs.snowflake.com/en/sql-reference/functions/position
 * https://docs.snowflake.com/en/sql-reference/functions/insert
 * https://docs.snowflake.com/en/sql-reference/functions/left
 * https://docs.snowflake.com/en/sql-reference/functions/chr
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../../engine/snowflake-errors';
import { sourceOf, type Edit } from '../tokens';
import { callSites, rewriteCalls, type CallSite } from './call-sites';

export const STRING_CALLS = ['CONCAT', 'CONCAT_WS', 'POSITION', 'INSERT', 'CHAR', 'LEFT', 'RIGHT'];

/** Calls renamed to the macro that implements them (INSERT, LEFT and RIGHT are keywords to DuckDB, no macro names). */
const RENAMED: Record<string, string> = { INSERT: 'SF_STR_INSERT', LEFT: 'SF_STR_LEFT', RIGHT: 'SF_STR_RIGHT' };

export function stringCalls(sql: string): string {
  return rewriteCalls(sql, (text, tokens) =>
    callSites(tokens, STRING_CALLS).flatMap((site) => {
      const edit = callEdit(text, tokens, site);
      return edit ? [edit] : [];
    }),
  );
}

function callEdit(sql: string, tokens: Token[], site: CallSite): Edit | null {
  const name = tokens[site.name].text.toUpperCase();
  const args = site.args.map(([from, to]) => sourceOf(sql, tokens, from, to));
  const edit = (text: string): Edit => ({ start: tokens[site.name].start, end: tokens[site.close].end, text });
  const tooFew = (least: number) =>
    new SnowflakeQueryError(
      snowflakeErrors.compilation(`not enough arguments for function [${sourceOf(sql, tokens, site.name, site.close + 1)}], expected ${least}, got ${args.length}`),
    );
  switch (name) {
    case 'CONCAT':
      if (args.length === 0) throw tooFew(1);
      return edit(args.length === 1 ? `CAST(${args[0]} AS VARCHAR)` : `(${args.map((arg) => `(${arg})`).join(' || ')})`);
    case 'CONCAT_WS': {
      if (args.length < 2) throw tooFew(2);
      const [separator, ...values] = args;
      // One value is the value, still NULL when the separator is: SF_STR_LEFT(sep, 0) is '' or NULL.
      if (values.length === 1) return edit(`((${values[0]}) || SF_STR_LEFT(${separator}, 0))`);
      return edit(`(${values.map((value) => `(${value})`).join(` || (${separator}) || `)})`);
    }
    case 'POSITION': {
      const inAt = site.args.length === 1 ? topLevelIn(tokens, ...site.args[0]) : -1;
      if (inAt !== -1) {
        const [from, to] = site.args[0];
        return edit(`SF_STR_POSITION(${sourceOf(sql, tokens, from, inAt)}, ${sourceOf(sql, tokens, inAt + 1, to)}, 1)`);
      }
      if (args.length < 2 || args.length > 3) throw tooFew(2);
      return edit(`SF_STR_POSITION(${args[0]}, ${args[1]}, ${args[2] ?? '1'})`);
    }
    case 'INSERT':
      // MERGE … WHEN NOT MATCHED THEN INSERT (columns) is the statement's clause, not the function.
      if (isWord(tokens[site.name - 1], 'THEN')) return null;
      return { start: tokens[site.name].start, end: tokens[site.name].end, text: RENAMED[name] };
    case 'LEFT':
    case 'RIGHT':
      return { start: tokens[site.name].start, end: tokens[site.name].end, text: RENAMED[name] };
    case 'CHAR':
      return isTypeName(tokens, site.name) ? null : { start: tokens[site.name].start, end: tokens[site.name].end, text: 'CHR' };
    default:
      return null;
  }
}

/** Index of an `IN` at the top level of tokens[from, to), or -1. */
function topLevelIn(tokens: Token[], from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i += 1) {
    if (isSymbol(tokens[i], '(')) depth += 1;
    else if (isSymbol(tokens[i], ')')) depth -= 1;
    else if (depth === 0 && isWord(tokens[i], 'IN')) return i;
  }
  return -1;
}

const KEYWORDS_BEFORE_CALLS = ['SELECT', 'WHERE', 'AND', 'OR', 'NOT', 'WHEN', 'THEN', 'ELSE', 'ON', 'BY', 'RETURN', 'DISTINCT', 'HAVING'];

/** Whether the CHAR at tokens[i] names the type: after `::`, AS or SET DATA TYPE, or as a column's type in CREATE / ALTER. */
function isTypeName(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1];
  if (isSymbol(before, '::') || isWord(before, 'AS') || isWord(before, 'TYPE')) return true;
  const definesColumns = isWord(tokens[0], 'CREATE') || isWord(tokens[0], 'ALTER');
  const isName = before?.kind === 'quoted_identifier' || (before?.kind === 'identifier' && !KEYWORDS_BEFORE_CALLS.some((word) => isWord(before, word)));
  return definesColumns && isName && (isSymbol(tokens[i - 2], '(') || isSymbol(tokens[i - 2], ',') || isWord(tokens[i - 2], 'COLUMN'));
}
