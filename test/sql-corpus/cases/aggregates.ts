/**
 * Aggregate and window functions, from Snowflake's function reference and its window function
 * syntax page. The documentation prints FLOAT results to about ten significant digits; where a
 * case rounds in SQL, that is to compare with the digits it shows. Where its example depends on
 * a tie being broken one way (MAX_BY over two equal salaries), the case asks a question without
 * a tie.
 */
import type { Category } from '../corpus-case';

const BASIC_EXAMPLE = [
  'CREATE TABLE basic_example (i_col INTEGER, j_col INTEGER)',
  'INSERT INTO basic_example VALUES (11, 101), (11, 102), (11, NULL), (12, 101), (NULL, 101), (NULL, 102)',
];

/** The `aggr` table of MEDIAN and MODE: k INT, v DECIMAL(10,2). */
const AGGR_KV = ['CREATE OR REPLACE TABLE aggr (k INT, v DECIMAL(10,2))'];

/** The `aggr` table of KURTOSIS, VAR_SAMP, CORR, COVAR_*, REGR_SLOPE. */
const AGGR_V_V2 = [
  'CREATE OR REPLACE TABLE aggr(k int, v decimal(10,2), v2 decimal(10, 2))',
  'INSERT INTO aggr VALUES (1, 10, NULL), (2, 10, 11), (2, 20, 22), (2, 25, NULL), (2, 30, 35)',
];

const PERCENTILE_AGGR = [
  'CREATE OR REPLACE TABLE aggr (k INT, v DECIMAL(10,2))',
  'INSERT INTO aggr (k, v) VALUES (0, 0), (0, 10), (0, 20), (0, 30), (0, 40), (1, 10), (1, 20), (2, 10), (2, 20), (2, 25), (2, 30), (3, 60), (4, NULL)',
];

const EMPLOYEES = [
  'CREATE OR REPLACE TABLE employees(employee_id NUMBER, department_id NUMBER, salary NUMBER)',
  'INSERT INTO employees VALUES (1001, 10, 10000), (1020, 10, 9000), (1030, 10, 8000), (900, 20, 15000), (2000, 20, NULL), (2010, 20, 15000), (2020, 20, 8000)',
];

const BOOLEAN_AGG = [
  'CREATE OR REPLACE TABLE test_boolean_agg (id INTEGER, c1 BOOLEAN, c2 BOOLEAN, c3 BOOLEAN, c4 BOOLEAN)',
  'INSERT INTO test_boolean_agg (id, c1, c2, c3, c4) VALUES (1, TRUE, TRUE, TRUE, FALSE), (2, TRUE, FALSE, FALSE, FALSE), (3, TRUE, TRUE, FALSE, FALSE), (4, TRUE, FALSE, FALSE, FALSE)',
];

const BITWISE_EXAMPLE = [
  'CREATE OR REPLACE TABLE bitwise_example (k INT, d DECIMAL(10,5), s1 VARCHAR(10), s2 VARCHAR(10))',
  "INSERT INTO bitwise_example VALUES (15, 1.1, '12', 'one'), (26, 2.9, '10', 'two'), (12, 7.1, '7.9', 'two'), (14, NULL, NULL, 'null'), (8, NULL, NULL, 'null'), (NULL, 9.1, '14', 'nine')",
];

/** The Beverage and Dessert rows of the menu_items table (stddev page). */
const MENU_ITEMS = [
  'CREATE OR REPLACE TABLE menu_items(menu_id INT NOT NULL, menu_category VARCHAR(20), menu_item_name VARCHAR(50), menu_cogs_usd NUMBER(7,2), menu_price_usd NUMBER(7,2))',
  "INSERT INTO menu_items VALUES (1,'Beverage','Bottled Soda',0.500,3.00), (2,'Beverage','Bottled Water',0.500,2.00), (19,'Dessert','Ice Cream Sandwich',1.00,4.00), (20,'Beverage','Iced Tea',0.7500,3.00), (26,'Beverage','Lemonade',0.6500,3.500), (28,'Dessert','Mango Sticky Rice',1.2500,5.00), (33,'Dessert','Popsicle',0.500,3.00), (40,'Dessert','Sugar Cone',2.500,6.00), (52,'Dessert','Two Scoop Bowl',3.00,7.00), (57,'Dessert','Waffle Cone',2.500,6.00)",
  "INSERT INTO menu_items VALUES (13,'Snack','Crepe Suzette',4.00,9.00), (15,'Snack','Fried Pickles',1.2500,6.00), (16,'Snack','Greek Salad',4.00,11.00), (36,'Snack','Seitan Buffalo Wings',4.00,7.00), (38,'Snack','Spring Mix Salad',2.2500,6.00)",
];

const EXAMPLE_CUMULATIVE = [
  'CREATE OR REPLACE TABLE example_cumulative (p INT, o INT, i INT)',
  'INSERT INTO example_cumulative VALUES (0, 1, 10), (0, 2, 20), (0, 3, 30), (100, 1, 10),(100, 2, 30),(100, 2, 5),(100, 3, 11),(100, 3, 120), (200, 1, 10000),(200, 1, 200),(200, 1, 808080),(200, 2, 33333),(200, 3, null), (200, 3, 4), (300, 1, null), (300, 1, null)',
];

const EXAMPLE_SLIDING = [
  'CREATE TABLE example_sliding (p INT, o INT, i INT, r INT, s VARCHAR(100))',
  "INSERT INTO example_sliding VALUES (100,1,1,70,'seventy'),(100,2,2,30, 'thirty'),(100,3,3,40,'forty'),(100,4,NULL,90,'ninety'), (100,5,5,50,'fifty'),(100,6,6,30,'thirty'), (200,7,7,40,'forty'),(200,8,NULL,NULL,'n_u_l_l'),(200,9,NULL,NULL,'n_u_l_l'),(200,10,10,20,'twenty'), (200,11,NULL,90,'ninety'), (300,12,12,30,'thirty'), (400,13,NULL,20,'twenty')",
];

const NULLS_TABLE = ['CREATE OR REPLACE TABLE nulls(c1 int, c2 int)', 'INSERT INTO nulls VALUES (1,10), (2,20), (3,30), (NULL,20), (NULL,50)'];

const CORN_PRODUCTION = [
  'CREATE OR REPLACE TABLE corn_production (farmer_id INTEGER, state VARCHAR, bushels FLOAT)',
  "INSERT INTO corn_production (farmer_id, state, bushels) VALUES (1, 'Iowa', 100), (2, 'Iowa', 110), (3, 'Kansas', 120), (4, 'Kansas', 130)",
];

const SALES = [
  'CREATE OR REPLACE TABLE sales(emp_id INTEGER, year INTEGER, revenue DECIMAL(10,2))',
  'INSERT INTO sales VALUES (0, 2010, 1000), (0, 2011, 1500), (0, 2012, 500), (0, 2013, 750)',
  'INSERT INTO sales VALUES (1, 2010, 10000), (1, 2011, 12500), (1, 2012, 15000), (1, 2013, 20000)',
  'INSERT INTO sales VALUES (2, 2012, 500), (2, 2013, 800)',
];

const SALES_ROWS_BY_EMPLOYEE = [
  [0, 2010, 1000], [0, 2011, 1500], [0, 2012, 500], [0, 2013, 750],
  [1, 2010, 10000], [1, 2011, 12500], [1, 2012, 15000], [1, 2013, 20000],
  [2, 2012, 500], [2, 2013, 800],
];

const T1_NULLS = ['CREATE OR REPLACE TABLE t1 (c1 NUMBER, c2 NUMBER)', 'INSERT INTO t1 VALUES (1,5), (2,4), (3,NULL), (4,2), (5,NULL), (6,NULL), (7,6)'];

const STORE_PROFIT = [
  'CREATE TABLE store_profit (store_id INTEGER, province VARCHAR, profit NUMERIC(11, 2))',
  "INSERT INTO store_profit (store_id, province, profit) VALUES (1, 'Ontario', 300), (2, 'Saskatchewan', 250), (3, 'Ontario', 450), (4, 'Ontario', NULL)",
];

const TABLE1 = [
  'CREATE TABLE table1 (province VARCHAR, o_col INTEGER, o2_col INTEGER)',
  "INSERT INTO table1 (province, o_col, o2_col) VALUES ('Alberta', 0, 10), ('Alberta', 0, 10), ('Alberta', 13, 10), ('Alberta', 13, 11), ('Alberta', 14, 11), ('Alberta', 15, 12), ('Alberta', NULL, NULL), ('Manitoba', 30, 30)",
];

const TBL = [
  'CREATE OR REPLACE TABLE tbl (p INT, o INT, i INT, r INT, s VARCHAR(100))',
  "INSERT INTO tbl VALUES (100, 1, 1, 70, 'seventy'), (100, 2, 2, 30, 'thirty'), (100, 3, 3, 40, 'fourty'), (100, 4, NULL, 90, 'ninety'), (100, 5, 5, 50, 'fifty'), (100, 6, 6, 30, 'thirty'), (200, 7, 7, 40, 'fourty'), (200, 8, NULL, NULL, 'n_u_l_l'), (200, 9, NULL, NULL, 'n_u_l_l'), (200, 10, 10, 20, 'twenty'), (200, 11, NULL, 90, 'ninety'), (300, 12, 12, 30, 'thirty'), (400, 13, NULL, 20, 'twenty')",
];

