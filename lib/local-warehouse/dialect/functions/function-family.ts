/**
 * A family of Snowflake functions (conditional, strings, dates …). Most are DuckDB macros
 * created on every query connection under Snowflake's name (`CREATE TEMP MACRO IFF …`): DuckDB
 * looks functions up in the temporary schema first, so a macro also stands in for a DuckDB
 * function of the same name whose semantics differ. Functions whose arguments DuckDB cannot
 * take as written (a date part as a bare word, a format string to translate, a variable number
 * of pairs) are rewritten on the statement's tokens first.
 */
export interface FunctionFamily {
  /** `CREATE OR REPLACE TEMP MACRO …` statements, run once per query connection. */
  macros: readonly string[];
  /** Token rewrites of the statement, applied before DuckDB sees it. */
  rewrite?: (sql: string) => string;
}
