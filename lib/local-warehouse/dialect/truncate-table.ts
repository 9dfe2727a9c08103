/**
 * `TRUNCATE [ TABLE ] [ IF EXISTS ] <name>`: deletes every row and answers one `status` row,
 * "Statement executed successfully.", however many rows there were (DuckDB answers a DELETE's
 * count). IF EXISTS makes a missing table no error; DuckDB has no such clause.
 * https://docs.snowflake.com/en/sql-reference/sql/truncate-table
 */
import { isWord } from '@/lib/domain/sql/lexer';
import { fromDuckDBError } from '../engine/snowflake-errors';
import { objectNameAt } from './object-name';
import type { StatementPlan } from './plan-steps';
import { significantTokens } from './tokens';

export const TRUNCATED = 'Statement executed successfully.';

export function truncateTablePlan(sql: string): StatementPlan | null {
  const tokens = significantTokens(sql);
  if (!isWord(tokens[0], 'TRUNCATE')) return null;
  let i = isWord(tokens[1], 'TABLE') ? 2 : 1;
  const ifExists = isWord(tokens[i], 'IF') && isWord(tokens[i + 1], 'EXISTS');
  if (ifExists) i += 2;
  const name = objectNameAt(sql, tokens, i);
  // Anything else is DuckDB's to refuse as the syntax error it is.
  if (!name || name.end !== tokens.length) return null;
  const truncate = `TRUNCATE TABLE ${name.text}`;
  return {
    atomic: false,
    async execute(run) {
      try {
        await run(truncate);
      } catch (error) {
        // A missing table only: a missing schema or database is still an error.
        if (!ifExists || fromDuckDBError(error, truncate).sqlState !== '42S02') throw error;
      }
      return { kind: 'status', message: TRUNCATED };
    },
  };
}