const VOLTAGE_READINGS = [
  'CREATE TABLE voltage_readings (site_id INTEGER, ts TIMESTAMP, voltage FLOAT)',
  "INSERT INTO voltage_readings (site_id, ts, voltage) VALUES (1, '2019-10-30 13:00:00', 120), (1, '2019-10-30 13:15:00', 120), (1, '2019-10-30 13:30:00', 0), (1, '2019-10-30 13:45:00', 0), (1, '2019-10-30 14:00:00', 0), (1, '2019-10-30 14:15:00', 0), (1, '2019-10-30 14:30:00', 120)",
];

const QT = ["CREATE TABLE qt (i INTEGER, p CHAR(1), o INTEGER)", "INSERT INTO qt (i, p, o) VALUES (1, 'A', 1), (2, 'A', 2), (3, 'B', 1), (4, 'B', 2)"];

/** The C and N exchanges of the trades table, as the ROW_NUMBER example lists them. */
const TRADES = [
  'CREATE TABLE trades (symbol VARCHAR, exchange VARCHAR, shares INTEGER)',
  "INSERT INTO trades VALUES ('SPY', 'C', 250), ('AAPL', 'C', 250), ('AAPL', 'C', 300), ('SPY', 'N', 100), ('AAPL', 'N', 300), ('SPY', 'N', 500), ('QQQ', 'N', 800), ('QQQ', 'N', 2000), ('YHOO', 'N', 5000)",
];

