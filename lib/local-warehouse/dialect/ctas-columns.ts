/**
 * `CREATE TABLE <name> ( <col> [ <type> ] [ , … ] ) AS <query>`: Snowflake names (and, where a
 * type is given, casts) the query's columns by position; DuckDB takes no column list on CREATE
 * TABLE … AS. So the query becomes a subquery whose columns are named by position and selected
 * under the listed names. Constraints and defaults in the list are not kept (the column definitions of a
 * CTAS are names and types).
 * https://docs.snowflake.com/en/sql-reference/sql/create-table (CREATE TABLE … AS SELECT)
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { objectNameAt } from './object-name';
import { createdKindIndex } from './query-type';
import { applyEdits, closingParen, significantTokens, sourceOf, splitTopLevel } from './tokens';

/** The query, named so its columns can be taken by position. */
const SOURCE = 'SF_CTAS_SOURCE';
const sourceColumn = (position: number) => `SF_${position}`;

/** Words that end a column's type and start its constraints. */
const CONSTRAINT_WORDS = ['NOT', 'NULL', 'DEFAULT', 'COMMENT', 'PRIMARY', 'UNIQUE', 'REFERENCES', 'CONSTRAINT', 'COLLATE', 'AUTOINCREMENT', 'IDENTITY', 'WITH', 'MASKING', 'TAG', 'FOREIGN'];

/** The query's column at `position` (1-based) under the listed name, cast when a type is given. */
function columnExpression(sql: string, tokens: Token[], [from, to]: [number, number], position: number): string {
  const name = tokens[from].text;
  let typeEnd = from + 1;
  while (typeEnd < to && !CONSTRAINT_WORDS.some((word) => isWord(tokens[typeEnd], word))) typeEnd += 1;
  const type = sourceOf(sql, tokens, from + 1, typeEnd);
  const column = `${SOURCE}.${sourceColumn(position)}`;
  return type ? `CAST(${column} AS ${type}) AS ${name}` : `${column} AS ${name}`;
}

export function ctasColumnList(sql: string): string {
  const tokens = significantTokens(sql);
  if (!isWord(tokens[0], 'CREATE')) return sql;
  const kind = createdKindIndex(tokens);
  if (!isWord(tokens[kind], 'TABLE')) return sql;
  const ifNotExists = isWord(tokens[kind + 1], 'IF') && isWord(tokens[kind + 2], 'NOT') && isWord(tokens[kind + 3], 'EXISTS');
  const open = objectNameAt(sql, tokens, kind + (ifNotExists ? 4 : 1))?.end ?? -1;
  if (!isSymbol(tokens[open], '(')) return sql;
  const close = closingParen(tokens, open);
  if (close === -1 || !isWord(tokens[close + 1], 'AS') || close + 2 >= tokens.length) return sql;
  const columns = splitTopLevel(tokens, open + 1, close).map((range, k) => columnExpression(sql, tokens, range, k + 1));
  const query = sourceOf(sql, tokens, close + 2, tokens.length);
  const names = columns.map((_, k) => sourceColumn(k + 1)).join(', ');
  return applyEdits(sql, [
    { start: tokens[open].start, end: tokens[tokens.length - 1].end, text: ` AS SELECT ${columns.join(', ')} FROM (${query}) AS ${SOURCE}(${names})` },
  ]);
}
