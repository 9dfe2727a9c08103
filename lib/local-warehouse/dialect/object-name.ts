/**
 * An object name as a statement writes it: one to three parts (`t`, `s.t`, `d.s.t`), each an
 * identifier or a quoted identifier. Shared by the statement forms that name tables
 * (multi-table INSERT, INSERT OVERWRITE, CLONE, TRUNCATE).
 * https://docs.snowflake.com/en/sql-reference/name-resolution
 */
import { isSymbol, type Token } from '@/lib/domain/sql/lexer';
import { identifierName, sourceOf, sqlString } from './tokens';

export interface ObjectName {
  /** The name's source text, as DuckDB will read it. */
  text: string;
  /** Each part as Snowflake resolves it (unquoted parts arrive upper-cased). */
  parts: string[];
  /** Index of the token after the name. */
  end: number;
}

export const isNameToken = (token: Token | undefined): token is Token =>
  token?.kind === 'identifier' || token?.kind === 'quoted_identifier';

/** The name starting at tokens[at], or null when none starts there. */
export function objectNameAt(sql: string, tokens: Token[], at: number): ObjectName | null {
  const parts: string[] = [];
  let i = at;
  while (isNameToken(tokens[i]) && parts.length < 3) {
    parts.push(identifierName(tokens[i]));
    i += 1;
    if (!isSymbol(tokens[i], '.') || !isNameToken(tokens[i + 1])) break;
    i += 1;
  }
  return parts.length === 0 ? null : { text: sourceOf(sql, tokens, at, i), parts, end: i };
}

/** How Snowflake prints the name in its answers: the parts joined with dots. */
export function displayName(name: ObjectName): string {
  return name.parts.join('.');
}

/**
 * A filter for DuckDB's catalog functions (duckdb_tables(), duckdb_columns() …) selecting the
 * named table, its missing parts taken from the connection's current database and schema.
 */
export function catalogFilter(name: ObjectName, alias = ''): string {
  const [table, schema, database] = [...name.parts].reverse();
  const column = (field: string) => `${alias ? `${alias}.` : ''}${field}`;
  return [
    // DuckDB's database names ignore case (the default database is listed in lower case).
    `lower(${column('database_name')}) = lower(${database === undefined ? 'current_database()' : sqlString(database)})`,
    `${column('schema_name')} = ${schema === undefined ? 'current_schema()' : sqlString(schema)}`,
    `${column('table_name')} = ${sqlString(table)}`,
  ].join(' AND ');
}
