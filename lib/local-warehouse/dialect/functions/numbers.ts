/**
 * Snowflake's numeric functions (DIV0, DIV0NULL, SQUARE, ROUND, TRUNC …).
 * https://docs.snowflake.com/en/sql-reference/functions-numeric
 */
import type { FunctionFamily } from './function-family';

export const numbers: FunctionFamily = {
  macros: [
    'CREATE OR REPLACE TEMP MACRO DIV0(dividend, divisor) AS CASE WHEN divisor = 0 THEN 0 ELSE dividend / divisor END',
    'CREATE OR REPLACE TEMP MACRO DIV0NULL(dividend, divisor) AS CASE WHEN divisor = 0 OR divisor IS NULL THEN 0 ELSE dividend / divisor END',
    'CREATE OR REPLACE TEMP MACRO SQUARE(expr) AS expr * expr',
  ],
};
