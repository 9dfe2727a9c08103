/**
 * `CREATE [ OR REPLACE ] TABLE [ IF NOT EXISTS ] <name> CLONE <source>` (structure and rows) and
 * `… <name> LIKE <source>` (structure only). The new table takes the source's column
 * definitions whole (types, defaults, NOT NULL), read from DuckDB's own DDL for it; a clone's
 * rows are copied in the same transaction. A clone is a copy here, not Snowflake's zero-copy
 * clone; Time Travel (`CLONE … AT`/`BEFORE`) is refused by time-travel.ts.
 * https://docs.snowflake.com/en/sql-reference/sql/create-clone
 * https://docs.snowflake.com/en/sql-reference/sql/create-table (CREATE TABLE … LIKE)
 */
import { isWord, lex } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { catalogFilter, displayName, objectNameAt, type ObjectName } from './object-name';
import { createdKindIndex } from './query-type';
import type { RunStep, StatementPlan } from './plan-steps';
import { significantTokens } from './tokens';

const TEMPORARY = ['TEMP', 'TEMPORARY', 'VOLATILE'];

/** DuckDB's CREATE TABLE text for the table, or null when there is none of that name. */
async function tableDdl(name: ObjectName, run: RunStep): Promise<string | null> {
  const { rows } = await run(`SELECT sql FROM duckdb_tables() WHERE ${catalogFilter(name)}`);
  return rows.length > 0 ? String(rows[0][0]) : null;
}

/** The column definitions of a CREATE TABLE text: from its first parenthesis, without the `;`. */
export function columnDefinitions(ddl: string): string {
  const open = lex(ddl).find((token) => token.kind === 'operator' && token.text === '(');
  if (!open) throw new Error(`No column list in ${ddl}`);
  return ddl.slice(open.start).replace(/;\s*$/, '');
}

export function cloneTablePlan(sql: string): StatementPlan | null {
  const tokens = significantTokens(sql);
  if (!isWord(tokens[0], 'CREATE')) return null;
  const kind = createdKindIndex(tokens);
  if (!isWord(tokens[kind], 'TABLE')) return null;
  const modifiers = tokens.slice(1, kind);
  const orReplace = modifiers.some((token) => isWord(token, 'REPLACE'));
  const temporary = modifiers.some((token) => TEMPORARY.some((word) => isWord(token, word)));
  let i = kind + 1;
  const ifNotExists = isWord(tokens[i], 'IF') && isWord(tokens[i + 1], 'NOT') && isWord(tokens[i + 2], 'EXISTS');
  if (ifNotExists) i += 3;
  const target = objectNameAt(sql, tokens, i);
  const clone = isWord(tokens[target?.end ?? -1], 'CLONE');
  if (!target || (!clone && !isWord(tokens[target.end], 'LIKE'))) return null;
  const source = objectNameAt(sql, tokens, target.end + 1);
  if (!source) return null;
  // Anything after the source is DuckDB's to refuse as the syntax error it is.
  if (source.end !== tokens.length) return null;
  const created = target.parts[target.parts.length - 1];
  return {
    atomic: true,
    async execute(run) {
      const ddl = await tableDdl(source, run);
      if (ddl === null) throw new SnowflakeQueryError(snowflakeErrors.objectNotFound(displayName(source)));
      if (ifNotExists && (await tableDdl(target, run)) !== null) {
        return { kind: 'status', message: `${created} already exists, statement succeeded.` };
      }
      const create = `CREATE ${orReplace ? 'OR REPLACE ' : ''}${temporary ? 'TEMPORARY ' : ''}TABLE`;
      await run(`${create} ${target.text} ${columnDefinitions(ddl)}`);
      if (clone) await run(`INSERT INTO ${target.text} SELECT * FROM ${source.text}`);
      return { kind: 'status', message: `Table ${created} successfully created.` };
    },
  };
}
