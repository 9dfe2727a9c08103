/**
 * Snowflake's string functions (CONTAINS, STARTSWITH, SPLIT_PART, REGEXP_* …). Snowflake
 * compares strings case-sensitively, as DuckDB's default collation does.
 * https://docs.snowflake.com/en/sql-reference/functions-string
 */
import type { FunctionFamily } from './function-family';

export const strings: FunctionFamily = {
  macros: [
    'CREATE OR REPLACE TEMP MACRO STARTSWITH(expr1, expr2) AS starts_with(expr1, expr2)',
    'CREATE OR REPLACE TEMP MACRO ENDSWITH(expr1, expr2) AS suffix(expr1, expr2)',
  ],
};
