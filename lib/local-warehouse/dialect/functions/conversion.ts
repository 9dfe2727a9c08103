/**
 * Snowflake's conversion functions (TO_BOOLEAN, TO_NUMBER, TO_VARCHAR, TO_DATE, TO_TIMESTAMP …).
 * https://docs.snowflake.com/en/sql-reference/functions-conversion
 */
import type { FunctionFamily } from './function-family';
import { raiseSql } from './raise';

/** Snowflake's accepted texts for TRUE and FALSE, any case. */
const TRUE_TEXTS = "['true', 't', 'yes', 'y', 'on', '1']";
const FALSE_TEXTS = "['false', 'f', 'no', 'n', 'off', '0']";

export const conversion: FunctionFamily = {
  macros: [
    `CREATE OR REPLACE TEMP MACRO TRY_TO_BOOLEAN(expr) AS CASE ` +
      `WHEN expr IS NULL THEN NULL ` +
      `WHEN list_contains(${TRUE_TEXTS}, lower(trim(expr::VARCHAR))) THEN TRUE ` +
      `WHEN list_contains(${FALSE_TEXTS}, lower(trim(expr::VARCHAR))) THEN FALSE END`,
    `CREATE OR REPLACE TEMP MACRO TO_BOOLEAN(expr) AS CASE ` +
      `WHEN expr IS NULL THEN NULL ` +
      `WHEN TRY_TO_BOOLEAN(expr) IS NULL THEN ${raiseSql('100037', '22018', `'Boolean value ''' || expr::VARCHAR || ''' is not recognized'`)}::BOOLEAN ` +
      `ELSE TRY_TO_BOOLEAN(expr) END`,
  ],
};