export const aggregates: Category = [
  // COUNT and COUNT_IF.
  { source: 'functions/count_if', setup: BASIC_EXAMPLE, sql: 'SELECT COUNT_IF(TRUE) FROM basic_example', rows: [[6]] },
  { source: 'functions/count_if', setup: BASIC_EXAMPLE, sql: 'SELECT COUNT_IF(j_col > i_col) FROM basic_example', rows: [[3]], columns: ['COUNT_IF(J_COL > I_COL)'] },
  { source: 'functions/count_if', setup: BASIC_EXAMPLE, sql: 'SELECT COUNT_IF(i_col IS NOT NULL AND j_col IS NOT NULL) FROM basic_example', rows: [[3]] },
  {
    source: 'functions/count',
    setup: BASIC_EXAMPLE,
    sql: 'SELECT COUNT(*) AS "All", COUNT(i_col) AS "i_col", COUNT(DISTINCT i_col) AS "DISTINCT i_col", COUNT(j_col) AS "j_col", COUNT(DISTINCT j_col) AS "DISTINCT j_col" FROM basic_example',
    rows: [[6, 4, 2, 5, 2]],
    columns: ['All', 'i_col', 'DISTINCT i_col', 'j_col', 'DISTINCT j_col'],
    types: ['fixed', 'fixed', 'fixed', 'fixed', 'fixed'],
  },
  {
    source: 'functions/count',
    setup: BASIC_EXAMPLE,
    sql: 'SELECT i_col, COUNT(*), COUNT(j_col) FROM basic_example GROUP BY i_col ORDER BY i_col',
    rows: [[11, 3, 2], [12, 1, 1], [null, 2, 2]],
  },
  { source: 'functions/count', setup: BASIC_EXAMPLE, sql: 'SELECT COUNT(n.*) FROM basic_example AS n', rows: [[3]], knownGap: 'COUNT(alias.*) counts every row, also those with a NULL' },
  // "DISTINCT col1, col2, col3 means the number of different combinations": (1,1,1) ×3 and (1,1,2) give 2.
  {
    source: 'functions/count',
    setup: ['CREATE TABLE combos (col1 INT, col2 INT, col3 INT)', 'INSERT INTO combos VALUES (1, 1, 1), (1, 1, 1), (1, 1, 1), (1, 1, 2), (1, NULL, 3)'],
    sql: 'SELECT COUNT(DISTINCT col1, col2, col3), COUNT(col1, col2, col3) FROM combos',
    rows: [[2, 4]],
  },
  {
    source: 'functions/count',
    setup: [
      'CREATE OR REPLACE TABLE customer_product_sales_fct (sale_date DATE, sale_id INTEGER, customer_id STRING, product_id STRING, quantity INTEGER, sales_amount NUMBER(10,2))',
      "INSERT INTO customer_product_sales_fct VALUES ('2026-01-01', 1, 'C001', 'P100', 1, 19.99), ('2026-01-02', 2, 'C002', 'P100', 2, 39.98), ('2026-01-03', 3, 'C001', 'P100', 1, 19.99), ('2026-01-04', 4, 'C003', 'P100', 1, 19.99), ('2026-01-05', 5, 'C002', 'P200', 1, 9.99), ('2026-01-06', 6, 'C004', 'P100', 3, 59.97), ('2026-01-07', 7, 'C003', 'P100', 1, 19.99), ('2026-01-08', 8, 'C005', 'P100', 2, 39.98), ('2026-01-09', 9, 'C001', 'P200', 1, 9.99), ('2026-01-10', 10, 'C006', 'P100', 1, 19.99)",
    ],
    sql: "SELECT product_id, customer_id, sale_date, sale_id, COUNT(DISTINCT customer_id) OVER (PARTITION BY product_id ORDER BY sale_date) AS distinct_customers_to_date FROM customer_product_sales_fct WHERE product_id = 'P100' ORDER BY sale_date, sale_id",
    rows: [
      ['P100', 'C001', '2026-01-01', 1, 1], ['P100', 'C002', '2026-01-02', 2, 2], ['P100', 'C001', '2026-01-03', 3, 2],
      ['P100', 'C003', '2026-01-04', 4, 3], ['P100', 'C004', '2026-01-06', 6, 4], ['P100', 'C003', '2026-01-07', 7, 4],
      ['P100', 'C005', '2026-01-08', 8, 5], ['P100', 'C006', '2026-01-10', 10, 6],
    ],
  },

  // SUM and AVG.
  {
    source: 'functions/sum',
    setup: ['CREATE OR REPLACE TABLE sum_example (k INT, d DECIMAL(10,5), s1 VARCHAR(10), s2 VARCHAR(10))', "INSERT INTO sum_example VALUES (1, 1.1, '1.1', 'one'), (1, 10, '10', 'ten'), (2, 2.2, '2.2', 'two'), (2, NULL, NULL, 'null'), (3, NULL, NULL, 'null'), (NULL, 9, '9.9', 'nine')"],
    sql: 'SELECT SUM(d) FROM sum_example',
    rows: [[22.3]],
    types: ['fixed'],
  },
  {
    source: 'functions/sum',
    setup: ['CREATE OR REPLACE TABLE sum_example (k INT, d DECIMAL(10,5), s1 VARCHAR(10), s2 VARCHAR(10))', "INSERT INTO sum_example VALUES (1, 1.1, '1.1', 'one'), (1, 10, '10', 'ten'), (2, 2.2, '2.2', 'two'), (2, NULL, NULL, 'null'), (3, NULL, NULL, 'null'), (NULL, 9, '9.9', 'nine')"],
    sql: 'SELECT k, SUM(d) FROM sum_example GROUP BY k',
    rows: [[1, 11.1], [2, 2.2], [3, null], [null, 9]],
    unordered: true,
  },
  {
    source: 'functions/sum',
    setup: ['CREATE OR REPLACE TABLE sum_example (k INT, d DECIMAL(10,5), s1 VARCHAR(10), s2 VARCHAR(10))', "INSERT INTO sum_example VALUES (1, 1.1, '1.1', 'one'), (1, 10, '10', 'ten'), (2, 2.2, '2.2', 'two'), (2, NULL, NULL, 'null'), (3, NULL, NULL, 'null'), (NULL, 9, '9.9', 'nine')"],
    sql: 'SELECT SUM(d), SUM(s1) FROM sum_example',
    rows: [[22.3, 23.2]],
    knownGap: 'SUM of text does not read it as FLOAT',
  },
  { source: 'functions/sum', sql: 'SELECT SUM(x) FROM (SELECT 1 AS x UNION ALL SELECT 2 UNION ALL SELECT NULL)', rows: [[3]], types: ['fixed'] },
  {
    source: 'functions/avg',
    setup: ['CREATE OR REPLACE TABLE avg_example (int_col INT, d DECIMAL(10,5), s1 VARCHAR(10), s2 VARCHAR(10))', "INSERT INTO avg_example VALUES (1, 1.1, '1.1', 'one'), (1, 10, '10', 'ten'), (2, 2.4, '2.4', 'two'), (2, NULL, NULL, 'NULL'), (3, NULL, NULL, 'NULL'), (NULL, 9.9, '9.9', 'nine')"],
    sql: 'SELECT AVG(int_col), AVG(d) FROM avg_example',
    rows: [[1.8, 5.85]],
  },
  {
    source: 'functions/avg',
    setup: ['CREATE OR REPLACE TABLE avg_example (int_col INT, d DECIMAL(10,5), s1 VARCHAR(10), s2 VARCHAR(10))', "INSERT INTO avg_example VALUES (1, 1.1, '1.1', 'one'), (1, 10, '10', 'ten'), (2, 2.4, '2.4', 'two'), (2, NULL, NULL, 'NULL'), (3, NULL, NULL, 'NULL'), (NULL, 9.9, '9.9', 'nine')"],
    sql: 'SELECT int_col, AVG(d) FROM avg_example GROUP BY int_col ORDER BY int_col',
    rows: [[1, 5.55], [2, 2.4], [3, null], [null, 9.9]],
  },
  {
    source: 'functions/avg',
    setup: ['CREATE OR REPLACE TABLE avg_example (int_col INT, d DECIMAL(10,5), s1 VARCHAR(10), s2 VARCHAR(10))', "INSERT INTO avg_example VALUES (1, 1.1, '1.1', 'one'), (1, 10, '10', 'ten'), (2, 2.4, '2.4', 'two'), (2, NULL, NULL, 'NULL'), (3, NULL, NULL, 'NULL'), (NULL, 9.9, '9.9', 'nine')"],
    sql: 'SELECT int_col, AVG(int_col) OVER (PARTITION BY int_col) FROM avg_example ORDER BY int_col',
    rows: [[1, 1], [1, 1], [2, 2], [2, 2], [3, 3], [null, null]],
  },

  // MEDIAN, MODE, ANY_VALUE, percentiles.
  { source: 'functions/median', setup: AGGR_KV, sql: 'SELECT MEDIAN(v) FROM aggr', rows: [[null]] },
  {
    source: 'functions/median',
    setup: [...AGGR_KV, 'INSERT INTO aggr VALUES (1, 10), (1, 20), (1, 21)', 'INSERT INTO aggr VALUES (2, 10), (2, 20), (2, 25), (2, 30)', 'INSERT INTO aggr VALUES (3, NULL)'],
    sql: 'SELECT k, MEDIAN(v) FROM aggr GROUP BY k ORDER BY k',
    rows: [[1, 20], [2, 22.5], [3, null]],
  },
  { source: 'functions/mode', setup: AGGR_KV, sql: 'SELECT MODE(v) FROM aggr', rows: [[null]] },
  {
    source: 'functions/mode',
    setup: [...AGGR_KV, 'INSERT INTO aggr (k, v) VALUES (1, 10), (1, 10), (1, 10), (1, 10), (1, 20), (1, 21)', 'INSERT INTO aggr (k, v) VALUES (2, 20), (2, 20), (2, 25), (2, 30)'],
    sql: 'SELECT MODE(v) FROM aggr',
    rows: [[10]],
  },
  {
    source: 'functions/mode',
    setup: [...AGGR_KV, 'INSERT INTO aggr (k, v) VALUES (1, 10), (1, 10), (1, 10), (1, 10), (1, 20), (1, 21)', 'INSERT INTO aggr (k, v) VALUES (2, 20), (2, 20), (2, 25), (2, 30)', 'INSERT INTO aggr (k, v) VALUES (3, NULL)'],
    sql: 'SELECT k, MODE(v) FROM aggr GROUP BY k ORDER BY k',
    rows: [[1, 10], [2, 20], [3, null]],
  },
  {
    source: 'functions/mode',
    setup: [...AGGR_KV, 'INSERT INTO aggr (k, v) VALUES (1, 10), (1, 10), (1, 10), (1, 10), (1, 20), (1, 21)', 'INSERT INTO aggr (k, v) VALUES (2, 20), (2, 20), (2, 25), (2, 30)', 'INSERT INTO aggr (k, v) VALUES (3, NULL)'],
    sql: 'SELECT k, v, MODE(v) OVER (PARTITION BY k) FROM aggr ORDER BY k, v',
    rows: [[1, 10, 10], [1, 10, 10], [1, 10, 10], [1, 10, 10], [1, 20, 10], [1, 21, 10], [2, 20, 20], [2, 20, 20], [2, 25, 20], [2, 30, 20], [3, null, null]],
  },
  // ANY_VALUE with a column that has one value per group, as in the customer example.
  {
    source: 'functions/any_value',
    setup: [
      'CREATE TABLE customer (id INT, name VARCHAR)',
      'CREATE TABLE orders (customer_id INT, value NUMBER(10, 2))',
      "INSERT INTO customer VALUES (1, 'Ada'), (2, 'Grace')",
      'INSERT INTO orders VALUES (1, 10), (1, 5.5), (2, 7)',
    ],
    sql: 'SELECT customer.id , ANY_VALUE(customer.name) , SUM(orders.value) FROM customer JOIN orders ON customer.id = orders.customer_id GROUP BY customer.id ORDER BY customer.id',
    rows: [[1, 'Ada', 15.5], [2, 'Grace', 7]],
  },
  {
    source: 'functions/percentile_cont',
    setup: PERCENTILE_AGGR,
    sql: 'SELECT k, PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY v) FROM aggr GROUP BY k ORDER BY k',
    rows: [[0, 10], [1, 12.5], [2, 17.5], [3, 60], [4, null]],
    columns: ['K', 'PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY V)'],
  },
  {
    source: 'functions/percentile_disc',
    setup: PERCENTILE_AGGR,
    sql: 'SELECT k, PERCENTILE_DISC(0.25) WITHIN GROUP (ORDER BY v) FROM aggr GROUP BY k ORDER BY k',
    rows: [[0, 10], [1, 10], [2, 10], [3, 60], [4, null]],
  },
  // The window form, and a descending order (the 25th percentile from the top).
  {
    source: 'functions/percentile_cont',
    setup: PERCENTILE_AGGR,
    sql: 'SELECT k, v, PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY v) OVER (PARTITION BY k) FROM aggr WHERE k IN (1, 2) ORDER BY k, v',
    rows: [[1, 10, 12.5], [1, 20, 12.5], [2, 10, 17.5], [2, 20, 17.5], [2, 25, 17.5], [2, 30, 17.5]],
  },
  {
    source: 'functions/percentile_disc',
    setup: PERCENTILE_AGGR,
    sql: 'SELECT k, PERCENTILE_DISC(0.25) WITHIN GROUP (ORDER BY v DESC), PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY v DESC) FROM aggr WHERE k IN (0, 2) GROUP BY k ORDER BY k',
    rows: [[0, 30, 30], [2, 30, 26.25]],
  },
  {
    source: 'functions/approx_percentile',
    setup: ['CREATE TABLE testtable (c1 INTEGER)', 'INSERT INTO testtable (c1) VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10)'],
    sql: 'SELECT APPROX_PERCENTILE(c1, 0.1) FROM testtable',
    rows: [[1.5]],
    knownGap: "the percentile is exact here (1); Snowflake's t-digest estimates 1.5",
  },
  // The documented property: about n·p of the values lie below the estimate, returned as a FLOAT.
  {
    source: 'functions/approx_percentile',
    setup: ['CREATE TABLE testtable (c1 INTEGER)', 'INSERT INTO testtable (c1) VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10)'],
    sql: 'SELECT APPROX_PERCENTILE(c1, 0.5), APPROX_PERCENTILE(c1, 0.999) BETWEEN 9.9 AND 10.5 FROM testtable',
    rows: [[5, true]],
    types: ['real', 'boolean'],
  },
  // Counting 1024 distinct values: an estimate close to them, and HLL as its alias.
  {
    source: 'functions/approx_count_distinct',
    sql: 'SELECT COUNT(i), COUNT(DISTINCT i), APPROX_COUNT_DISTINCT(i) BETWEEN 970 AND 1080, HLL(i) = APPROX_COUNT_DISTINCT(i) FROM (SELECT SEQ4() AS i FROM TABLE(GENERATOR(ROWCOUNT => 1024)))',
    rows: [[1024, 1024, true, true]],
  },

  // MAX_BY and MIN_BY (department 10 has no tied salaries).
  { source: 'functions/max_by', setup: EMPLOYEES, sql: 'SELECT MAX_BY(employee_id, salary) FROM employees WHERE department_id = 10', rows: [[1001]] },
  { source: 'functions/max_by', setup: EMPLOYEES, sql: 'SELECT MAX_BY(employee_id, salary, 3) FROM employees WHERE department_id = 10', rows: [[[1001, 1020, 1030]]] },
  { source: 'functions/min_by', setup: EMPLOYEES, sql: 'SELECT MIN_BY(employee_id, salary) FROM employees WHERE department_id = 10', rows: [[1030]] },
  { source: 'functions/min_by', setup: EMPLOYEES, sql: 'SELECT MIN_BY(employee_id, salary, 3) FROM employees WHERE department_id = 10', rows: [[[1030, 1020, 1001]]] },
  // NULLs in the compared column are ignored; when all are NULL the result is NULL.
  { source: 'functions/max_by', setup: EMPLOYEES, sql: 'SELECT MAX_BY(employee_id, salary), MAX_BY(employee_id, salary, 2) FROM employees WHERE employee_id IN (2000, 2020)', rows: [[2020, [2020]]] },
  { source: 'functions/max_by', setup: EMPLOYEES, sql: 'SELECT MAX_BY(employee_id, salary), MIN_BY(employee_id, salary, 2) FROM employees WHERE salary IS NULL', rows: [[null, null]] },

  // Boolean aggregates.
  { source: 'functions/booland_agg', setup: ['CREATE TABLE test_boolean_agg (id INT, c1 BOOLEAN, c2 BOOLEAN)', 'INSERT INTO test_boolean_agg VALUES (1, TRUE, TRUE), (2, TRUE, FALSE)'], sql: 'SELECT BOOLAND_AGG(c1), BOOLAND_AGG(c2), BOOLOR_AGG(c2) FROM test_boolean_agg', rows: [[true, false, true]] },
  { source: 'functions/boolxor_agg', setup: BOOLEAN_AGG, sql: 'SELECT BOOLXOR_AGG(c1), BOOLXOR_AGG(c2), BOOLXOR_AGG(c3), BOOLXOR_AGG(c4) FROM test_boolean_agg', rows: [[false, false, true, false]] },
  {
    source: 'functions/boolxor_agg',
    setup: [...BOOLEAN_AGG, 'INSERT INTO test_boolean_agg (id, c1, c2, c3, c4) VALUES (-4, FALSE, FALSE, FALSE, TRUE), (-3, FALSE, TRUE, TRUE, TRUE), (-2, FALSE, FALSE, TRUE, TRUE), (-1, FALSE, TRUE, TRUE, TRUE)'],
    sql: 'SELECT id, BOOLXOR_AGG(c1) OVER (PARTITION BY (id > 0)), BOOLXOR_AGG(c2) OVER (PARTITION BY (id > 0)), BOOLXOR_AGG(c3) OVER (PARTITION BY (id > 0)), BOOLXOR_AGG(c4) OVER (PARTITION BY (id > 0)) FROM test_boolean_agg ORDER BY id',
    rows: [
      [-4, false, false, false, false], [-3, false, false, false, false], [-2, false, false, false, false], [-1, false, false, false, false],
      [1, false, false, true, false], [2, false, false, true, false], [3, false, false, true, false], [4, false, false, true, false],
    ],
  },
  { source: 'functions/boolxor_agg', sql: "select boolxor_agg('invalid type')", error: { code: '100037', message: 'is not recognized' } },
  // Numbers are TRUE when non-zero; an empty or all-NULL group gives NULL.
  { source: 'functions/boolxor_agg', sql: 'SELECT BOOLXOR_AGG(x), BOOLOR_AGG(x), BOOLXOR_AGG(NULLIF(x, x)) FROM (SELECT 0 AS x UNION ALL SELECT 2.5 UNION ALL SELECT 0)', rows: [[true, true, null]] },

  // Bitwise aggregates.
  { source: 'functions/bitand_agg', setup: BITWISE_EXAMPLE, sql: 'SELECT BITAND_AGG(k), BITAND_AGG(d), BITAND_AGG(s1) FROM bitwise_example', rows: [[8, 1, 8]], types: ['fixed', 'fixed', 'fixed'] },
  {
    source: 'functions/bitand_agg',
    setup: BITWISE_EXAMPLE,
    sql: 'SELECT s2, BITAND_AGG(k), BITAND_AGG(d) FROM bitwise_example GROUP BY s2 ORDER BY 3',
    rows: [['one', 15, 1], ['two', 8, 3], ['nine', null, 9], ['null', 8, null]],
  },
  { source: 'functions/bitand_agg', setup: BITWISE_EXAMPLE, sql: 'SELECT BITAND_AGG(s2) FROM bitwise_example', error: { code: '100038', message: "Numeric value 'one' is not recognized" } },
  { source: 'functions/bitor_agg', setup: BITWISE_EXAMPLE, sql: 'SELECT BITOR_AGG(k), BITOR_AGG(d), BITOR_AGG(s1) FROM bitwise_example', rows: [[31, 15, 14]] },
  {
    source: 'functions/bitor_agg',
    setup: BITWISE_EXAMPLE,
    sql: 'SELECT s2, BITOR_AGG(k), BITOR_AGG(d) FROM bitwise_example GROUP BY s2 ORDER BY 3',
    rows: [['one', 15, 1], ['two', 30, 7], ['nine', null, 9], ['null', 14, null]],
  },
  { source: 'functions/bitxor_agg', setup: BITWISE_EXAMPLE, sql: 'SELECT BITXOR_AGG(k), BITXOR_AGG(d), BITXOR_AGG(s1) FROM bitwise_example', rows: [[31, 12, 0]] },
  {
    source: 'functions/bitxor_agg',
    setup: BITWISE_EXAMPLE,
    sql: 'SELECT s2, BITXOR_AGG(k), BITXOR_AGG(d) FROM bitwise_example GROUP BY s2 ORDER BY 3',
    rows: [['one', 15, 1], ['two', 22, 4], ['nine', null, 9], ['null', 6, null]],
  },
  { source: 'functions/bitxor_agg', setup: BITWISE_EXAMPLE, sql: 'SELECT BITXOR_AGG(s2) FROM bitwise_example', error: { code: '100038', message: "Numeric value 'one' is not recognized" } },
  // The aliases.
  { source: 'functions/bitand_agg', setup: BITWISE_EXAMPLE, sql: 'SELECT BITANDAGG(k), BIT_AND_AGG(k), BIT_ANDAGG(k), BIT_OR_AGG(k), BIT_XORAGG(k) FROM bitwise_example', rows: [[8, 8, 8, 31, 31]] },

  // Statistics.
  { source: 'functions/kurtosis', setup: AGGR_V_V2, sql: 'SELECT KURTOSIS(k), KURTOSIS(v), KURTOSIS(v2) FROM aggr', rows: [[5, -2.32421875, null]] },
  { source: 'functions/skew', setup: ['create or replace table aggr(k int, v decimal(10,2), v2 decimal(10, 2))', 'insert into aggr values (1, 10, null), (2, 10, null), (2, 20, 22), (2, 25, null), (2, 30, 35)'], sql: 'select ROUND(SKEW(K), 5), ROUND(SKEW(V), 6), SKEW(V2) from aggr', rows: [[-2.23607, 0.052408, null]] },
  { source: 'functions/var_samp', setup: AGGR_V_V2, sql: 'SELECT k, ROUND(VAR_SAMP(v), 10), ROUND(VAR_SAMP(v2), 10) FROM aggr GROUP BY k ORDER BY k', rows: [[1, null, null], [2, 72.9166666667, 144.3333333333]] },
  { source: 'functions/variance', setup: AGGR_V_V2, sql: 'SELECT k, ROUND(VARIANCE(v), 10), ROUND(VARIANCE_SAMP(v2), 10) FROM aggr GROUP BY k ORDER BY k', rows: [[1, null, null], [2, 72.9166666667, 144.3333333333]] },
  { source: 'functions/var_pop', setup: AGGR_V_V2, sql: 'SELECT k, ROUND(VAR_POP(v), 10), ROUND(VAR_POP(v2), 10), ROUND(VARIANCE_POP(v2), 10) FROM aggr GROUP BY k ORDER BY k', rows: [[1, 0, null, null], [2, 54.6875, 96.2222222222, 96.2222222222]] },
  { source: 'functions/stddev', setup: ['CREATE TABLE t1 (c1 INTEGER)', 'INSERT INTO t1 (c1) VALUES (6), (10), (14)'], sql: 'SELECT STDDEV(c1), STDDEV_SAMP(c1) FROM t1', rows: [[4, 4]], types: ['real', 'real'] },
  {
    source: 'functions/stddev',
    setup: MENU_ITEMS,
    sql: "SELECT menu_category, ROUND(STDDEV(menu_cogs_usd), 8) AS stddev_cogs, ROUND(STDDEV(menu_price_usd), 9) AS stddev_price FROM menu_items WHERE menu_category = 'Dessert' GROUP BY 1",
    rows: [['Dessert', 1.00519484, 1.471960144]],
  },
  {
    source: 'functions/stddev',
    setup: MENU_ITEMS,
    sql: "SELECT menu_category, menu_cogs_usd, ROUND(STDDEV(menu_cogs_usd) OVER(PARTITION BY menu_category), 9) AS stddev_cogs FROM menu_items WHERE menu_category IN ('Beverage', 'Dessert') GROUP BY 1, 2 ORDER BY menu_category",
    rows: [['Beverage', 0.5, 0.125830574], ['Beverage', 0.65, 0.125830574], ['Beverage', 0.75, 0.125830574], ['Dessert', 1.25, 1.054751155], ['Dessert', 3, 1.054751155], ['Dessert', 1, 1.054751155], ['Dessert', 2.5, 1.054751155], ['Dessert', 0.5, 1.054751155]],
    unordered: true,
  },
  {
    source: 'functions/stddev_pop',
    setup: MENU_ITEMS,
    sql: "SELECT menu_category, ROUND(STDDEV_POP(menu_cogs_usd), 10) stddev_cogs, ROUND(STDDEV_POP(menu_price_usd), 9) stddev_price FROM menu_items WHERE menu_category='Dessert' GROUP BY 1",
    rows: [['Dessert', 0.9176131477, 1.343709625]],
  },
  {
    source: 'functions/stddev_pop',
    setup: MENU_ITEMS,
    sql: "SELECT menu_category, menu_cogs_usd, ROUND(STDDEV_POP(menu_cogs_usd) OVER(PARTITION BY menu_category), 10) stddev_cogs FROM menu_items WHERE menu_category IN ('Beverage', 'Dessert') GROUP BY 1,2 ORDER BY menu_category",
    rows: [['Beverage', 0.5, 0.1027402334], ['Beverage', 0.75, 0.1027402334], ['Beverage', 0.65, 0.1027402334], ['Dessert', 2.5, 0.9433981132], ['Dessert', 3, 0.9433981132], ['Dessert', 1, 0.9433981132], ['Dessert', 0.5, 0.9433981132], ['Dessert', 1.25, 0.9433981132]],
    unordered: true,
  },
  { source: 'functions/corr', setup: AGGR_V_V2, sql: 'SELECT k, ROUND(CORR(v, v2), 10) FROM aggr GROUP BY k ORDER BY k', rows: [[1, null], [2, 0.9988445981]] },
  { source: 'functions/covar_samp', setup: AGGR_V_V2, sql: 'SELECT k, COVAR_SAMP(v, v2) FROM aggr GROUP BY k ORDER BY k', rows: [[1, null], [2, 120]] },
  { source: 'functions/covar_pop', setup: AGGR_V_V2, sql: 'SELECT k, COVAR_POP(v, v2) FROM aggr GROUP BY k ORDER BY k', rows: [[1, null], [2, 80]] },
  { source: 'functions/regr_slope', setup: AGGR_V_V2, sql: 'SELECT k, ROUND(REGR_SLOPE(v, v2), 9) FROM aggr GROUP BY k ORDER BY k', rows: [[1, null], [2, 0.831408776]] },
  // REGR_VALX / REGR_VALY: NULL when either argument is NULL.
  { source: 'functions/regr_valx', sql: 'SELECT REGR_VALX(NULL, 10), REGR_VALX(1, NULL), REGR_VALX(1, 10), REGR_VALY(1, NULL), REGR_VALY(1, 10)', rows: [[null, null, 10, null, 1]] },

  // Window frames.
  {
    source: 'functions-window-syntax',
    setup: EXAMPLE_CUMULATIVE,
    sql: 'SELECT p, o, i, COUNT(i) OVER (PARTITION BY p ORDER BY o) count_i_Range_Pre, SUM(i) OVER (PARTITION BY p ORDER BY o) sum_i_Range_Pre, AVG(i) OVER (PARTITION BY p ORDER BY o) avg_i_Range_Pre, MIN(i) OVER (PARTITION BY p ORDER BY o) min_i_Range_Pre, MAX(i) OVER (PARTITION BY p ORDER BY o) max_i_Range_Pre FROM example_cumulative ORDER BY p,o',
    rows: [
      [0, 1, 10, 1, 10, 10, 10, 10], [0, 2, 20, 2, 30, 15, 10, 20], [0, 3, 30, 3, 60, 20, 10, 30],
      [100, 1, 10, 1, 10, 10, 10, 10], [100, 2, 30, 3, 45, 15, 5, 30], [100, 2, 5, 3, 45, 15, 5, 30],
      [100, 3, 11, 5, 176, 35.2, 5, 120], [100, 3, 120, 5, 176, 35.2, 5, 120],
      [200, 1, 10000, 3, 818280, 272760, 200, 808080], [200, 1, 200, 3, 818280, 272760, 200, 808080], [200, 1, 808080, 3, 818280, 272760, 200, 808080],
      [200, 2, 33333, 4, 851613, 212903.25, 200, 808080], [200, 3, null, 5, 851617, 170323.4, 4, 808080], [200, 3, 4, 5, 851617, 170323.4, 4, 808080],
      [300, 1, null, 0, null, null, null, null], [300, 1, null, 0, null, null, null, null],
    ],
    columns: ['P', 'O', 'I', 'COUNT_I_RANGE_PRE', 'SUM_I_RANGE_PRE', 'AVG_I_RANGE_PRE', 'MIN_I_RANGE_PRE', 'MAX_I_RANGE_PRE'],
    unordered: true,
  },
  {
    source: 'functions-window-syntax',
    setup: EXAMPLE_SLIDING,
    sql: 'select p, o, i AS i_col, MIN(i) OVER (PARTITION BY p ORDER BY o ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING) min_i_3P_1P, MIN(i) OVER (PARTITION BY p ORDER BY o ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) min_i_1F_3F, MIN(i) OVER (PARTITION BY p ORDER BY o ROWS BETWEEN 1 PRECEDING AND 3 FOLLOWING) min_i_1P_3F, s, MIN(s) OVER (PARTITION BY p ORDER BY o ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING) min_s_3P_1P, MIN(s) OVER (PARTITION BY p ORDER BY o ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) min_s_1F_3F, MIN(s) OVER (PARTITION BY p ORDER BY o ROWS BETWEEN 1 PRECEDING AND 3 FOLLOWING) min_s_1P_3F FROM example_sliding ORDER BY p, o',
    rows: [
      [100, 1, 1, null, 2, 1, 'seventy', null, 'forty', 'forty'],
      [100, 2, 2, 1, 3, 1, 'thirty', 'seventy', 'fifty', 'fifty'],
      [100, 3, 3, 1, 5, 2, 'forty', 'seventy', 'fifty', 'fifty'],
      [100, 4, null, 1, 5, 3, 'ninety', 'forty', 'fifty', 'fifty'],
      [100, 5, 5, 2, 6, 5, 'fifty', 'forty', 'thirty', 'fifty'],
      [100, 6, 6, 3, null, 5, 'thirty', 'fifty', null, 'fifty'],
      [200, 7, 7, null, 10, 7, 'forty', null, 'n_u_l_l', 'forty'],
      [200, 8, null, 7, 10, 7, 'n_u_l_l', 'forty', 'n_u_l_l', 'forty'],
      [200, 9, null, 7, 10, 10, 'n_u_l_l', 'forty', 'ninety', 'n_u_l_l'],
      [200, 10, 10, 7, null, 10, 'twenty', 'forty', 'ninety', 'n_u_l_l'],
      [200, 11, null, 10, null, 10, 'ninety', 'n_u_l_l', null, 'ninety'],
      [300, 12, 12, null, null, 12, 'thirty', null, null, 'thirty'],
      [400, 13, null, null, null, null, 'twenty', null, null, 'twenty'],
    ],
  },
  {
    source: 'functions-window-syntax',
    setup: EXAMPLE_SLIDING,
    sql: 'SELECT p, o, i AS i_col, MAX(i) OVER (PARTITION BY p ORDER BY o ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING) max_i_3P_1P, MAX(i) OVER (PARTITION BY p ORDER BY o ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) max_i_1F_3F, MAX(i) OVER (PARTITION BY p ORDER BY o ROWS BETWEEN 1 PRECEDING AND 3 FOLLOWING) max_i_1P_3F, s, MAX(s) OVER (PARTITION BY p ORDER BY o ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING) max_s_3P_1P, MAX(s) OVER (PARTITION BY p ORDER BY o ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) max_s_1F_3F, MAX(s) OVER (PARTITION BY p ORDER BY o ROWS BETWEEN 1 PRECEDING AND 3 FOLLOWING) max_s_1P_3F FROM example_sliding ORDER BY p, o',
    rows: [
      [100, 1, 1, null, 3, 3, 'seventy', null, 'thirty', 'thirty'],
      [100, 2, 2, 1, 5, 5, 'thirty', 'seventy', 'ninety', 'thirty'],
      [100, 3, 3, 2, 6, 6, 'forty', 'thirty', 'thirty', 'thirty'],
      [100, 4, null, 3, 6, 6, 'ninety', 'thirty', 'thirty', 'thirty'],
      [100, 5, 5, 3, 6, 6, 'fifty', 'thirty', 'thirty', 'thirty'],
      [100, 6, 6, 5, null, 6, 'thirty', 'ninety', null, 'thirty'],
      [200, 7, 7, null, 10, 10, 'forty', null, 'twenty', 'twenty'],
      [200, 8, null, 7, 10, 10, 'n_u_l_l', 'forty', 'twenty', 'twenty'],
      [200, 9, null, 7, 10, 10, 'n_u_l_l', 'n_u_l_l', 'twenty', 'twenty'],
      [200, 10, 10, 7, null, 10, 'twenty', 'n_u_l_l', 'ninety', 'twenty'],
      [200, 11, null, 10, null, 10, 'ninety', 'twenty', null, 'twenty'],
      [300, 12, 12, null, null, 12, 'thirty', null, null, 'thirty'],
      [400, 13, null, null, null, null, 'twenty', null, null, 'twenty'],
    ],
  },
  {
    source: 'functions-window-syntax',
    setup: EXAMPLE_SLIDING,
    sql: 'SELECT p, o, r AS r_col, SUM(r) OVER (PARTITION BY p ORDER BY o ROWS BETWEEN 4 PRECEDING AND 2 PRECEDING) sum_r_4P_2P, sum(r) over (partition by p ORDER BY o ROWS BETWEEN 2 FOLLOWING AND 4 FOLLOWING) sum_r_2F_4F, sum(r) over (partition by p ORDER BY o ROWS BETWEEN 2 PRECEDING AND 4 FOLLOWING) sum_r_2P_4F FROM example_sliding ORDER BY p, o',
    rows: [
      [100, 1, 70, null, 180, 280], [100, 2, 30, null, 170, 310], [100, 3, 40, 70, 80, 310], [100, 4, 90, 100, 30, 240],
      [100, 5, 50, 140, null, 210], [100, 6, 30, 160, null, 170], [200, 7, 40, null, 110, 150], [200, 8, null, null, 110, 150],
      [200, 9, null, 40, 90, 150], [200, 10, 20, 40, null, 110], [200, 11, 90, 40, null, 110], [300, 12, 30, null, null, 30],
      [400, 13, 20, null, null, 20],
    ],
  },
  // The documentation shows the averages cut to five decimals (cut here from the FLOAT average
  // rounded to a NUMBER of scale 9, which has no representation error left in those five).
  {
    source: 'functions-window-syntax',
    setup: MENU_ITEMS,
    sql: "SELECT menu_category, menu_cogs_usd, TRUNC(AVG(menu_cogs_usd) OVER(ORDER BY menu_cogs_usd RANGE BETWEEN CURRENT ROW AND 2 FOLLOWING)::NUMBER(20, 9), 5) avg_cogs FROM menu_items WHERE menu_category IN('Beverage','Dessert','Snack') GROUP BY menu_category, menu_cogs_usd ORDER BY menu_category, menu_cogs_usd",
    rows: [
      ['Beverage', 0.5, 1.18333], ['Beverage', 0.65, 1.37857], ['Beverage', 0.75, 1.5], ['Dessert', 0.5, 1.18333], ['Dessert', 1, 1.875],
      ['Dessert', 1.25, 2.05], ['Dessert', 2.5, 3.16666], ['Dessert', 3, 3.5], ['Snack', 1.25, 2.05], ['Snack', 2.25, 2.9375], ['Snack', 4, 4],
    ],
  },
  {
    source: 'functions-window-syntax',
    setup: NULLS_TABLE,
    sql: 'SELECT c1 c1_nulls_last, c2, SUM(c2) OVER(ORDER BY c1 NULLS LAST RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) sum_c2 FROM nulls',
    rows: [[1, 10, 30], [2, 20, 60], [3, 30, 50], [null, 20, 70], [null, 50, 70]],
    unordered: true,
  },
  {
    source: 'functions-window-syntax',
    setup: NULLS_TABLE,
    sql: 'SELECT c1 c1_nulls_last, c2, SUM(c2) OVER(ORDER BY c1 NULLS LAST RANGE BETWEEN 1 PRECEDING AND UNBOUNDED FOLLOWING) sum_c2 FROM nulls',
    rows: [[1, 10, 130], [2, 20, 130], [3, 30, 120], [null, 20, 70], [null, 50, 70]],
    unordered: true,
  },

  // Ranking.
  {
    source: 'functions-window-syntax',
    setup: ['CREATE TABLE sales_table (salesperson_name VARCHAR, sales_in_dollars INTEGER)', "INSERT INTO sales_table (salesperson_name, sales_in_dollars) VALUES ('Smith', 600), ('Jones', 1000), ('Torkelson', 700), ('Dolenz', 800)"],
    sql: 'SELECT salesperson_name, sales_in_dollars, RANK() OVER (ORDER BY sales_in_dollars DESC) AS sales_rank FROM sales_table ORDER BY 3',
    rows: [['Jones', 1000, 1], ['Dolenz', 800, 2], ['Torkelson', 700, 3], ['Smith', 600, 4]],
  },
  {
    source: 'functions-window-syntax',
    setup: ['CREATE TABLE sales_table (salesperson_name VARCHAR, sales_in_dollars INTEGER)', "INSERT INTO sales_table (salesperson_name, sales_in_dollars) VALUES ('Smith', 600), ('Jones', 1000), ('Torkelson', 700), ('Dolenz', 800)"],
    sql: 'SELECT salesperson_name, sales_in_dollars, RANK() OVER (ORDER BY sales_in_dollars DESC) AS sales_rank FROM sales_table ORDER BY salesperson_name',
    rows: [['Dolenz', 800, 2], ['Jones', 1000, 1], ['Smith', 600, 4], ['Torkelson', 700, 3]],
  },
  {
    source: 'functions/rank',
    setup: CORN_PRODUCTION,
    sql: 'SELECT state, bushels, RANK() OVER (PARTITION BY state ORDER BY bushels DESC), DENSE_RANK() OVER (PARTITION BY state ORDER BY bushels DESC) FROM corn_production ORDER BY state, bushels DESC',
    rows: [['Iowa', 110, 1, 1], ['Iowa', 100, 2, 2], ['Kansas', 130, 1, 1], ['Kansas', 120, 2, 2]],
    columns: ['STATE', 'BUSHELS', 'RANK() OVER (PARTITION BY STATE ORDER BY BUSHELS DESC)', 'DENSE_RANK() OVER (PARTITION BY STATE ORDER BY BUSHELS DESC)'],
  },
  {
    source: 'functions/rank',
    setup: [...CORN_PRODUCTION, "INSERT INTO corn_production (farmer_id, state, bushels) VALUES (5, 'Iowa', 110)"],
    sql: 'SELECT state, bushels, RANK() OVER (ORDER BY bushels DESC), DENSE_RANK() OVER (ORDER BY bushels DESC) FROM corn_production ORDER BY bushels DESC',
    rows: [['Kansas', 130, 1, 1], ['Kansas', 120, 2, 2], ['Iowa', 110, 3, 3], ['Iowa', 110, 3, 3], ['Iowa', 100, 5, 4]],
  },
  // PERCENT_RANK is (rank - 1) / (rows - 1); CUME_DIST the share of rows ordered at or before the row.
  {
    source: 'functions/percent_rank',
    setup: [...CORN_PRODUCTION, "INSERT INTO corn_production (farmer_id, state, bushels) VALUES (5, 'Iowa', 110)"],
    sql: 'SELECT bushels, PERCENT_RANK() OVER (ORDER BY bushels), CUME_DIST() OVER (ORDER BY bushels) FROM corn_production ORDER BY bushels',
    rows: [[100, 0, 0.2], [110, 0.25, 0.6], [110, 0.25, 0.6], [120, 0.75, 0.8], [130, 1, 1]],
  },
  {
    source: 'functions/row_number',
    setup: TRADES,
    sql: 'SELECT exchange, shares, ROW_NUMBER() OVER (PARTITION BY exchange ORDER BY shares) AS row_number FROM trades',
    rows: [['C', 250, 1], ['C', 250, 2], ['C', 300, 3], ['N', 100, 1], ['N', 300, 2], ['N', 500, 3], ['N', 800, 4], ['N', 2000, 5], ['N', 5000, 6]],
    unordered: true,
  },
  {
    source: 'functions/ntile',
    setup: TRADES,
    sql: 'SELECT exchange, shares, NTILE(4) OVER (PARTITION BY exchange ORDER BY shares) AS ntile_4 FROM trades ORDER BY exchange, ntile_4, shares',
    rows: [['C', 250, 1], ['C', 250, 2], ['C', 300, 3], ['N', 100, 1], ['N', 300, 1], ['N', 500, 2], ['N', 800, 2], ['N', 2000, 3], ['N', 5000, 4]],
  },

  // LAG, LEAD, FIRST_VALUE, LAST_VALUE, NTH_VALUE.
  {
    source: 'functions/lag',
    setup: SALES,
    sql: 'SELECT emp_id, year, revenue, revenue - LAG(revenue, 1, 0) OVER (PARTITION BY emp_id ORDER BY year) AS diff_to_prev FROM sales ORDER BY emp_id, year',
    rows: SALES_ROWS_BY_EMPLOYEE.map((row, i, all) => [...row, row[2] - (i > 0 && all[i - 1][0] === row[0] ? all[i - 1][2] : 0)]),
  },
  {
    source: 'functions/lag',
    setup: ['CREATE OR REPLACE TABLE t1 (col_1 NUMBER, col_2 NUMBER)', 'INSERT INTO t1 VALUES (1, 5), (2, 4), (3, NULL), (4, 2), (5, NULL), (6, NULL), (7, 6)'],
    sql: 'SELECT col_1, col_2, LAG(col_2) IGNORE NULLS OVER (ORDER BY col_1) FROM t1 ORDER BY col_1',
    rows: [[1, 5, null], [2, 4, 5], [3, null, 4], [4, 2, 4], [5, null, 2], [6, null, 2], [7, 6, 2]],
    columns: ['COL_1', 'COL_2', 'LAG(COL_2) IGNORE NULLS OVER (ORDER BY COL_1)'],
  },
  {
    source: 'functions/lead',
    setup: SALES,
    sql: 'SELECT emp_id, year, revenue, LEAD(revenue) OVER (PARTITION BY emp_id ORDER BY year) - revenue AS diff_to_next FROM sales ORDER BY emp_id, year',
    rows: SALES_ROWS_BY_EMPLOYEE.map((row, i, all) => [...row, i + 1 < all.length && all[i + 1][0] === row[0] ? all[i + 1][2] - row[2] : null]),
  },
  {
    source: 'functions/lead',
    setup: T1_NULLS,
    sql: 'SELECT c1, c2, LEAD(c2) IGNORE NULLS OVER (ORDER BY c1) FROM t1',
    rows: [[1, 5, 4], [2, 4, 2], [3, null, 2], [4, 2, 6], [5, null, 6], [6, null, 6], [7, 6, null]],
    unordered: true,
  },
  {
    source: 'functions/last_value',
    sql: 'SELECT column1, column2, LAST_VALUE(column2) OVER (PARTITION BY column1 ORDER BY column2) AS column2_last FROM VALUES (1, 10), (1, 11), (1, 12), (2, 20), (2, 21), (2, 22)',
    rows: [[1, 10, 12], [1, 11, 12], [1, 12, 12], [2, 20, 22], [2, 21, 22], [2, 22, 22]],
    unordered: true,
  },
  {
    source: 'functions/nth_value',
    sql: 'SELECT column1, column2, NTH_VALUE(column2, 2) OVER (PARTITION BY column1 ORDER BY column2) AS column2_2nd FROM VALUES (1, 10), (1, 11), (1, 12), (2, 20), (2, 21), (2, 22)',
    rows: [[1, 10, 11], [1, 11, 11], [1, 12, 11], [2, 20, 21], [2, 21, 21], [2, 22, 21]],
    unordered: true,
  },
  {
    source: 'functions/first_value',
    setup: MENU_ITEMS,
    sql: "SELECT menu_category, menu_item_name, menu_price_usd, FIRST_VALUE(menu_item_name) OVER (PARTITION BY menu_category ORDER BY menu_price_usd) AS cheapest_item FROM menu_items WHERE menu_category IN ('Beverage', 'Dessert') ORDER BY menu_category, menu_price_usd",
    rows: [
      ['Beverage', 'Bottled Water', 2, 'Bottled Water'], ['Beverage', 'Iced Tea', 3, 'Bottled Water'], ['Beverage', 'Bottled Soda', 3, 'Bottled Water'], ['Beverage', 'Lemonade', 3.5, 'Bottled Water'],
      ['Dessert', 'Popsicle', 3, 'Popsicle'], ['Dessert', 'Ice Cream Sandwich', 4, 'Popsicle'], ['Dessert', 'Mango Sticky Rice', 5, 'Popsicle'], ['Dessert', 'Sugar Cone', 6, 'Popsicle'],
      ['Dessert', 'Waffle Cone', 6, 'Popsicle'], ['Dessert', 'Two Scoop Bowl', 7, 'Popsicle'],
    ],
    unordered: true,
  },
  {
    source: 'functions/first_value',
    sql: "SELECT item_name, item_cost, item_price, FIRST_VALUE(item_cost) RESPECT NULLS OVER (ORDER BY item_price) AS first_cost_respect, FIRST_VALUE(item_cost) IGNORE NULLS OVER (ORDER BY item_price) AS first_cost_ignore FROM VALUES ('Pretzel', NULL, 3.00), ('Corn Dog', NULL, 4.00), ('Hot Dog', 1.50, 5.00), ('Sandwich', 2.50, 6.00) AS menu(item_name, item_cost, item_price) ORDER BY item_price",
    rows: [['Pretzel', null, 3, null, 1.5], ['Corn Dog', null, 4, null, 1.5], ['Hot Dog', 1.5, 5, null, 1.5], ['Sandwich', 2.5, 6, null, 1.5]],
  },

  // RATIO_TO_REPORT.
  {
    source: 'functions/ratio_to_report',
    setup: STORE_PROFIT,
    sql: 'SELECT store_id, profit, 100 * RATIO_TO_REPORT(profit) OVER () AS percent_profit FROM store_profit ORDER BY store_id',
    rows: [[1, 300, 30], [2, 250, 25], [3, 450, 45], [4, null, null]],
  },
  {
    source: 'functions/ratio_to_report',
    setup: STORE_PROFIT,
    sql: 'SELECT province, store_id, profit, 100 * RATIO_TO_REPORT(profit) OVER (PARTITION BY province) AS percent_profit FROM store_profit ORDER BY province, store_id',
    rows: [['Ontario', 1, 300, 40], ['Ontario', 3, 450, 60], ['Ontario', 4, null, null], ['Saskatchewan', 2, 250, 100]],
  },
  {
    source: 'functions-window-syntax',
    setup: [
      'CREATE TRANSIENT TABLE store_sales (branch_ID INTEGER, city VARCHAR, gross_sales NUMERIC(9, 2), gross_costs NUMERIC(9, 2), net_profit NUMERIC(9, 2))',
      "INSERT INTO store_sales (branch_ID, city, gross_sales, gross_costs) VALUES (1, 'Vancouver', 110000, 100000), (2, 'Vancouver', 140000, 125000), (3, 'Montreal', 150000, 140000), (4, 'Montreal', 155000, 146000)",
      'UPDATE store_sales SET net_profit = gross_sales - gross_costs',
    ],
    sql: 'SELECT branch_ID, net_profit, 100 * RATIO_TO_REPORT(net_profit) OVER () AS percent_of_chain_profit FROM store_sales AS s1 ORDER BY branch_ID',
    rows: [[1, 10000, 22.727273], [2, 15000, 34.090909], [3, 10000, 22.727273], [4, 9000, 20.454545]],
  },
  // The ratio is NULL when the partition's sum is 0; the window's ORDER BY changes nothing.
  { source: 'functions/ratio_to_report', sql: 'SELECT x, RATIO_TO_REPORT(x) OVER (ORDER BY x) FROM (SELECT 1 AS x UNION ALL SELECT -1)', rows: [[-1, null], [1, null]], unordered: true },

  // CONDITIONAL_TRUE_EVENT and CONDITIONAL_CHANGE_EVENT.
  {
    source: 'functions/conditional_true_event',
    setup: TABLE1,
    sql: 'SELECT province, o_col, CONDITIONAL_TRUE_EVENT(o_col) OVER (PARTITION BY province ORDER BY o_col) AS true_event, CONDITIONAL_TRUE_EVENT(o_col > 20) OVER (PARTITION BY province ORDER BY o_col) AS true_event_gt_20 FROM table1 ORDER BY province, o_col',
    rows: [['Alberta', 0, 0, 0], ['Alberta', 0, 0, 0], ['Alberta', 13, 1, 0], ['Alberta', 13, 2, 0], ['Alberta', 14, 3, 0], ['Alberta', 15, 4, 0], ['Alberta', null, 4, 0], ['Manitoba', 30, 1, 1]],
  },
  {
    source: 'functions/conditional_change_event',
    setup: TABLE1,
    sql: "SELECT province, o_col, 'o_col < 15' AS condition, CONDITIONAL_CHANGE_EVENT(o_col) OVER (PARTITION BY province ORDER BY o_col) AS change_event, CONDITIONAL_CHANGE_EVENT(o_col < 15) OVER (PARTITION BY province ORDER BY o_col) AS change_event_2 FROM table1 ORDER BY province, o_col",
    rows: [
      ['Alberta', 0, 'o_col < 15', 0, 0], ['Alberta', 0, 'o_col < 15', 0, 0], ['Alberta', 13, 'o_col < 15', 1, 0], ['Alberta', 13, 'o_col < 15', 1, 0],
      ['Alberta', 14, 'o_col < 15', 2, 0], ['Alberta', 15, 'o_col < 15', 3, 1], ['Alberta', null, 'o_col < 15', 3, 1], ['Manitoba', 30, 'o_col < 15', 0, 0],
    ],
  },
  {
    source: 'functions/conditional_true_event',
    setup: [
      'CREATE TABLE borrowers (name VARCHAR, status_date DATE, late_balance NUMERIC(11, 2), thirty_day_late_balance NUMERIC(11, 2))',
      "INSERT INTO borrowers (name, status_date, late_balance, thirty_day_late_balance) VALUES ('Geoffrey Flake', '2018-01-01'::DATE, 0.0, 0.0), ('Geoffrey Flake', '2018-02-01'::DATE, 1000.0, 0.0), ('Geoffrey Flake', '2018-03-01'::DATE, 2000.0, 1000.0), ('Geoffrey Flake', '2018-04-01'::DATE, 0.0, 0.0), ('Geoffrey Flake', '2018-05-01'::DATE, 1000.0, 0.0), ('Geoffrey Flake', '2018-06-01'::DATE, 2000.0, 1000.0), ('Geoffrey Flake', '2018-07-01'::DATE, 0.0, 0.0), ('Geoffrey Flake', '2018-08-01'::DATE, 0.0, 0.0), ('Cy Dismal', '2018-01-01'::DATE, 0.0, 0.0), ('Cy Dismal', '2018-02-01'::DATE, 0.0, 0.0), ('Cy Dismal', '2018-03-01'::DATE, 1000.0, 0.0), ('Cy Dismal', '2018-04-01'::DATE, 2000.0, 1000.0), ('Cy Dismal', '2018-05-01'::DATE, 3000.0, 2000.0), ('Cy Dismal', '2018-06-01'::DATE, 4000.0, 3000.0), ('Cy Dismal', '2018-07-01'::DATE, 5000.0, 4000.0), ('Cy Dismal', '2018-08-01'::DATE, 6000.0, 5000.0), ('Leslie Safer', '2018-01-01'::DATE, 0.0, 0.0), ('Leslie Safer', '2018-02-01'::DATE, 0.0, 0.0), ('Leslie Safer', '2018-03-01'::DATE, 1000.0, 1000.0), ('Leslie Safer', '2018-04-01'::DATE, 2000.0, 1000.0), ('Leslie Safer', '2018-05-01'::DATE, 2000.0, 1000.0), ('Leslie Safer', '2018-06-01'::DATE, 2000.0, 1000.0), ('Leslie Safer', '2018-07-01'::DATE, 2000.0, 1000.0), ('Leslie Safer', '2018-08-01'::DATE, 2000.0, 1000.0), ('Ida Idyll', '2018-01-01'::DATE, 0.0, 0.0), ('Ida Idyll', '2018-02-01'::DATE, 0.0, 0.0), ('Ida Idyll', '2018-03-01'::DATE, 0.0, 0.0), ('Ida Idyll', '2018-04-01'::DATE, 0.0, 0.0), ('Ida Idyll', '2018-05-01'::DATE, 0.0, 0.0), ('Ida Idyll', '2018-06-01'::DATE, 0.0, 0.0), ('Ida Idyll', '2018-07-01'::DATE, 0.0, 0.0), ('Ida Idyll', '2018-08-01'::DATE, 0.0, 0.0)",
    ],
    sql: 'SELECT name, status_date, late_balance AS "OVERDUE", thirty_day_late_balance AS "30 DAYS OVERDUE", CONDITIONAL_CHANGE_EVENT(thirty_day_late_balance) OVER (PARTITION BY name ORDER BY status_date) AS change_event_cnt, CONDITIONAL_TRUE_EVENT(thirty_day_late_balance) OVER (PARTITION BY name ORDER BY status_date) AS true_cnt FROM borrowers ORDER BY name, status_date',
    rows: [
      ['Cy Dismal', '2018-01-01', 0, 0, 0, 0], ['Cy Dismal', '2018-02-01', 0, 0, 0, 0], ['Cy Dismal', '2018-03-01', 1000, 0, 0, 0], ['Cy Dismal', '2018-04-01', 2000, 1000, 1, 1],
      ['Cy Dismal', '2018-05-01', 3000, 2000, 2, 2], ['Cy Dismal', '2018-06-01', 4000, 3000, 3, 3], ['Cy Dismal', '2018-07-01', 5000, 4000, 4, 4], ['Cy Dismal', '2018-08-01', 6000, 5000, 5, 5],
      ['Geoffrey Flake', '2018-01-01', 0, 0, 0, 0], ['Geoffrey Flake', '2018-02-01', 1000, 0, 0, 0], ['Geoffrey Flake', '2018-03-01', 2000, 1000, 1, 1], ['Geoffrey Flake', '2018-04-01', 0, 0, 2, 1],
      ['Geoffrey Flake', '2018-05-01', 1000, 0, 2, 1], ['Geoffrey Flake', '2018-06-01', 2000, 1000, 3, 2], ['Geoffrey Flake', '2018-07-01', 0, 0, 4, 2], ['Geoffrey Flake', '2018-08-01', 0, 0, 4, 2],
      ['Ida Idyll', '2018-01-01', 0, 0, 0, 0], ['Ida Idyll', '2018-02-01', 0, 0, 0, 0], ['Ida Idyll', '2018-03-01', 0, 0, 0, 0], ['Ida Idyll', '2018-04-01', 0, 0, 0, 0],
      ['Ida Idyll', '2018-05-01', 0, 0, 0, 0], ['Ida Idyll', '2018-06-01', 0, 0, 0, 0], ['Ida Idyll', '2018-07-01', 0, 0, 0, 0], ['Ida Idyll', '2018-08-01', 0, 0, 0, 0],
      ['Leslie Safer', '2018-01-01', 0, 0, 0, 0], ['Leslie Safer', '2018-02-01', 0, 0, 0, 0], ['Leslie Safer', '2018-03-01', 1000, 1000, 1, 1], ['Leslie Safer', '2018-04-01', 2000, 1000, 1, 2],
      ['Leslie Safer', '2018-05-01', 2000, 1000, 1, 3], ['Leslie Safer', '2018-06-01', 2000, 1000, 1, 4], ['Leslie Safer', '2018-07-01', 2000, 1000, 1, 5], ['Leslie Safer', '2018-08-01', 2000, 1000, 1, 6],
    ],
  },
  {
    source: 'functions/conditional_true_event',
    setup: TBL,
    sql: 'SELECT p, o, CONDITIONAL_TRUE_EVENT(o > 2) OVER (PARTITION BY p ORDER BY o) FROM tbl ORDER BY p, o',
    rows: [[100, 1, 0], [100, 2, 0], [100, 3, 1], [100, 4, 2], [100, 5, 3], [100, 6, 4], [200, 7, 1], [200, 8, 2], [200, 9, 3], [200, 10, 4], [200, 11, 5], [300, 12, 1], [400, 13, 1]],
  },
  {
    source: 'functions/conditional_true_event',
    setup: TBL,
    sql: 'SELECT p, o, CONDITIONAL_TRUE_EVENT(LAG(o) OVER (PARTITION BY p ORDER BY o) > 1) OVER (PARTITION BY p ORDER BY o) FROM tbl ORDER BY p, o',
    rows: [[100, 1, 0], [100, 2, 0], [100, 3, 1], [100, 4, 2], [100, 5, 3], [100, 6, 4], [200, 7, 0], [200, 8, 1], [200, 9, 2], [200, 10, 3], [200, 11, 4], [300, 12, 0], [400, 13, 0]],
    knownGap: 'a window function inside CONDITIONAL_TRUE_EVENT is not supported',
  },
  {
    source: 'functions/conditional_change_event',
    setup: VOLTAGE_READINGS,
    sql: 'SELECT site_id, ts, voltage, CONDITIONAL_CHANGE_EVENT(voltage = 0) OVER (ORDER BY ts) AS power_changes FROM voltage_readings',
    rows: [
      [1, '2019-10-30 13:00:00.000', 120, 0], [1, '2019-10-30 13:15:00.000', 120, 0], [1, '2019-10-30 13:30:00.000', 0, 1], [1, '2019-10-30 13:45:00.000', 0, 1],
      [1, '2019-10-30 14:00:00.000', 0, 1], [1, '2019-10-30 14:15:00.000', 0, 1], [1, '2019-10-30 14:30:00.000', 120, 2],
    ],
    unordered: true,
  },
  {
    source: 'functions/conditional_change_event',
    setup: VOLTAGE_READINGS,
    sql: 'WITH power_change_events AS ( SELECT site_id, ts, voltage, CONDITIONAL_CHANGE_EVENT(voltage = 0) OVER (ORDER BY ts) AS power_changes FROM voltage_readings ) SELECT site_id, MIN(ts), voltage, power_changes FROM power_change_events GROUP BY site_id, power_changes, voltage ORDER BY 2',
    rows: [[1, '2019-10-30 13:00:00.000', 120, 0], [1, '2019-10-30 13:30:00.000', 0, 1], [1, '2019-10-30 14:30:00.000', 120, 2]],
  },
  {
    source: 'functions/conditional_change_event',
    setup: VOLTAGE_READINGS,
    sql: 'WITH power_change_events AS ( SELECT site_id, CONDITIONAL_CHANGE_EVENT(voltage = 0) OVER (ORDER BY ts) AS power_changes FROM voltage_readings ) SELECT MAX(power_changes) FROM power_change_events GROUP BY site_id',
    rows: [[2]],
  },

  // QUALIFY.
  { source: 'constructs/qualify', setup: QT, sql: 'SELECT * FROM ( SELECT i, p, o, ROW_NUMBER() OVER (PARTITION BY p ORDER BY o) AS row_num FROM qt) WHERE row_num = 1', rows: [[1, 'A', 1, 1], [3, 'B', 1, 1]], unordered: true },
  { source: 'constructs/qualify', setup: QT, sql: 'SELECT i, p, o FROM qt QUALIFY ROW_NUMBER() OVER (PARTITION BY p ORDER BY o) = 1', rows: [[1, 'A', 1], [3, 'B', 1]], unordered: true, columns: ['I', 'P', 'O'] },
  { source: 'constructs/qualify', setup: QT, sql: 'SELECT i, p, o, ROW_NUMBER() OVER (PARTITION BY p ORDER BY o) AS row_num FROM qt QUALIFY row_num = 1', rows: [[1, 'A', 1, 1], [3, 'B', 1, 1]], unordered: true },
  { source: 'constructs/qualify', setup: QT, sql: 'SELECT i, p, o, ROW_NUMBER() OVER (PARTITION BY p ORDER BY o) AS row_num FROM qt', rows: [[1, 'A', 1, 1], [2, 'A', 2, 2], [3, 'B', 1, 1], [4, 'B', 2, 2]], unordered: true },
];
