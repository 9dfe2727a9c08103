/**
 * `INSERT OVERWRITE INTO <table> [ ( <cols> ) ] { VALUES … | <query> }`: the table is emptied and
 * filled in one transaction, so a reader sees the old rows or the new ones, never none; a failure
 * leaves the old rows. The source is read before the table is emptied (Snowflake evaluates it
 * first), so `INSERT OVERWRITE INTO t SELECT … FROM t` keeps the rows it selects.
 * https://docs.snowflake.com/en/sql-reference/sql/insert (OVERWRITE)
 */
import { isSymbol, isWord } from '@/lib/domain/sql/lexer';
import { objectNameAt } from './object-name';
import { countOf, scratchTable, type StatementPlan } from './plan-steps';
import { closingParen, significantTokens, sourceOf } from './tokens';

export const ROWS_INSERTED = 'number of rows inserted';

/** The rows a VALUES list or a query gives, as a query DuckDB can materialise. */
export function sourceQuery(source: string, startsWithValues: boolean): string {
  return startsWithValues ? `SELECT * FROM (${source})` : source;
}

export function insertOverwritePlan(sql: string): StatementPlan | null {
  const tokens = significantTokens(sql);
  if (!isWord(tokens[0], 'INSERT') || !isWord(tokens[1], 'OVERWRITE') || !isWord(tokens[2], 'INTO')) return null;
  const target = objectNameAt(sql, tokens, 3);
  if (!target) return null;
  let at = target.end;
  let columns = '';
  // A column list, not a parenthesised query.
  if (isSymbol(tokens[at], '(') && !isWord(tokens[at + 1], 'SELECT') && !isWord(tokens[at + 1], 'WITH')) {
    const close = closingParen(tokens, at);
    if (close === -1) return null;
    columns = ` ${sourceOf(sql, tokens, at, close + 1)}`;
    at = close + 1;
  }
  if (at >= tokens.length) return null;
  const source = sourceQuery(sourceOf(sql, tokens, at, tokens.length), isWord(tokens[at], 'VALUES'));
  return {
    atomic: true,
    async execute(run) {
      const scratch = scratchTable('OVERWRITE_SOURCE');
      await run(`CREATE TEMP TABLE ${scratch} AS ${source}`);
      await run(`DELETE FROM ${target.text}`);
      const inserted = countOf(await run(`INSERT INTO ${target.text}${columns} SELECT * FROM ${scratch}`));
      await run(`DROP TABLE ${scratch}`);
      return { kind: 'counts', names: [ROWS_INSERTED], counts: [inserted], rows: inserted };
    },
  };
}
