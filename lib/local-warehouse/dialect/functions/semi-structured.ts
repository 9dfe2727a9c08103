/**
 * Snowflake's semi-structured functions (PARSE_JSON, OBJECT_CONSTRUCT, ARRAY_CONSTRUCT, GET …).
 * A VARIANT, OBJECT or ARRAY value is DuckDB JSON here.
 * https://docs.snowflake.com/en/sql-reference/functions-semistructured
 */
import type { FunctionFamily } from './function-family';

export const semiStructured: FunctionFamily = {
  macros: ['CREATE OR REPLACE TEMP MACRO TRY_PARSE_JSON(expr) AS CASE WHEN json_valid(expr) THEN json(expr) END'],
};
