/**
 * Snowflake's numeric functions: DIV0, DIV0NULL, SQUARE, ROUND / TRUNC / CEIL / FLOOR with a
 * scale or a rounding mode, WIDTH_BUCKET, HAVERSINE, and GREATEST / LEAST (NULL when any
 * argument is NULL). ABS, SIGN, MOD, LN, LOG(base, x), EXP, POW / POWER, SQRT, CBRT, FACTORIAL,
 * PI and the trigonometric functions are DuckDB's own, which agree with Snowflake's.
 * https://docs.snowflake.com/en/sql-reference/functions-numeric
 */
import type { FunctionFamily } from './function-family';
import { greatestLeast } from './greatest-least';
import { numericRounding } from './numeric-rounding';
import { raiseSql } from './raise';

/** Snowflake refuses a rounding mode for a FLOAT, at compile time. */
const ROUNDING_MODE_OF_FLOAT = raiseSql(
  '002000',
  '42000',
  `'SQL compilation error:\nThe rounding_mode argument of ROUND needs a fixed-point number (NUMBER); FLOAT is not supported.'`,
);

/** The great-circle distance's Earth radius in kilometres, as Snowflake's HAVERSINE uses it. */
const EARTH_RADIUS_KM = 6371;

export const numbers: FunctionFamily = {
  macros: [
    "CREATE OR REPLACE MACRO SF_IS_FLOAT(x) AS typeof(x) IN ('DOUBLE', 'FLOAT')",
    'CREATE OR REPLACE MACRO DIV0(dividend, divisor) AS CASE WHEN divisor = 0 THEN 0 ELSE dividend / divisor END',
    'CREATE OR REPLACE MACRO DIV0NULL(dividend, divisor) AS CASE WHEN divisor = 0 OR divisor IS NULL THEN 0 ELSE dividend / divisor END',
    // Snowflake's SQUARE returns a FLOAT whatever the input.
    'CREATE OR REPLACE MACRO SQUARE(expr) AS expr::DOUBLE * expr::DOUBLE',
    // A scale that is not a constant: DuckDB rounds a NUMBER only to a constant scale, and takes
    // the scale as an INTEGER (a NUMBER column is a BIGINT here).
    'CREATE OR REPLACE MACRO SF_ROUND_DYNAMIC(x, s) AS round(x::DOUBLE, s::INTEGER)',
    'CREATE OR REPLACE MACRO SF_TRUNC_DYNAMIC(x, s) AS trunc(x::DOUBLE, s::INTEGER)',
    // CEIL / FLOOR to `s` places; `unit` is 10^-s written as a literal of scale s, so a NUMBER
    // keeps scale s; the outer round() takes a FLOAT's representation error off the sum.
    'CREATE OR REPLACE MACRO SF_CEIL(x, s, unit) AS round(CASE WHEN trunc(x, s) >= x THEN trunc(x, s) ELSE trunc(x, s) + unit END, s)',
    'CREATE OR REPLACE MACRO SF_FLOOR(x, s, unit) AS round(CASE WHEN trunc(x, s) <= x THEN trunc(x, s) ELSE trunc(x, s) - unit END, s)',
    'CREATE OR REPLACE MACRO SF_CEIL_DYNAMIC(x, s) AS SF_CEIL(x::DOUBLE, s::INTEGER, power(10, -s))',
    'CREATE OR REPLACE MACRO SF_FLOOR_DYNAMIC(x, s) AS SF_FLOOR(x::DOUBLE, s::INTEGER, power(10, -s))',
    `CREATE OR REPLACE MACRO SF_ROUND_HALF_AWAY(x, s) AS CASE WHEN SF_IS_FLOAT(x) THEN ${ROUNDING_MODE_OF_FLOAT} ELSE round(x, s) END`,
    `CREATE OR REPLACE MACRO SF_ROUND_HALF_AWAY_DYNAMIC(x, s) AS CASE WHEN SF_IS_FLOAT(x) THEN ${ROUNDING_MODE_OF_FLOAT} ELSE round(x::DOUBLE, s::INTEGER) END`,
    // Half to even: where x lies exactly half-way (it is as far from its truncation as from its
    // rounding away from zero) and the rounding away is odd, the truncation is the even neighbour.
    `CREATE OR REPLACE MACRO SF_ROUND_HALF_EVEN(x, s) AS CASE ` +
      `WHEN SF_IS_FLOAT(x) THEN ${ROUNDING_MODE_OF_FLOAT} ` +
      `WHEN round(x, s) <> trunc(x, s) AND abs(x - trunc(x, s)) = abs(round(x, s) - x) ` +
      `AND round(round(x, s)::DOUBLE * power(10, s)) % 2 <> 0 THEN trunc(x, s) ` +
      `ELSE round(x, s) END`,
    `CREATE OR REPLACE MACRO SF_ROUND_HALF_EVEN_DYNAMIC(x, s) AS CASE WHEN SF_IS_FLOAT(x) THEN ${ROUNDING_MODE_OF_FLOAT} ELSE round_even(x::DOUBLE, s::INTEGER) END`,
    // GREATEST / LEAST take their arguments as one list (greatest-least.ts): NULL when any is NULL.
    'CREATE OR REPLACE MACRO SF_GREATEST(l) AS CASE WHEN list_count(l) = len(l) THEN list_max(l) END',
    'CREATE OR REPLACE MACRO SF_LEAST(l) AS CASE WHEN list_count(l) = len(l) THEN list_min(l) END',
    'CREATE OR REPLACE MACRO SF_GREATEST_IGNORE_NULLS(l) AS list_max(l)',
    'CREATE OR REPLACE MACRO SF_LEAST_IGNORE_NULLS(l) AS list_min(l)',
    // Bucket 0 below the range, num_buckets + 1 at or above its end; a range may run downwards.
    `CREATE OR REPLACE MACRO WIDTH_BUCKET(expr, min_value, max_value, num_buckets) AS CASE ` +
      `WHEN expr IS NULL OR min_value IS NULL OR max_value IS NULL OR num_buckets IS NULL THEN NULL ` +
      `WHEN min_value < max_value THEN CASE WHEN expr < min_value THEN 0 WHEN expr >= max_value THEN num_buckets + 1 ` +
      `ELSE CAST(floor((expr - min_value)::DOUBLE * num_buckets / (max_value - min_value)::DOUBLE) AS BIGINT) + 1 END ` +
      `ELSE CASE WHEN expr > min_value THEN 0 WHEN expr <= max_value THEN num_buckets + 1 ` +
      `ELSE CAST(floor((min_value - expr)::DOUBLE * num_buckets / (min_value - max_value)::DOUBLE) AS BIGINT) + 1 END END`,
    `CREATE OR REPLACE MACRO HAVERSINE(lat1, lon1, lat2, lon2) AS 2 * ${EARTH_RADIUS_KM} * asin(sqrt(` +
      `power(sin((radians(lat2) - radians(lat1)) / 2), 2) + ` +
      `cos(radians(lat1)) * cos(radians(lat2)) * power(sin((radians(lon2) - radians(lon1)) / 2), 2)))`,
  ],
  rewrite: (sql) => greatestLeast(numericRounding(sql)),
  // The rewritten functions, and DuckDB's own of Snowflake's names that agree with Snowflake's
  // for Snowflake's arguments (the SQL corpus holds them to it).
  rewritten: [
    'ROUND', 'TRUNC', 'TRUNCATE', 'CEIL', 'CEILING', 'FLOOR', 'GREATEST', 'LEAST', 'GREATEST_IGNORE_NULLS',
    'LEAST_IGNORE_NULLS', 'MOD', 'LN', 'LOG', 'FACTORIAL',
  ],
};
