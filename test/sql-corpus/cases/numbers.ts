/**
 * Numeric functions and arithmetic, from Snowflake's function reference. The documentation prints
 * FLOAT results to about ten significant digits; where a case rounds a FLOAT result in SQL
 * (ROUND(LN(x), 9)), that is to compare with the digits the documentation shows.
 */
import type { Category } from '../corpus-case';

const TEST_CEILING = [
  'CREATE TABLE test_ceiling (n FLOAT, scale INTEGER)',
  'INSERT INTO test_ceiling (n, scale) VALUES (-975.975, -1), (-975.975, 0), (-975.975, 2), (135.135, -2), (135.135, 0), (135.135, 1), (135.135, 3), (135.135, 50), (135.135, NULL)',
];

const TAB_X = ['CREATE TABLE tab (x NUMBER)', 'INSERT INTO tab VALUES (0), (2), (10), (NULL)'];

const HOME_SALES = [
  'CREATE TABLE home_sales (sale_date DATE, price NUMBER(11, 2))',
  "INSERT INTO home_sales (sale_date, price) VALUES ('2013-08-01'::DATE, 290000.00), ('2014-02-01'::DATE, 320000.00), ('2015-04-01'::DATE, 399999.99), ('2016-04-01'::DATE, 400000.00), ('2017-04-01'::DATE, 470000.00), ('2018-04-01'::DATE, 510000.00)",
];

const GREATEST_TABLE = [
  'CREATE TABLE test_table_1_greatest (col_1 INTEGER, col_2 INTEGER, col_3 INTEGER, col_4 FLOAT)',
  'INSERT INTO test_table_1_greatest (col_1, col_2, col_3, col_4) VALUES (1, 2, 3, 4.00), (2, 4, -1, -2.00), (3, 6, NULL, 13.45)',
];

