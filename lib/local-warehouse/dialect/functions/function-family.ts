/**
 * A family of Snowflake functions (conditional, strings, dates …). Most are DuckDB macros under
 * Snowflake's name (`CREATE OR REPLACE MACRO IFF …`), created once in the function catalog
 * (index.ts), which every query connection searches after its schema and before DuckDB's own
 * functions, so a macro also stands in for a DuckDB function of the same name whose semantics
 * differ. Functions whose arguments DuckDB cannot take as written (a date part as a bare word, a
 * format string to translate, a variable number of pairs) are rewritten on the statement's
 * tokens first.
 */
export interface FunctionFamily {
  /** `CREATE OR REPLACE MACRO NAME(…) AS …` statements; index.ts puts them in the function catalog. */
  macros: readonly string[];
  /** Token rewrites of the statement, applied before DuckDB sees it. */
  rewrite?: (sql: string) => string;
  /** The Snowflake functions `rewrite` implements (macros are named by their own definitions). */
  rewritten?: readonly string[];
}
