/**
 * `UPDATE <target> SET … FROM <additional tables> [WHERE …]` as Snowflake counts it: "number of
 * rows updated" counts target rows, and "number of multi-joined rows updated" those of them that
 * joined more than one row of the other tables (each updated from one of its joined rows,
 * ERROR_ON_NONDETERMINISTIC_UPDATE being FALSE). DuckDB counts joined rows, so the target rows
 * and their joins are counted first, in the statement's transaction, then the UPDATE runs. An
 * UPDATE without FROM joins nothing and keeps DuckDB's count.
 * https://docs.snowflake.com/en/sql-reference/sql/update
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { objectNameAt } from './object-name';
import type { StatementPlan } from './plan-steps';
import { significantTokens, sourceOf } from './tokens';

const isName = (token: Token | undefined) => token?.kind === 'identifier' || token?.kind === 'quoted_identifier';

/** Index of the top-level `word` at or after `from`, or -1. */
function topLevel(tokens: Token[], from: number, word: string): number {
  let depth = 0;
  for (let i = from; i < tokens.length; i += 1) {
    if (isSymbol(tokens[i], '(')) depth += 1;
    else if (isSymbol(tokens[i], ')')) depth -= 1;
    else if (depth === 0 && isWord(tokens[i], word)) return i;
  }
  return -1;
}

/** The query counting the UPDATE's target rows and multi-joined rows, or null when it has no FROM. */
export function updateCounts(sql: string): string | null {
  const tokens = significantTokens(sql);
  if (!isWord(tokens[0], 'UPDATE')) return null;
  const name = objectNameAt(sql, tokens, 1);
  if (!name) return null;
  let set = name.end;
  if (isWord(tokens[set], 'AS')) set += 2;
  else if (isName(tokens[set]) && !isWord(tokens[set], 'SET')) set += 1;
  if (!isWord(tokens[set], 'SET')) return null;
  const from = topLevel(tokens, set + 1, 'FROM');
  if (from === -1) return null;
  const where = topLevel(tokens, from + 1, 'WHERE');
  const last = isSymbol(tokens[tokens.length - 1], ';') ? tokens.length - 1 : tokens.length;
  const row = `${tokens[set - 1].text}.rowid`;
  const joined =
    `SELECT ${row}, COUNT(*) AS SF_JOINED FROM ${sourceOf(sql, tokens, 1, set)}, ${sourceOf(sql, tokens, from + 1, where === -1 ? last : where)}` +
    `${where === -1 ? '' : ` WHERE ${sourceOf(sql, tokens, where + 1, last)}`} GROUP BY ${row}`;
  return `SELECT COUNT(*), COUNT(*) FILTER (WHERE SF_JOINED > 1) FROM (${joined})`;
}

export function updatePlan(sql: string): StatementPlan | null {
  const counting = updateCounts(sql);
  if (!counting) return null;
  return {
    atomic: true,
    async execute(run) {
      const [updated, multiJoined] = (await run(counting)).rows[0].map(Number);
      await run(sql);
      return {
        kind: 'counts',
        names: ['number of rows updated', 'number of multi-joined rows updated'],
        counts: [updated, multiJoined],
        rows: updated,
      };
    },
  };
}