export const numbers: Category = [
  // Division and DIV0 / DIV0NULL.
  { source: 'functions/div0', sql: 'SELECT 1/2', rows: [[0.5]] },
  { source: 'functions/div0', sql: 'SELECT DIV0(1, 2)', rows: [[0.5]] },
  { source: 'functions/div0', sql: 'select 1/0', error: { code: '100051', message: 'Division by zero' } },
  { source: 'functions/div0', sql: 'SELECT DIV0(1, 0)', rows: [[0]] },
  { source: 'functions/div0null', sql: 'SELECT DIV0NULL(1, 2)', rows: [[0.5]] },
  { source: 'functions/div0null', sql: 'SELECT DIV0NULL(1, 0)', rows: [[0]] },
  { source: 'functions/div0null', sql: 'SELECT 1/NULL', rows: [[null]] },
  { source: 'functions/div0null', sql: 'SELECT DIV0NULL(1, NULL)', rows: [[0]] },
  { source: 'functions/div0null', sql: "SELECT DIV0NULL('a', 1)", error: { code: '100038', message: "Numeric value 'a' is not recognized" } },
  { source: 'operators-arithmetic', sql: 'SELECT 7/2, 10 / (5 - 3), -7/2', rows: [[3.5, 5, -3.5]] },
  { source: 'operators-arithmetic', sql: 'SELECT 10 / (5 - 5)', error: { code: '100051', message: 'Division by zero' } },
  { source: 'operators-arithmetic', sql: 'SELECT 10.01 n1, 1.1 n2, n1 * n2', rows: [[10.01, 1.1, 11.011]] },
  { source: 'operators-arithmetic', sql: 'SELECT 10.001 n1, .001 n2, n1 * n2', rows: [[10.001, 0.001, 0.010001]] },
  { source: 'operators-arithmetic', sql: 'SELECT 10.001 n1, .001 n2, n1 / n2', rows: [[10.001, 0.001, 10001]] },
  { source: 'operators-arithmetic', sql: 'SELECT .1 n1, .0000000000001 n2, n1 / n2', rows: [[0.1, 0.0000000000001, 1000000000000]] },
  {
    source: 'operators-arithmetic',
    sql: 'SELECT 2 n1, 7 n2, n1 / n2',
    rows: [[2, 7, 0.285714]],
    knownGap: 'a NUMBER quotient is an unrounded FLOAT, not rounded to the scale Snowflake gives it',
  },
  {
    source: 'operators-arithmetic',
    sql: 'SELECT 10.1 n1, 2.1 n2, n1 / n2',
    rows: [[10.1, 2.1, 4.8095238]],
    knownGap: 'a NUMBER quotient is an unrounded FLOAT, not rounded to the scale Snowflake gives it',
  },

  // ROUND.
  { source: 'functions/round', sql: 'SELECT ROUND(135.135), ROUND(-975.975)', rows: [[135, -976]], types: ['fixed', 'fixed'] },
  {
    source: 'functions/round',
    setup: TEST_CEILING,
    sql: 'SELECT n, scale, ROUND(n, scale) FROM test_ceiling ORDER BY n, scale',
    rows: [
      [-975.975, -1, -980], [-975.975, 0, -976], [-975.975, 2, -975.98], [135.135, -2, 100], [135.135, 0, 135],
      [135.135, 1, 135.1], [135.135, 3, 135.135], [135.135, 50, 135.135], [135.135, null, null],
    ],
  },
  { source: 'functions/round', sql: "SELECT ROUND(2.5, 0), ROUND(2.5, 0, 'HALF_TO_EVEN')", rows: [[3, 2]] },
  { source: 'functions/round', sql: "SELECT ROUND(-2.5, 0), ROUND(-2.5, 0, 'HALF_TO_EVEN')", rows: [[-3, -2]] },
  {
    source: 'functions/round',
    sql: 'SELECT ROUND(\n  EXPR => -2.5,\n  SCALE => 0) AS named_arguments',
    rows: [[-3]],
    columns: ['NAMED_ARGUMENTS'],
  },
  {
    source: 'functions/round',
    sql: "SELECT ROUND(\n  EXPR => -2.5,\n  SCALE => 0,\n  ROUNDING_MODE => 'HALF_TO_EVEN') AS named_with_rounding_mode",
    rows: [[-2]],
    columns: ['NAMED_WITH_ROUNDING_MODE'],
  },
  {
    source: 'functions/round',
    setup: [
      'CREATE OR REPLACE TEMP TABLE rnd1(f float, d DECIMAL(10, 3))',
      'INSERT INTO rnd1 (f, d) VALUES ( -10.005, -10.005), ( -1.005, -1.005), ( 1.005, 1.005), ( 10.005, 10.005)',
    ],
    sql: 'SELECT f, ROUND(f, 2), d, ROUND(d, 2) FROM rnd1 ORDER BY 1',
    rows: [[-10.005, -10.01, -10.005, -10.01], [-1.005, -1, -1.005, -1.01], [1.005, 1, 1.005, 1.01], [10.005, 10.01, 10.005, 10.01]],
  },
  // Returns: a FLOAT stays a FLOAT; a NUMBER keeps the scale asked for (0 for a negative one).
  { source: 'functions/round', sql: 'SELECT ROUND(3.14::FLOAT, 1), ROUND(3.14, 1), ROUND(-9.99, 0), ROUND(33.33, -1)', rows: [[3.1, 3.1, -10, 30]], types: ['real', 'fixed', 'fixed', 'fixed'] },
  // Half to even at other scales: ties go to the even neighbour, other values round as usual.
  { source: 'functions/round', sql: "SELECT ROUND(0.125, 2, 'HALF_TO_EVEN'), ROUND(0.135, 2, 'HALF_TO_EVEN'), ROUND(25, -1, 'HALF_TO_EVEN'), ROUND(0.126, 2, 'HALF_TO_EVEN')", rows: [[0.12, 0.14, 20, 0.13]] },

  // TRUNCATE / TRUNC.
  {
    source: 'functions/trunc',
    setup: ['CREATE TABLE numeric_trunc_demo (n FLOAT, scale INTEGER)', ...TEST_CEILING.slice(1).map((insert) => insert.replace('test_ceiling', 'numeric_trunc_demo'))],
    sql: 'SELECT DISTINCT n, TRUNCATE(n) FROM numeric_trunc_demo ORDER BY n',
    rows: [[-975.975, -975], [135.135, 135]],
  },
  {
    source: 'functions/trunc',
    setup: TEST_CEILING,
    sql: 'SELECT n, scale, TRUNC(n, scale) FROM test_ceiling ORDER BY n, scale',
    rows: [
      [-975.975, -1, -970], [-975.975, 0, -975], [-975.975, 2, -975.97], [135.135, -2, 100], [135.135, 0, 135],
      [135.135, 1, 135.1], [135.135, 3, 135.135], [135.135, 50, 135.135], [135.135, null, null],
    ],
  },
  { source: 'functions/trunc', sql: 'SELECT TRUNCATE(3.14, 1), TRUNCATE(3.14, 0), TRUNCATE(33.33, -1), TRUNCATE(-9.6)', rows: [[3.1, 3, 30, -9]], types: ['fixed', 'fixed', 'fixed', 'fixed'] },
  {
    source: 'functions/trunc2',
    setup: ['CREATE OR REPLACE TABLE test_date_trunc (mydate DATE, mytime TIME, mytimestamp TIMESTAMP)', "INSERT INTO test_date_trunc VALUES ('2024-05-09', '08:50:48', '2024-05-09 08:50:57.891')"],
    sql: 'SELECT mydate AS "DATE", TRUNC(mydate, \'year\') AS "TRUNCATED TO YEAR", TRUNC(mydate, \'month\') AS "TRUNCATED TO MONTH", TRUNC(mydate, \'day\') AS "TRUNCATED TO DAY" FROM test_date_trunc',
    rows: [['2024-05-09', '2024-01-01', '2024-05-01', '2024-05-09']],
  },
  {
    source: 'functions/trunc2',
    setup: ['CREATE OR REPLACE TABLE test_date_trunc (mydate DATE, mytime TIME, mytimestamp TIMESTAMP)', "INSERT INTO test_date_trunc VALUES ('2024-05-09', '08:50:48', '2024-05-09 08:50:57.891')"],
    sql: 'SELECT TRUNCATE(mytimestamp, \'hour\') AS "TRUNCATED TO HOUR", TRUNCATE(mytimestamp, \'minute\') AS "TRUNCATED TO MINUTE", TRUNCATE(mytimestamp, \'second\') AS "TRUNCATED TO SECOND" FROM test_date_trunc',
    rows: [['2024-05-09 08:00:00.000', '2024-05-09 08:50:00.000', '2024-05-09 08:50:57.000']],
  },

  // CEIL / FLOOR.
  { source: 'functions/ceil', sql: 'SELECT CEIL(135.135), CEIL(-975.975)', rows: [[136, -975]] },
  {
    source: 'functions/ceil',
    setup: TEST_CEILING,
    sql: 'SELECT n, scale, ceil(n, scale) FROM test_ceiling ORDER BY n, scale',
    rows: [
      [-975.975, -1, -970], [-975.975, 0, -975], [-975.975, 2, -975.97], [135.135, -2, 200], [135.135, 0, 136],
      [135.135, 1, 135.2], [135.135, 3, 135.135], [135.135, 50, 135.135], [135.135, null, null],
    ],
  },
  { source: 'functions/ceil', sql: 'SELECT CEIL(3.14::FLOAT, 1), CEIL(3.14, 1), CEIL(-9.99, 0), CEIL(33.33, -1), CEIL(-1.9)', rows: [[3.2, 3.2, -9, 40, -1]], types: ['real', 'fixed', 'fixed', 'fixed', 'fixed'] },
  { source: 'functions/floor', sql: 'SELECT FLOOR(135.135), FLOOR(-975.975)', rows: [[135, -976]] },
  {
    source: 'functions/floor',
    setup: TEST_CEILING,
    sql: 'SELECT n, scale, FLOOR(n, scale) FROM test_ceiling ORDER BY n, scale',
    rows: [
      [-975.975, -1, -980], [-975.975, 0, -976], [-975.975, 2, -975.98], [135.135, -2, 100], [135.135, 0, 135],
      [135.135, 1, 135.1], [135.135, 3, 135.135], [135.135, 50, 135.135], [135.135, null, null],
    ],
  },
  { source: 'functions/floor', sql: 'SELECT FLOOR(3.14::FLOAT, 1), FLOOR(3.14, 1), FLOOR(-9.99, 0), FLOOR(33.33, -1), FLOOR(-1.1)', rows: [[3.1, 3.1, -10, 30, -2]], types: ['real', 'fixed', 'fixed', 'fixed', 'fixed'] },

  // MOD, SIGN, ABS, SQUARE.
  { source: 'functions/mod', sql: 'SELECT MOD(3, 2) AS mod1, MOD(4.5, 1.2) AS mod2', rows: [[1, 0.9]] },
  { source: 'functions/mod', sql: 'SELECT MOD(-3, 2) AS neg_mod', rows: [[-1]] },
  { source: 'functions/sign', sql: 'SELECT SIGN(5), SIGN(-1.35e-10), SIGN(0)', rows: [[1, -1, 0]] },
  {
    source: 'functions/abs',
    sql: 'SELECT column1, abs(column1) FROM (values (0), (1), (-2), (3.5), (-4.5), (null))',
    rows: [[0, 0], [1, 1], [-2, 2], [3.5, 3.5], [-4.5, 4.5], [null, null]],
    unordered: true,
  },
  {
    source: 'functions/square',
    sql: 'SELECT column1, square(column1) FROM (values (0), (1), (-2), (3.15), (null)) v',
    rows: [[0, 0], [1, 1], [-2, 4], [3.15, 9.9225], [null, null]],
    types: ['fixed', 'real'],
    unordered: true,
  },

  // Logarithms, exponents and roots.
  {
    source: 'functions/ln',
    setup: ['CREATE TABLE tab (x NUMBER)', 'INSERT INTO tab VALUES (1), (10), (100), (NULL)'],
    sql: 'SELECT x, ROUND(ln(x), 9) FROM tab ORDER BY x',
    rows: [[1, 0], [10, 2.302585093], [100, 4.605170186], [null, null]],
  },
  {
    source: 'functions/log',
    setup: ['CREATE TABLE tab (x NUMBER, y NUMBER(10, 1))', 'INSERT INTO tab VALUES (2, 0.5), (2, 1), (2, 8), (2, 16), (10, 10), (10, 20), (10, NULL), (NULL, 10), (NULL, NULL)'],
    sql: 'SELECT x, y, ROUND(log(x, y), 9) FROM tab ORDER BY x, y',
    rows: [[2, 0.5, -1], [2, 1, 0], [2, 8, 3], [2, 16, 4], [10, 10, 1], [10, 20, 1.301029996], [10, null, null], [null, 10, null], [null, null, null]],
  },
  { source: 'functions/exp', sql: 'SELECT ROUND(EXP(1), 9), ROUND(EXP(LN(10)), 9)', rows: [[2.718281828, 10]] },
  {
    source: 'functions/pow',
    setup: ['CREATE TABLE tab (x NUMBER(10, 1), y NUMBER(10, 1))', 'INSERT INTO tab VALUES (0.1, 2), (2, 3), (2, 0.5), (2, -1)'],
    sql: 'SELECT x, y, ROUND(pow(x, y), 9), ROUND(POWER(x, y), 9) FROM tab ORDER BY x, y',
    rows: [[0.1, 2, 0.01, 0.01], [2, -1, 0.5, 0.5], [2, 0.5, 1.414213562, 1.414213562], [2, 3, 8, 8]],
  },
  { source: 'functions/pow', sql: 'SELECT POW(2, 3)', rows: [[8]], types: ['real'] },
  { source: 'functions/sqrt', setup: TAB_X, sql: 'SELECT x, ROUND(sqrt(x), 9) FROM tab ORDER BY x', rows: [[0, 0], [2, 1.414213562], [10, 3.16227766], [null, null]] },
  {
    source: 'functions/cbrt',
    setup: ['CREATE TABLE tab (x NUMBER)', 'INSERT INTO tab VALUES (0), (2), (-10), (NULL)'],
    sql: 'SELECT x, ROUND(CBRT(x), 8) FROM tab ORDER BY x',
    rows: [[-10, -2.15443469], [0, 0], [2, 1.25992105], [null, null]],
  },
  { source: 'functions/factorial', sql: 'SELECT FACTORIAL(0), FACTORIAL(1), FACTORIAL(5), FACTORIAL(10)', rows: [[1, 1, 120, 3628800]] },

  // WIDTH_BUCKET, GREATEST, LEAST, HAVERSINE.
  {
    source: 'functions/width_bucket',
    setup: HOME_SALES,
    sql: 'SELECT sale_date, price, WIDTH_BUCKET(price, 200000, 600000, 4) AS "SALES GROUP" FROM home_sales ORDER BY sale_date',
    rows: [
      ['2013-08-01', 290000, 1], ['2014-02-01', 320000, 2], ['2015-04-01', 399999.99, 2],
      ['2016-04-01', 400000, 3], ['2017-04-01', 470000, 3], ['2018-04-01', 510000, 4],
    ],
    columns: ['SALE_DATE', 'PRICE', 'SALES GROUP'],
  },
  // Outside the range: 0 below min_value, num_buckets + 1 at or above max_value.
  { source: 'functions/width_bucket', sql: 'SELECT WIDTH_BUCKET(100000, 200000, 600000, 4), WIDTH_BUCKET(600000, 200000, 600000, 4), WIDTH_BUCKET(NULL, 200000, 600000, 4)', rows: [[0, 5, null]] },
  {
    source: 'functions/greatest',
    setup: GREATEST_TABLE,
    sql: 'SELECT col_1, col_2, col_3, GREATEST(col_1, col_2, col_3) AS greatest FROM test_table_1_greatest ORDER BY col_1',
    rows: [[1, 2, 3, 3], [2, 4, -1, 4], [3, 6, null, null]],
  },
  {
    source: 'functions/greatest',
    setup: GREATEST_TABLE,
    sql: 'SELECT col_1, col_4, GREATEST(col_1, col_4) AS greatest FROM test_table_1_greatest ORDER BY col_1',
    rows: [[1, 4, 4], [2, -2, 2], [3, 13.45, 13.45]],
  },
  { source: 'functions/least', sql: 'SELECT LEAST(1, 3, 0, 4)', rows: [[0]], columns: ['LEAST(1, 3, 0, 4)'] },
  {
    source: 'functions/least',
    sql: 'SELECT col_1, col_2, col_3, LEAST(col_1, col_2, col_3) AS least FROM (SELECT 1 AS col_1, 2 AS col_2, 3 AS col_3 UNION ALL SELECT 2, 4, -1 UNION ALL SELECT 3, 6, NULL)',
    rows: [[1, 2, 3, 1], [2, 4, -1, -1], [3, 6, null, null]],
    unordered: true,
  },
  { source: 'functions/greatest_ignore_nulls', sql: 'SELECT GREATEST_IGNORE_NULLS(1, NULL, 3), LEAST_IGNORE_NULLS(4, NULL, 2), GREATEST(1, NULL, 3)', rows: [[3, 2, null]] },
  {
    source: 'functions/haversine',
    sql: 'SELECT ROUND(HAVERSINE(40.7127, -74.0059, 34.0500, -118.2500), 9) AS distance_in_kilometers',
    rows: [[3936.385096389]],
  },
  {
    source: 'functions/haversine',
    sql: 'SELECT ROUND(HAVERSINE(40.7127, -74.0059, 34.0500, -118.2500) * 1000, 8) AS distance_in_meters',
    rows: [[3936385.09638929]],
    types: ['real'],
  },

  // Trigonometry.
  { source: 'functions/sin', sql: 'SELECT SIN(0), ROUND(SIN(PI()/3), 10), SIN(RADIANS(90))', rows: [[0, 0.8660254038, 1]] },
  { source: 'functions/cos', sql: 'SELECT COS(0), ROUND(COS(PI()/3), 10), ROUND(COS(RADIANS(90)), 26)', rows: [[1, 0.5, 6.123233996e-17]] },
  { source: 'functions/tan', sql: 'SELECT TAN(0), ROUND(TAN(PI()/3), 9), ROUND(TAN(RADIANS(90)), -2)', rows: [[0, 1.732050808, 1.63312393531954e16]] },
  { source: 'functions/cot', sql: 'SELECT ROUND(COT(PI()/3), 10), ROUND(COT(RADIANS(90)), 26)', rows: [[0.5773502692, 6.123233996e-17]] },
  { source: 'functions/asin', sql: 'SELECT ASIN(0), ROUND(ASIN(0.5), 10), ROUND(ASIN(1), 9)', rows: [[0, 0.5235987756, 1.570796327]] },
  { source: 'functions/acos', sql: 'SELECT ROUND(ACOS(0), 9), ROUND(ACOS(0.5), 9), ACOS(1)', rows: [[1.570796327, 1.047197551, 0]] },
  { source: 'functions/atan2', sql: 'SELECT ROUND(ATAN2(5, 5), 10)', rows: [[0.7853981634]] },
  { source: 'functions/tanh', sql: 'SELECT ROUND(TANH(1.5), 10)', rows: [[0.9051482536]] },
  { source: 'functions/acosh', sql: 'SELECT ROUND(ACOSH(2.352409615), 9)', rows: [[1.5]] },
  { source: 'functions/degrees', sql: 'SELECT ROUND(DEGREES(PI()/3), 9), ROUND(DEGREES(PI()), 9), ROUND(DEGREES(3 * PI()), 9), ROUND(DEGREES(1), 9)', rows: [[60, 180, 540, 57.295779513]] },
  { source: 'functions/radians', sql: 'SELECT RADIANS(0), ROUND(RADIANS(60), 9), ROUND(RADIANS(180), 9), ROUND(RADIANS(360), 9), ROUND(RADIANS(720), 9)', rows: [[0, 1.047197551, 3.141592654, 6.283185307, 12.566370614]] },
  { source: 'functions/pi', sql: 'SELECT ROUND(PI(), 9)', rows: [[3.141592654]], types: ['real'] },
];
