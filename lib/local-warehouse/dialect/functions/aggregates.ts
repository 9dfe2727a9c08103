/**
 * Snowflake's aggregate and window functions that DuckDB names differently or computes
 * differently. A macro that is one aggregate call stays an aggregate, and a window function with
 * OVER; what Snowflake computes as an expression of several aggregates (KURTOSIS, BOOLXOR_AGG)
 * or with its own window (RATIO_TO_REPORT, CONDITIONAL_CHANGE_EVENT …) is rewritten on the
 * statement's tokens (aggregate-expressions.ts, window-functions.ts), as are WITHIN GROUP
 * (within-group.ts) and COUNT of several columns (multi-column-count.ts).
 * COUNT_IF, ANY_VALUE, MEDIAN, MODE, MAX_BY / MIN_BY, VARIANCE / VAR_SAMP / VAR_POP, STDDEV*,
 * CORR, COVAR_*, REGR_* and the ranking functions are DuckDB's own, which agree with Snowflake's.
 * https://docs.snowflake.com/en/sql-reference/functions-aggregation
 * https://docs.snowflake.com/en/sql-reference/functions-window
 */
import { aggregateExpressions } from './aggregate-expressions';
import type { FunctionFamily } from './function-family';
import { multiColumnCount } from './multi-column-count';
import { raiseSql } from './raise';
import { windowFunctions } from './window-functions';
import { withinGroup } from './within-group';

/** Snowflake's bitwise aggregates, each with its three aliases. */
const BITWISE_AGGREGATES: Record<string, string> = { AND: 'bit_and', OR: 'bit_or', XOR: 'bit_xor' };

const bitwiseMacros = Object.entries(BITWISE_AGGREGATES).flatMap(([operation, duckdb]) =>
  [`BIT${operation}_AGG`, `BIT${operation}AGG`, `BIT_${operation}_AGG`, `BIT_${operation}AGG`].map(
    (name) => `CREATE OR REPLACE MACRO ${name}(expr) AS ${duckdb}(SF_BIT_OPERAND(expr))`,
  ),
);

/**
 * (n(n+1) / ((n-1)(n-2)(n-3))) · (n·m4 / k2²) − 3(n-1)² / ((n-2)(n-3)), with n·m4 the sum of
 * the fourth powers of the deviations and k2 the unbiased variance, computed in FLOAT.
 */
const SAMPLE_EXCESS_KURTOSIS =
  `(n::DOUBLE * (n + 1) / ((n - 1)::DOUBLE * (n - 2) * (n - 3)) * SF_CENTRAL_SUM(l, m, 4) / power(SF_CENTRAL_SUM(l, m, 2) / (n - 1)::DOUBLE, 2) ` +
  `- 3 * power(n - 1, 2)::DOUBLE / ((n - 2)::DOUBLE * (n - 3)))`;

/** The scale of `v`'s type: s of DECIMAL(p,s), 0 for an integer (typeof() is a constant). */
const NUMBER_SCALE = `COALESCE(TRY_CAST(split_part(rtrim(typeof(v), ')'), ',', 2) AS INTEGER), 0)`;

