/**
 * `ALTER TABLE <name> ADD [ COLUMN ] [ IF NOT EXISTS ] <col> <type> [ , <col> <type> … ]` and
 * `… DROP [ COLUMN ] [ IF EXISTS ] <col> [ , <col> … ]`: Snowflake adds or drops several columns
 * in one statement; DuckDB takes one per ALTER. Several are planned as one ALTER each, in one
 * transaction, answering Snowflake's status row. One column is DuckDB's to run as it is.
 * https://docs.snowflake.com/en/sql-reference/sql/alter-table-column
 */
import { isWord } from '@/lib/domain/sql/lexer';
import { objectNameAt } from './object-name';
import type { StatementPlan } from './plan-steps';
import { significantTokens, sourceOf, splitTopLevel } from './tokens';

export function alterTableColumnsPlan(sql: string): StatementPlan | null {
  const tokens = significantTokens(sql);
  if (!isWord(tokens[0], 'ALTER') || !isWord(tokens[1], 'TABLE')) return null;
  const ifExists = isWord(tokens[2], 'IF') && isWord(tokens[3], 'EXISTS');
  const table = objectNameAt(sql, tokens, ifExists ? 4 : 2);
  if (!table) return null;
  const action = tokens[table.end];
  if (!isWord(action, 'ADD') && !isWord(action, 'DROP')) return null;
  const adding = isWord(action, 'ADD');
  let i = table.end + 1;
  if (isWord(tokens[i], 'COLUMN')) i += 1;
  const guard = adding ? ['IF', 'NOT', 'EXISTS'] : ['IF', 'EXISTS'];
  const guarded = guard.every((word, k) => isWord(tokens[i + k], word));
  if (guarded) i += guard.length;
  const columns = splitTopLevel(tokens, i, tokens.length).map(([from, to]) => sourceOf(sql, tokens, from, to));
  if (columns.length < 2) return null;
  const prefix = `ALTER TABLE ${ifExists ? 'IF EXISTS ' : ''}${table.text} ${adding ? 'ADD' : 'DROP'} COLUMN ${guarded ? `${guard.join(' ')} ` : ''}`;
  return {
    atomic: true,
    async execute(run) {
      for (const column of columns) await run(`${prefix}${column}`);
      return { kind: 'status', message: 'Statement executed successfully.' };
    },
  };
}
