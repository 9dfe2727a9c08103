/**
 * Snowflake's aggregate and window functions DuckDB names differently (BOOLAND_AGG, MEDIAN,
 * RATIO_TO_REPORT …). A macro may expand to an aggregate; DuckDB then treats the call as one.
 * https://docs.snowflake.com/en/sql-reference/functions-aggregation
 */
import type { FunctionFamily } from './function-family';

export const aggregates: FunctionFamily = {
  macros: [
    'CREATE OR REPLACE TEMP MACRO BOOLAND_AGG(expr) AS bool_and(expr::BOOLEAN)',
    'CREATE OR REPLACE TEMP MACRO BOOLOR_AGG(expr) AS bool_or(expr::BOOLEAN)',
  ],
};