export const aggregates: FunctionFamily = {
  macros: [
    // A BOOLEAN, or a number (non-zero is TRUE); text Snowflake does not read as one fails.
    `CREATE OR REPLACE MACRO SF_AGG_BOOLEAN(expr) AS CASE WHEN expr IS NULL THEN NULL ` +
      `WHEN TRY_CAST(expr AS BOOLEAN) IS NULL THEN ${raiseSql('100037', '22018', `'Boolean value ''' || expr::VARCHAR || ''' is not recognized'`)}::BOOLEAN ` +
      `ELSE CAST(expr AS BOOLEAN) END`,
    'CREATE OR REPLACE MACRO BOOLAND_AGG(expr) AS bool_and(SF_AGG_BOOLEAN(expr))',
    'CREATE OR REPLACE MACRO BOOLOR_AGG(expr) AS bool_or(SF_AGG_BOOLEAN(expr))',
    // BOOLXOR_AGG(x) is `SF_TRUE_COUNT(x) = 1` (aggregate-expressions.ts): NULL without a non-NULL input.
    'CREATE OR REPLACE MACRO SF_TRUE_COUNT(expr) AS sum(CASE WHEN SF_AGG_BOOLEAN(expr) THEN 1 WHEN expr IS NOT NULL THEN 0 END)',
    // Bitwise aggregates take numbers rounded to integers (half away from zero) and text as FLOAT.
    `CREATE OR REPLACE MACRO SF_BIT_OPERAND(expr) AS CASE WHEN typeof(expr) IN ('VARCHAR', 'DOUBLE', 'FLOAT') ` +
      `THEN CAST(round(CAST(expr AS DOUBLE)) AS HUGEINT) ELSE CAST(expr AS HUGEINT) END`,
    ...bitwiseMacros,
    // An exact count where Snowflake estimates one with HyperLogLog (within about 2%): DuckDB's
    // own estimate is off by a fifth for a thousand values.
    'CREATE OR REPLACE MACRO APPROX_COUNT_DISTINCT(expr) AS count(DISTINCT expr)',
    'CREATE OR REPLACE MACRO HLL(expr) AS count(DISTINCT expr)',
    // An exact percentile, where Snowflake estimates one with t-digest; FLOAT as Snowflake's.
    'CREATE OR REPLACE MACRO APPROX_PERCENTILE(expr, percentile) AS quantile_cont(expr::DOUBLE, percentile)',
    'CREATE OR REPLACE MACRO SF_PERCENTILE_CONT(expr, percentile) AS quantile_cont(expr, percentile)',
    'CREATE OR REPLACE MACRO SF_PERCENTILE_DISC(expr, percentile) AS quantile_disc(expr, percentile)',
    'CREATE OR REPLACE MACRO SF_PERCENTILE_DISC_DESC(expr, percentile) AS -quantile_disc(-expr, percentile)',
    'CREATE OR REPLACE MACRO SKEW(expr) AS skewness(expr)',
    'CREATE OR REPLACE MACRO VARIANCE_SAMP(expr) AS var_samp(expr)',
    'CREATE OR REPLACE MACRO VARIANCE_POP(expr) AS var_pop(expr)',
    'CREATE OR REPLACE MACRO REGR_VALX(y, x) AS CASE WHEN y IS NULL THEN NULL ELSE x END',
    'CREATE OR REPLACE MACRO REGR_VALY(y, x) AS CASE WHEN x IS NULL THEN NULL ELSE y END',
    // Snowflake's sample excess kurtosis of the non-NULL values (NULL for fewer than four), from
    // their mean `m`: central moments of the values themselves, not of power sums, which lose
    // the digits Snowflake shows (NULL values give NULL powers, which list_sum skips). A NUMBER's
    // kurtosis has scale 12.
    `CREATE OR REPLACE MACRO SF_CENTRAL_SUM(l, m, k) AS list_sum(list_transform(l, v -> power(v::DOUBLE - m, k)))`,
    `CREATE OR REPLACE MACRO SF_KURTOSIS_OF(l, m, n) AS CASE WHEN n < 4 THEN NULL ` +
      `WHEN typeof(l) IN ('DOUBLE[]', 'FLOAT[]') THEN ${SAMPLE_EXCESS_KURTOSIS} ELSE round(${SAMPLE_EXCESS_KURTOSIS}, 12) END`,
    // RATIO_TO_REPORT (window-functions.ts): NULL when the sum is 0; a NUMBER's ratio rounded to
    // the scale of Snowflake's NUMBER division, max(s, min(s + 6, 12)), though kept a FLOAT.
    `CREATE OR REPLACE MACRO SF_RATIO(v, total) AS CASE WHEN total = 0 THEN NULL ` +
      `WHEN typeof(v) LIKE '%INT' OR typeof(v) LIKE '%INTEGER' OR typeof(v) LIKE 'DECIMAL(%' ` +
      `THEN round(DIVIDE(v::DOUBLE, total::DOUBLE), greatest(${NUMBER_SCALE}, least(${NUMBER_SCALE} + 6, 12))) ` +
      `ELSE DIVIDE(v::DOUBLE, total::DOUBLE) END`,
    // CONDITIONAL_CHANGE_EVENT (window-functions.ts): changes between neighbours of the values so
    // far; a comparison with NULL is no change, as in Snowflake's `expr <> LAG(expr)`.
    'CREATE OR REPLACE MACRO SF_VALUES(expr) AS list(expr)',
    'CREATE OR REPLACE MACRO SF_CHANGE_EVENTS(l) AS len(list_filter(list_zip(l[1:-2], l[2:]), p -> p[1] <> p[2]))',
  ],
  rewrite: (sql) => windowFunctions(aggregateExpressions(multiColumnCount(withinGroup(sql)))),
  // The rewritten functions, and DuckDB's own of Snowflake's names that agree with Snowflake's
  // for Snowflake's arguments (the SQL corpus holds them to it).
  rewritten: [
    'PERCENTILE_CONT', 'PERCENTILE_DISC', 'KURTOSIS', 'BOOLXOR_AGG', 'RATIO_TO_REPORT', 'CONDITIONAL_TRUE_EVENT',
    'CONDITIONAL_CHANGE_EVENT', 'ANY_VALUE', 'MEDIAN', 'MODE', 'MAX_BY', 'MIN_BY',
  ],
};
