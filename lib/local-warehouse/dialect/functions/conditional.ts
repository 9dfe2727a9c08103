/**
 * Snowflake's conditional functions (IFF, NVL, IFNULL, NVL2, ZEROIFNULL, NULLIFZERO, EQUAL_NULL,
 * and DECODE, rewritten to a CASE in decode.ts).
 * https://docs.snowflake.com/en/sql-reference/expressions-conditional
 */
import { decodeFunction } from './decode';
import type { FunctionFamily } from './function-family';

export const conditional: FunctionFamily = {
  macros: [
    'CREATE OR REPLACE MACRO IFF(condition, if_true, if_false) AS CASE WHEN condition THEN if_true ELSE if_false END',
    'CREATE OR REPLACE MACRO NVL(expr1, expr2) AS COALESCE(expr1, expr2)',
    'CREATE OR REPLACE MACRO IFNULL(expr1, expr2) AS COALESCE(expr1, expr2)',
    'CREATE OR REPLACE MACRO NVL2(expr1, expr2, expr3) AS CASE WHEN expr1 IS NOT NULL THEN expr2 ELSE expr3 END',
    'CREATE OR REPLACE MACRO ZEROIFNULL(expr) AS COALESCE(expr, 0)',
    'CREATE OR REPLACE MACRO NULLIFZERO(expr) AS NULLIF(expr, 0)',
    'CREATE OR REPLACE MACRO EQUAL_NULL(expr1, expr2) AS expr1 IS NOT DISTINCT FROM expr2',
  ],
  rewrite: decodeFunction,
  rewritten: ['DECODE'],
};
