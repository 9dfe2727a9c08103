/**
 * Snowflake fails `x / 0` with "Division by zero"; DuckDB returns NULL or Infinity. A macro
 * named "/" in the function catalog takes precedence over DuckDB's operator (DuckDB resolves
 * operators through the function catalog, along the search path) and raises the error instead.
 * NULL operands still give NULL, and the quotient is a DOUBLE, as DuckDB's is.
 */
import { raiseSql } from './raise';

export const DIVISION_BY_ZERO_MACRO =
  `CREATE OR REPLACE MACRO "/"(a, b) AS ` +
  `CASE WHEN a IS NULL OR b IS NULL THEN NULL WHEN b = 0 THEN ${raiseSql('100051', '22012', "'Division by zero'")} ` +
  `ELSE DIVIDE(a::DOUBLE, b::DOUBLE) END`;
