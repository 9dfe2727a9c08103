/**
 * Snowflake's conditional functions (IFF, NVL, NVL2, ZEROIFNULL, NULLIFZERO, EQUAL_NULL).
 * https://docs.snowflake.com/en/sql-reference/expressions-conditional
 */
import type { FunctionFamily } from './function-family';

export const conditional: FunctionFamily = {
  macros: [
    'CREATE OR REPLACE TEMP MACRO IFF(condition, if_true, if_false) AS CASE WHEN condition THEN if_true ELSE if_false END',
    'CREATE OR REPLACE TEMP MACRO NVL(expr1, expr2) AS COALESCE(expr1, expr2)',
    'CREATE OR REPLACE TEMP MACRO NVL2(expr1, expr2, expr3) AS CASE WHEN expr1 IS NOT NULL THEN expr2 ELSE expr3 END',
    'CREATE OR REPLACE TEMP MACRO ZEROIFNULL(expr) AS COALESCE(expr, 0)',
    'CREATE OR REPLACE TEMP MACRO NULLIFZERO(expr) AS NULLIF(expr, 0)',
    'CREATE OR REPLACE TEMP MACRO EQUAL_NULL(expr1, expr2) AS expr1 IS NOT DISTINCT FROM expr2',
  ],
};
