/**
 * SYSTEM$WAIT(amount [, unit]) — Snowflake's "sleep". `CALL SYSTEM$WAIT(…)` is a statement
 * whose one-row result has a column named SYSTEM$WAIT; `SYSTEM$WAIT(…)` inside a query is a
 * function returning the same text. Either way the text is `waited <amount> <unit>` and the
 * statement holds for that long (cancellably) before DuckDB runs the rest. A call inside a
 * query holds once per statement, not once per row.
 *
 * An expression Snowflake keeps and evaluates later — a column DEFAULT (CREATE / ALTER TABLE,
 * https://docs.snowflake.com/en/sql-reference/sql/create-table: the default is evaluated for each
 * row inserted without a value) or a view's query — cannot hold at the time it is evaluated here,
 * since it would be replaced by its text once, at CREATE. Such a statement is refused with
 * `000002` rather than waiting once and storing the text.
 * https://docs.snowflake.com/en/sql-reference/functions/system_wait
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import type { Rewrite } from './rewrite';
import { applyEdits, closingParen, numberValue, significantTokens, splitTopLevel, sqlString, stringValue } from './tokens';

const UNIT_MS: Record<string, number> = { MILLISECONDS: 1, SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000 };

export function systemWait(sql: string): Rewrite {
  const tokens = significantTokens(sql);
  if (isWord(tokens[0], 'CALL') && isWord(tokens[1], 'SYSTEM$WAIT') && isSymbol(tokens[2], '(')) {
    const close = closingParen(tokens, 2);
    if (close === tokens.length - 1) {
      const wait = parseWait(tokens, 2, close);
      return { sql: `SELECT ${sqlString(wait.text)} AS "SYSTEM$WAIT"`, holdMs: wait.ms };
    }
  }
  let holdMs = 0;
  const edits = [];
  const stored = storedExpressions(tokens);
  for (let i = 0; i < tokens.length; i += 1) {
    if (!isWord(tokens[i], 'SYSTEM$WAIT') || !isSymbol(tokens[i + 1], '(')) continue;
    if (stored && i < stored.before) throw new SnowflakeQueryError(snowflakeErrors.unsupported(`SYSTEM$WAIT in ${stored.what}`));
    const close = closingParen(tokens, i + 1);
    const wait = parseWait(tokens, i + 1, close);
    holdMs += wait.ms;
    edits.push({ start: tokens[i].start, end: tokens[close].end, text: sqlString(wait.text) });
    i = close;
  }
  return { sql: applyEdits(sql, edits), holdMs };
}

/** Words that may come between CREATE and TABLE or VIEW. */
const CREATE_MODIFIERS = new Set(['OR', 'REPLACE', 'TEMPORARY', 'TEMP', 'TRANSIENT', 'LOCAL', 'GLOBAL', 'VOLATILE', 'SECURE', 'RECURSIVE', 'MATERIALIZED']);

/**
 * Where a statement keeps expressions to evaluate later: tokens before index `before` are a view's
 * query or a table's column definitions (for CREATE TABLE, up to a top-level AS, after which comes
 * the query of CREATE TABLE … AS SELECT, run now). Null for any other statement.
 */
function storedExpressions(tokens: Token[]): { before: number; what: string } | null {
  if (isWord(tokens[0], 'ALTER') && isWord(tokens[1], 'TABLE')) return { before: tokens.length, what: 'a column DEFAULT' };
  if (!isWord(tokens[0], 'CREATE')) return null;
  let i = 1;
  while (tokens[i] && CREATE_MODIFIERS.has(tokens[i].text.toUpperCase())) i += 1;
  if (isWord(tokens[i], 'VIEW')) return { before: tokens.length, what: 'a view' };
  if (!isWord(tokens[i], 'TABLE')) return null;
  let depth = 0;
  for (let j = i + 1; j < tokens.length; j += 1) {
    if (isSymbol(tokens[j], '(')) depth += 1;
    else if (isSymbol(tokens[j], ')')) depth -= 1;
    else if (depth === 0 && isWord(tokens[j], 'AS')) return { before: j, what: 'a column DEFAULT' };
  }
  return { before: tokens.length, what: 'a column DEFAULT' };
}

function parseWait(tokens: Token[], open: number, close: number): { ms: number; text: string } {
  const fail = (detail: string) =>
    new SnowflakeQueryError(snowflakeErrors.compilation(`SYSTEM$WAIT: ${detail}`));
  if (close === -1) throw fail('missing closing parenthesis.');
  const args = splitTopLevel(tokens, open + 1, close);
  if (args.length < 1 || args.length > 2) throw fail(`expects 1 or 2 arguments, got ${args.length}.`);
  const amount = numberValue(tokens, ...args[0]);
  if (amount === null || amount < 0) throw fail('the amount must be a non-negative number literal.');
  let unit = 'SECONDS';
  if (args.length === 2) {
    const [from, to] = args[1];
    const given = to - from === 1 ? stringValue(tokens[from]) : null;
    unit = given?.toUpperCase() ?? '';
    if (!(unit in UNIT_MS)) {
      throw fail(`the unit must be one of ${Object.keys(UNIT_MS).map((u) => `'${u}'`).join(', ')}.`);
    }
  }
  const amountText = tokens.slice(args[0][0], args[0][1]).map((t) => t.text).join('');
  return { ms: amount * UNIT_MS[unit], text: `waited ${amountText} ${unit.toLowerCase()}` };
}
