import type { Category } from '../corpus-case';

const STATUS = 'Statement executed successfully.';

/** The SELECT reference's example tables (sql/select, "Examples"). */
const EMPLOYEES = [
  'CREATE OR REPLACE TABLE employee_table (employee_ID INTEGER, last_name VARCHAR, first_name VARCHAR, department_ID INTEGER)',
  'CREATE OR REPLACE TABLE department_table (department_ID INTEGER, department_name VARCHAR)',
  "INSERT INTO employee_table (employee_ID, last_name, first_name, department_ID) VALUES (101, 'Montgomery', 'Pat', 1), (102, 'Levine', 'Terry', 2), (103, 'Comstock', 'Dana', 2)",
  "INSERT INTO department_table (department_ID, department_name) VALUES (1, 'Engineering'), (2, 'Customer Action')",
];

/** The PIVOT reference's example table (constructs/pivot). */
const QUARTERLY_SALES = [
  `CREATE OR REPLACE TABLE quarterly_sales(empid INT, amount INT, quarter TEXT) AS SELECT * FROM VALUES
    (1, 10000, '2023_Q1'), (1, 400, '2023_Q1'), (2, 4500, '2023_Q1'), (2, 35000, '2023_Q1'),
    (1, 5000, '2023_Q2'), (1, 3000, '2023_Q2'), (2, 200, '2023_Q2'), (2, 90500, '2023_Q2'),
    (1, 6000, '2023_Q3'), (1, 5000, '2023_Q3'), (2, 2500, '2023_Q3'), (2, 9500, '2023_Q3'), (3, 2700, '2023_Q3'),
    (1, 8000, '2023_Q4'), (1, 10000, '2023_Q4'), (2, 800, '2023_Q4'), (2, 4500, '2023_Q4'), (3, 2700, '2023_Q4'),
    (3, 16000, '2023_Q4'), (3, 10200, '2023_Q4')`,
];

const AD_CAMPAIGNS = `CREATE OR REPLACE TABLE ad_campaign_types_by_quarter(quarter VARCHAR, television BOOLEAN, radio BOOLEAN, print_media BOOLEAN)
  AS SELECT * FROM VALUES ('2023_Q1', TRUE, FALSE, FALSE), ('2023_Q2', FALSE, TRUE, TRUE), ('2023_Q3', FALSE, TRUE, FALSE), ('2023_Q4', TRUE, FALSE, TRUE)`;

/** The UNPIVOT reference's example table (constructs/unpivot). */
const MONTHLY_SALES = [
  'CREATE OR REPLACE TABLE monthly_sales(empid INT, dept TEXT, jan INT, feb INT, mar INT, apr INT)',
  "INSERT INTO monthly_sales VALUES (1, 'electronics', 100, 200, 300, 100), (2, 'clothes', 100, 300, 150, 200), (3, 'cars', 200, 400, 100, 50), (4, 'appliances', 100, NULL, 100, 50)",
];

/** Multi-table INSERT's example tables (sql/insert-multi-table), with rows of our own. */
const MULTI_INSERT = [
  'CREATE OR REPLACE TABLE src (n1 NUMBER, n2 NUMBER, n3 NUMBER)',
  'INSERT INTO src VALUES (5, 50, 500), (50, 500, 5000), (500, 5000, 50000)',
  'CREATE OR REPLACE TABLE t1 (c1 NUMBER, c2 NUMBER, c3 NUMBER DEFAULT 7)',
  'CREATE OR REPLACE TABLE t2 (c1 NUMBER, c2 NUMBER, c3 NUMBER)',
];

const TEN_ROWS = 'CREATE OR REPLACE TABLE testtable AS SELECT SEQ4() AS i FROM TABLE(GENERATOR(ROWCOUNT => 10))';

export const statements: Category = [
  { source: 'sql/select', sql: 'SELECT 1 AS one', rows: [[1]], columns: ['ONE'] },

  // FROM DUAL
  { source: 'constructs/from', sql: 'SELECT 1 FROM DUAL', rows: [[1]], columns: ['1'] },
  { source: 'constructs/from', sql: "SELECT 'a' || 'b' AS ab, 2 + 2 AS four FROM DUAL", rows: [['ab', 4]], columns: ['AB', 'FOUR'] },
  { source: 'constructs/from', sql: 'SELECT COUNT(*) FROM DUAL WHERE 1 = 0', rows: [[0]] },

  // VALUES as a FROM item, and column positions
  {
    source: 'constructs/values',
    sql: "SELECT * FROM (VALUES (1, 'one'), (2, 'two'), (3, 'three'))",
    rows: [[1, 'one'], [2, 'two'], [3, 'three']],
    columns: ['COLUMN1', 'COLUMN2'],
  },
  {
    source: 'constructs/values',
    sql: "SELECT * FROM VALUES (1, 'one'), (2, 'two'), (3, 'three')",
    rows: [[1, 'one'], [2, 'two'], [3, 'three']],
    columns: ['COLUMN1', 'COLUMN2'],
  },
  {
    source: 'constructs/values',
    sql: "SELECT column1, $2 FROM (VALUES (1, 'one'), (2, 'two'), (3, 'three'))",
    rows: [[1, 'one'], [2, 'two'], [3, 'three']],
    columns: ['COLUMN1', '$2'],
  },
  {
    source: 'constructs/values',
    sql: "SELECT c1, c2 FROM (VALUES (1, 'one'), (2, 'two')) AS v1 (c1, c2)",
    rows: [[1, 'one'], [2, 'two']],
    columns: ['C1', 'C2'],
  },
  {
    source: 'constructs/values',
    sql: "SELECT v1.column2 FROM VALUES (1, 'one'), (2, 'two') AS v1 WHERE v1.column1 = 2",
    rows: [['two']],
    columns: ['COLUMN2'],
  },
  {
    source: 'constructs/values',
    sql: "SELECT v1.$2, v2.$2 FROM (VALUES (1, 'one'), (2, 'two')) AS v1 INNER JOIN (VALUES (1, 'One'), (3, 'three')) AS v2 WHERE v2.$1 = v1.$1",
    rows: [['one', 'One']],
    knownGap: 'a column position qualified by a table (v1.$2) is unsupported',
  },
  { source: 'sql/select', sql: 'SELECT $1 + $2 AS total FROM VALUES (1, 2), (10, 20) ORDER BY $1', rows: [[3], [30]], columns: ['TOTAL'] },
  { source: 'sql/select', setup: EMPLOYEES, sql: 'SELECT $2, $3 FROM employee_table WHERE $1 = 102', rows: [['Levine', 'Terry']], columns: ['$2', '$3'] },

  // SELECT * with ILIKE, EXCLUDE, REPLACE, RENAME
  {
    source: 'sql/select',
    setup: EMPLOYEES,
    sql: "SELECT * ILIKE '%id%' FROM employee_table ORDER BY employee_id",
    rows: [[101, 1], [102, 2], [103, 2]],
    columns: ['EMPLOYEE_ID', 'DEPARTMENT_ID'],
  },
  {
    source: 'sql/select',
    setup: EMPLOYEES,
    sql: 'SELECT * EXCLUDE department_id FROM employee_table ORDER BY employee_id',
    rows: [[101, 'Montgomery', 'Pat'], [102, 'Levine', 'Terry'], [103, 'Comstock', 'Dana']],
    columns: ['EMPLOYEE_ID', 'LAST_NAME', 'FIRST_NAME'],
  },
  {
    source: 'sql/select',
    setup: EMPLOYEES,
    sql: 'SELECT * EXCLUDE (department_id, employee_id) FROM employee_table ORDER BY last_name',
    rows: [['Comstock', 'Dana'], ['Levine', 'Terry'], ['Montgomery', 'Pat']],
    columns: ['LAST_NAME', 'FIRST_NAME'],
  },
  {
    source: 'sql/select',
    setup: EMPLOYEES,
    sql: 'SELECT * RENAME department_id AS department FROM employee_table ORDER BY employee_id',
    rows: [[101, 'Montgomery', 'Pat', 1], [102, 'Levine', 'Terry', 2], [103, 'Comstock', 'Dana', 2]],
    columns: ['EMPLOYEE_ID', 'LAST_NAME', 'FIRST_NAME', 'DEPARTMENT'],
  },
  {
    source: 'sql/select',
    setup: EMPLOYEES,
    sql: 'SELECT * RENAME (department_id AS department, employee_id AS id) FROM employee_table ORDER BY id',
    rows: [[101, 'Montgomery', 'Pat', 1], [102, 'Levine', 'Terry', 2], [103, 'Comstock', 'Dana', 2]],
    columns: ['ID', 'LAST_NAME', 'FIRST_NAME', 'DEPARTMENT'],
  },
  {
    source: 'sql/select',
    setup: EMPLOYEES,
    sql: 'SELECT * EXCLUDE first_name RENAME (department_id AS department, employee_id AS id) FROM employee_table ORDER BY id',
    rows: [[101, 'Montgomery', 1], [102, 'Levine', 2], [103, 'Comstock', 2]],
    columns: ['ID', 'LAST_NAME', 'DEPARTMENT'],
  },
  {
    source: 'sql/select',
    setup: EMPLOYEES,
    sql: "SELECT * REPLACE ('DEPT-' || department_id AS department_id) FROM employee_table ORDER BY employee_id",
    rows: [[101, 'Montgomery', 'Pat', 'DEPT-1'], [102, 'Levine', 'Terry', 'DEPT-2'], [103, 'Comstock', 'Dana', 'DEPT-2']],
    columns: ['EMPLOYEE_ID', 'LAST_NAME', 'FIRST_NAME', 'DEPARTMENT_ID'],
  },
  {
    source: 'sql/select',
    setup: EMPLOYEES,
    sql: "SELECT * EXCLUDE first_name REPLACE ('DEPT-' || department_id AS department_id) RENAME last_name AS surname FROM employee_table ORDER BY employee_id",
    rows: [[101, 'Montgomery', 'DEPT-1'], [102, 'Levine', 'DEPT-2'], [103, 'Comstock', 'DEPT-2']],
    columns: ['EMPLOYEE_ID', 'SURNAME', 'DEPARTMENT_ID'],
  },
  {
    source: 'sql/select',
    setup: EMPLOYEES,
    sql: 'SELECT employee_table.* EXCLUDE department_id, department_table.* RENAME department_name AS department FROM employee_table INNER JOIN department_table ON employee_table.department_id = department_table.department_id ORDER BY department, last_name, first_name',
    rows: [
      [103, 'Comstock', 'Dana', 2, 'Customer Action'],
      [102, 'Levine', 'Terry', 2, 'Customer Action'],
      [101, 'Montgomery', 'Pat', 1, 'Engineering'],
    ],
    columns: ['EMPLOYEE_ID', 'LAST_NAME', 'FIRST_NAME', 'DEPARTMENT_ID', 'DEPARTMENT'],
  },
  {
    source: 'sql/select',
    setup: EMPLOYEES,
    sql: "SELECT * ILIKE '%id%' RENAME department_id AS department FROM employee_table ORDER BY employee_id",
    rows: [[101, 1], [102, 2], [103, 2]],
    knownGap: 'ILIKE combined with RENAME is unsupported',
  },
  {
    source: 'sql/select',
    setup: EMPLOYEES,
    sql: "SELECT * ILIKE '%id%' REPLACE ('DEPT-' || department_id AS department_id) FROM employee_table ORDER BY employee_id",
    rows: [[101, 'DEPT-1'], [102, 'DEPT-2'], [103, 'DEPT-2']],
    knownGap: 'ILIKE combined with REPLACE is unsupported',
  },
  {
    source: 'sql/select',
    setup: EMPLOYEES,
    sql: "SELECT * REPLACE ('DEPT-' || department_id AS department_id) RENAME department_id AS department FROM employee_table ORDER BY employee_id",
    rows: [[101, 'Montgomery', 'Pat', 'DEPT-1'], [102, 'Levine', 'Terry', 'DEPT-2'], [103, 'Comstock', 'Dana', 'DEPT-2']],
    knownGap: 'one column both replaced and renamed is unsupported',
  },
  { source: 'sql/select', setup: EMPLOYEES, sql: "SELECT * ILIKE '%id%' RENAME department_id AS dept FROM employee_table", error: { code: '000002' } },
  { source: 'sql/select', setup: EMPLOYEES, sql: "SELECT * ILIKE '%id%' EXCLUDE department_id FROM employee_table", error: { code: '001003' } },

  // Duplicate result column names stay as they are
  { source: 'sql/select', sql: 'SELECT 1 AS foo, 2 AS foo', rows: [[1, 2]], columns: ['FOO', 'FOO'] },
  { source: 'sql/select', sql: 'SELECT * FROM (SELECT 1 AS foo, 2 AS foo)', rows: [[1, 2]], columns: ['FOO', 'FOO'] },
  {
    source: 'constructs/join',
    setup: EMPLOYEES,
    sql: 'SELECT * FROM employee_table e JOIN department_table d ON e.department_id = d.department_id WHERE e.employee_id = 101',
    rows: [[101, 'Montgomery', 'Pat', 1, 1, 'Engineering']],
    columns: ['EMPLOYEE_ID', 'LAST_NAME', 'FIRST_NAME', 'DEPARTMENT_ID', 'DEPARTMENT_ID', 'DEPARTMENT_NAME'],
  },
  {
    source: 'constructs/with',
    setup: EMPLOYEES,
    sql: 'WITH j AS (SELECT e.department_id, d.* FROM employee_table e JOIN department_table d ON e.department_id = d.department_id WHERE e.employee_id = 101) SELECT * FROM j',
    rows: [[1, 1, 'Engineering']],
    columns: ['DEPARTMENT_ID', 'DEPARTMENT_ID', 'DEPARTMENT_NAME'],
  },

  // IDENTIFIER
  { source: 'identifier-literal', setup: EMPLOYEES, sql: "SELECT COUNT(*) FROM IDENTIFIER('employee_table')", rows: [[3]] },
  { source: 'identifier-literal', setup: EMPLOYEES, sql: "SELECT IDENTIFIER('last_name') FROM IDENTIFIER('employee_table') WHERE IDENTIFIER('employee_id') = 101", rows: [['Montgomery']], columns: ['LAST_NAME'] },
  {
    source: 'identifier-literal',
    setup: ["CREATE OR REPLACE TABLE IDENTIFIER('\"my_table\"') (c1 NUMBER)", "INSERT INTO IDENTIFIER('\"my_table\"') VALUES (1), (2)"],
    sql: 'SELECT SUM(c1) FROM "my_table"',
    rows: [[3]],
  },
  { source: 'identifier-literal', sql: "CREATE OR REPLACE TABLE IDENTIFIER('mytable') (c1 NUMBER)", rows: [['Table MYTABLE successfully created.']] },
  { source: 'identifier-literal', setup: ['CREATE OR REPLACE TABLE mytable (c1 NUMBER)', 'INSERT INTO mytable VALUES (7)'], sql: "SELECT c1 FROM TABLE('mytable')", rows: [[7]] },
  {
    source: 'identifier-literal',
    setup: ['CREATE OR REPLACE TABLE mytable (c1 NUMBER)', 'INSERT INTO mytable VALUES (7)', "SET my_table_name = 'mytable'"],
    sql: 'SELECT c1 FROM IDENTIFIER($my_table_name)',
    rows: [[7]],
  },
  { source: 'identifier-literal', sql: "SELECT * FROM IDENTIFIER('no such table')", error: { code: '000904' } },
  { source: 'identifier-literal', sql: "SELECT * FROM IDENTIFIER('nosuchtable')", error: { code: '002003', message: "'NOSUCHTABLE' does not exist" } },

  // PIVOT and UNPIVOT
  {
    source: 'constructs/pivot',
    setup: QUARTERLY_SALES,
    sql: "SELECT * FROM quarterly_sales PIVOT(SUM(amount) FOR quarter IN ('2023_Q1', '2023_Q2', '2023_Q3')) ORDER BY empid",
    rows: [[1, 10400, 8000, 11000], [2, 39500, 90700, 12000], [3, null, null, 2700]],
    columns: ['EMPID', "'2023_Q1'", "'2023_Q2'", "'2023_Q3'"],
  },
  {
    source: 'constructs/pivot',
    setup: QUARTERLY_SALES,
    sql: 'SELECT * FROM quarterly_sales PIVOT(SUM(amount) FOR quarter IN (ANY ORDER BY quarter)) ORDER BY empid',
    rows: [[1, 10400, 8000, 11000, 18000], [2, 39500, 90700, 12000, 5300], [3, null, null, 2700, 28900]],
    columns: ['EMPID', "'2023_Q1'", "'2023_Q2'", "'2023_Q3'", "'2023_Q4'"],
  },
  {
    source: 'constructs/pivot',
    setup: [...QUARTERLY_SALES, AD_CAMPAIGNS],
    sql: 'SELECT * FROM quarterly_sales PIVOT(SUM(amount) FOR quarter IN (SELECT DISTINCT quarter FROM ad_campaign_types_by_quarter WHERE television = TRUE ORDER BY quarter)) ORDER BY empid',
    rows: [[1, 10400, 18000], [2, 39500, 5300], [3, null, 28900]],
    columns: ['EMPID', "'2023_Q1'", "'2023_Q4'"],
  },
  {
    source: 'constructs/pivot',
    setup: QUARTERLY_SALES,
    sql: 'SELECT * FROM quarterly_sales PIVOT(SUM(amount) FOR quarter IN (ANY ORDER BY quarter) DEFAULT ON NULL (0)) ORDER BY empid',
    rows: [[1, 10400, 8000, 11000, 18000], [2, 39500, 90700, 12000, 5300], [3, 0, 0, 2700, 28900]],
    columns: ['EMPID', "'2023_Q1'", "'2023_Q2'", "'2023_Q3'", "'2023_Q4'"],
  },
  {
    source: 'constructs/pivot',
    setup: QUARTERLY_SALES,
    sql: "SELECT * FROM quarterly_sales PIVOT(SUM(amount) FOR quarter IN ('2023_Q1', '2023_Q2') DEFAULT ON NULL (-1)) ORDER BY empid",
    rows: [[1, 10400, 8000], [2, 39500, 90700], [3, -1, -1]],
  },
  {
    source: 'constructs/pivot',
    setup: QUARTERLY_SALES,
    sql: "SELECT * FROM quarterly_sales PIVOT(SUM(amount) FOR quarter IN ('2023_Q1', '2023_Q2', '2023_Q3', '2023_Q4')) AS p (employee, q1, q2, q3, q4) ORDER BY employee",
    rows: [[1, 10400, 8000, 11000, 18000], [2, 39500, 90700, 12000, 5300], [3, null, null, 2700, 28900]],
    columns: ['EMPLOYEE', 'Q1', 'Q2', 'Q3', 'Q4'],
  },
  {
    source: 'constructs/pivot',
    setup: QUARTERLY_SALES,
    sql: "SELECT * FROM quarterly_sales PIVOT(SUM(amount) FOR quarter IN ('2023_Q1' AS q1, '2023_Q2' AS q2)) ORDER BY empid",
    rows: [[1, 10400, 8000], [2, 39500, 90700], [3, null, null]],
    columns: ['EMPID', 'Q1', 'Q2'],
  },
  {
    source: 'constructs/pivot',
    setup: QUARTERLY_SALES,
    sql: "SELECT empid, \"'2023_Q4'\" FROM quarterly_sales PIVOT(MAX(amount) FOR quarter IN ('2023_Q3', '2023_Q4')) WHERE empid > 1 ORDER BY empid",
    rows: [[2, 4500], [3, 16000]],
    columns: ['EMPID', "'2023_Q4'"],
  },
  {
    source: 'constructs/pivot',
    setup: QUARTERLY_SALES,
    sql: 'SELECT * FROM (SELECT empid, amount, quarter FROM quarterly_sales WHERE empid = 3) PIVOT(COUNT(amount) FOR quarter IN (ANY)) ORDER BY empid',
    rows: [[3, 1, 3]],
    columns: ['EMPID', "'2023_Q3'", "'2023_Q4'"],
  },
  {
    source: 'constructs/unpivot',
    setup: MONTHLY_SALES,
    sql: 'SELECT * FROM monthly_sales UNPIVOT (sales FOR month IN (jan, feb, mar, apr)) WHERE empid IN (1, 4)',
    unordered: true,
    rows: [
      [1, 'electronics', 'JAN', 100], [1, 'electronics', 'FEB', 200], [1, 'electronics', 'MAR', 300], [1, 'electronics', 'APR', 100],
      [4, 'appliances', 'JAN', 100], [4, 'appliances', 'MAR', 100], [4, 'appliances', 'APR', 50],
    ],
    columns: ['EMPID', 'DEPT', 'MONTH', 'SALES'],
  },
  {
    source: 'constructs/unpivot',
    setup: MONTHLY_SALES,
    sql: 'SELECT * FROM monthly_sales UNPIVOT INCLUDE NULLS (sales FOR month IN (jan, feb, mar, apr)) WHERE empid = 4',
    unordered: true,
    rows: [[4, 'appliances', 'JAN', 100], [4, 'appliances', 'FEB', null], [4, 'appliances', 'MAR', 100], [4, 'appliances', 'APR', 50]],
  },
  { source: 'constructs/unpivot', setup: MONTHLY_SALES, sql: 'SELECT COUNT(*) FROM monthly_sales UNPIVOT (sales FOR month IN (jan, feb, mar, apr))', rows: [[15]] },

  // Multi-table INSERT and INSERT OVERWRITE
  {
    source: 'sql/insert-multi-table',
    setup: MULTI_INSERT,
    sql: 'INSERT ALL INTO t1 INTO t1 (c1, c2, c3) VALUES (n2, n1, DEFAULT) INTO t2 (c1, c2, c3) INTO t2 VALUES (n3, n2, n1) SELECT n1, n2, n3 FROM src',
    rows: [[6, 6]],
    columns: ['number of rows inserted into T1', 'number of rows inserted into T2'],
  },
  {
    source: 'sql/insert-multi-table',
    setup: [...MULTI_INSERT, 'INSERT ALL INTO t1 INTO t1 (c1, c2, c3) VALUES (n2, n1, DEFAULT) SELECT n1, n2, n3 FROM src'],
    sql: 'SELECT c1, c2, c3 FROM t1 ORDER BY c1, c2',
    rows: [[5, 50, 500], [50, 5, 7], [50, 500, 5000], [500, 50, 7], [500, 5000, 50000], [5000, 500, 7]],
  },
  {
    source: 'sql/insert-multi-table',
    setup: [...MULTI_INSERT, 'INSERT ALL WHEN n1 > 100 THEN INTO t1 WHEN n1 > 10 THEN INTO t1 INTO t2 ELSE INTO t2 SELECT n1, n2, n3 FROM src'],
    sql: "SELECT 't1', c1 FROM t1 UNION ALL SELECT 't2', c1 FROM t2 ORDER BY 1, 2",
    rows: [['t1', 50], ['t1', 500], ['t1', 500], ['t2', 5], ['t2', 50], ['t2', 500]],
  },
  {
    source: 'sql/insert-multi-table',
    setup: [...MULTI_INSERT, 'INSERT FIRST WHEN n1 > 100 THEN INTO t1 WHEN n1 > 10 THEN INTO t1 INTO t2 ELSE INTO t2 SELECT n1, n2, n3 FROM src'],
    sql: "SELECT 't1', c1 FROM t1 UNION ALL SELECT 't2', c1 FROM t2 ORDER BY 1, 2",
    rows: [['t1', 50], ['t1', 500], ['t2', 5], ['t2', 50]],
  },
  {
    source: 'sql/insert-multi-table',
    setup: MULTI_INSERT,
    sql: 'INSERT FIRST WHEN n1 > 100 THEN INTO t1 WHEN n1 > 10 THEN INTO t1 INTO t2 ELSE INTO t2 SELECT n1, n2, n3 FROM src',
    rows: [[2, 2]],
    columns: ['number of rows inserted into T1', 'number of rows inserted into T2'],
  },
  {
    source: 'sql/insert-multi-table',
    setup: [...MULTI_INSERT, 'INSERT INTO t2 VALUES (1, 1, 1)', 'INSERT OVERWRITE ALL INTO t2 SELECT n1, n2, n3 FROM src WHERE n1 = 5'],
    sql: 'SELECT * FROM t2',
    rows: [[5, 50, 500]],
  },
  { source: 'sql/insert-multi-table', setup: MULTI_INSERT, sql: 'INSERT FIRST INTO t1 SELECT n1, n2, n3 FROM src', error: { code: '001003' } },
  { source: 'sql/insert-multi-table', setup: MULTI_INSERT, sql: 'INSERT ALL INTO t1 INTO nosuch SELECT n1, n2, n3 FROM src', error: { code: '002003' } },
  {
    source: 'sql/insert',
    setup: [
      "CREATE OR REPLACE TABLE employees (first_name VARCHAR, last_name VARCHAR, city VARCHAR) AS SELECT * FROM VALUES ('May', 'Franklin', 'San Francisco'), ('Gillian', 'Patterson', 'San Francisco'), ('Lysandra', 'Reeves', 'San Francisco'), ('Michael', 'Arnett', 'Paris')",
      "CREATE OR REPLACE TABLE sf_employees (first_name VARCHAR, last_name VARCHAR, city VARCHAR) AS SELECT 'Old', 'Row', 'Nowhere'",
    ],
    sql: "INSERT OVERWRITE INTO sf_employees SELECT * FROM employees WHERE city = 'San Francisco'",
    rows: [[3]],
    columns: ['number of rows inserted'],
  },
  {
    source: 'sql/insert',
    setup: ["CREATE OR REPLACE TABLE sf_employees (first_name VARCHAR, city VARCHAR) AS SELECT 'Old', 'Nowhere'", "INSERT OVERWRITE INTO sf_employees (first_name) VALUES ('May'), ('Gillian')"],
    sql: 'SELECT first_name, city FROM sf_employees ORDER BY 1',
    rows: [['Gillian', null], ['May', null]],
  },
  {
    source: 'sql/insert',
    setup: ['CREATE OR REPLACE TABLE nums (n INT) AS SELECT * FROM VALUES (1), (2), (3)', 'INSERT OVERWRITE INTO nums SELECT n * 10 FROM nums WHERE n > 1'],
    sql: 'SELECT n FROM nums ORDER BY n',
    rows: [[20], [30]],
  },

  // TRUNCATE
  { source: 'sql/truncate-table', setup: ['CREATE OR REPLACE TABLE temp (numbers NUMBER)', 'INSERT INTO temp VALUES (1), (2), (3)'], sql: 'TRUNCATE TABLE IF EXISTS temp', rows: [[STATUS]], columns: ['status'] },
  { source: 'sql/truncate-table', setup: ['CREATE OR REPLACE TABLE temp (numbers NUMBER)', 'INSERT INTO temp VALUES (1), (2), (3)', 'TRUNCATE TABLE temp'], sql: 'SELECT COUNT(*) FROM temp', rows: [[0]] },
  { source: 'sql/truncate-table', setup: ['CREATE OR REPLACE TABLE temp (numbers NUMBER)', 'INSERT INTO temp VALUES (1), (2)'], sql: 'TRUNCATE temp', rows: [[STATUS]] },
  { source: 'sql/truncate-table', sql: 'TRUNCATE TABLE IF EXISTS no_such_table', rows: [[STATUS]] },
  { source: 'sql/truncate-table', sql: 'TRUNCATE TABLE no_such_table', error: { code: '002003', message: "'NO_SUCH_TABLE' does not exist" } },

  // CREATE TABLE … CLONE / LIKE / AS SELECT, COPY GRANTS
  {
    source: 'sql/create-clone',
    setup: ['CREATE OR REPLACE TABLE mytable (a INT DEFAULT 5, b VARCHAR NOT NULL)', "INSERT INTO mytable VALUES (1, 'x'), (2, 'y')"],
    sql: 'CREATE TABLE mytable_copy CLONE mytable',
    rows: [['Table MYTABLE_COPY successfully created.']],
  },
  {
    source: 'sql/create-clone',
    setup: ['CREATE OR REPLACE TABLE mytable (a INT DEFAULT 5, b VARCHAR NOT NULL)', "INSERT INTO mytable VALUES (1, 'x'), (2, 'y')", 'CREATE OR REPLACE TABLE mytable_copy CLONE mytable', "INSERT INTO mytable_copy (b) VALUES ('z')"],
    sql: 'SELECT a, b FROM mytable_copy ORDER BY b',
    rows: [[1, 'x'], [2, 'y'], [5, 'z']],
  },
  {
    source: 'sql/create-clone',
    setup: ['CREATE OR REPLACE TABLE mytable (a INT)', 'INSERT INTO mytable VALUES (1)', 'CREATE TABLE mytable_copy CLONE mytable', 'INSERT INTO mytable VALUES (2)'],
    sql: 'SELECT (SELECT COUNT(*) FROM mytable), (SELECT COUNT(*) FROM mytable_copy)',
    rows: [[2, 1]],
  },
  { source: 'sql/create-clone', sql: 'CREATE TABLE mytable_copy CLONE no_such_table', error: { code: '002003', message: "'NO_SUCH_TABLE' does not exist" } },
  {
    source: 'sql/create-clone',
    setup: ['CREATE OR REPLACE TABLE mytable (a INT)'],
    sql: 'CREATE TABLE restored CLONE mytable AT (OFFSET => -60)',
    error: { code: '000002', message: 'Time Travel' },
  },
  { source: 'sql/create-clone', sql: 'CREATE SCHEMA mytestschema_clone CLONE testschema', error: { code: '000002', message: 'CREATE SCHEMA … CLONE' } },
  { source: 'constructs/at-before', setup: ['CREATE OR REPLACE TABLE mytable (a INT)'], sql: 'SELECT * FROM mytable AT (OFFSET => -60*5)', error: { code: '000002' } },
  { source: 'constructs/at-before', setup: ['CREATE OR REPLACE TABLE mytable (a INT)'], sql: "SELECT * FROM mytable BEFORE (STATEMENT => '8e5d0ca9-005e-44e6-b858-a8f5b37c5726')", error: { code: '000002' } },
  {
    source: 'sql/create-table',
    setup: ['CREATE OR REPLACE TABLE mytable (amount NUMBER, note VARCHAR DEFAULT \'none\')', 'INSERT INTO mytable VALUES (1, \'a\')', 'CREATE OR REPLACE TABLE mytable_2 LIKE mytable', 'INSERT INTO mytable_2 (amount) VALUES (9)'],
    sql: 'SELECT * FROM mytable_2',
    rows: [[9, 'none']],
    columns: ['AMOUNT', 'NOTE'],
  },
  {
    source: 'sql/create-table',
    setup: ['CREATE OR REPLACE TABLE testtable (name VARCHAR, amount1 NUMBER, amount2 NUMBER)', "INSERT INTO testtable VALUES ('one', 1, 10), ('two', 2, 20)"],
    sql: 'CREATE OR REPLACE TABLE testtable_summary (name, summary_amount) AS SELECT name, amount1 + amount2 FROM testtable',
    rows: [['Table TESTTABLE_SUMMARY successfully created.']],
  },
  {
    source: 'sql/create-table',
    setup: [
      'CREATE OR REPLACE TABLE testtable (name VARCHAR, amount1 NUMBER, amount2 NUMBER)',
      "INSERT INTO testtable VALUES ('one', 1, 10), ('two', 2, 20)",
      'CREATE OR REPLACE TABLE testtable_summary (name, summary_amount) AS SELECT name, amount1 + amount2 FROM testtable',
    ],
    sql: 'SELECT * FROM testtable_summary ORDER BY name',
    rows: [['one', 11], ['two', 22]],
    columns: ['NAME', 'SUMMARY_AMOUNT'],
  },
  {
    source: 'sql/create-table',
    setup: ["CREATE OR REPLACE TABLE typed (n VARCHAR, d DATE) AS SELECT 42, '2024-01-02'"],
    sql: 'SELECT n, d FROM typed',
    rows: [['42', '2024-01-02']],
    types: ['text', 'date'],
  },
  { source: 'sql/create-table', setup: ['CREATE OR REPLACE TABLE mytable (a INT)'], sql: 'CREATE OR REPLACE TABLE mytable (a INT, b INT) COPY GRANTS', rows: [['Table MYTABLE successfully created.']] },
  { source: 'sql/create-table', setup: ['CREATE OR REPLACE TABLE mytable (a INT)', 'INSERT INTO mytable VALUES (3)'], sql: 'CREATE OR REPLACE TABLE mytable2 COPY GRANTS AS SELECT a * 2 AS b FROM mytable', rows: [['Table MYTABLE2 successfully created.']] },

  // ALTER TABLE
  { source: 'sql/alter-table', setup: ['CREATE OR REPLACE TABLE t1 (a1 NUMBER)'], sql: 'ALTER TABLE t1 RENAME TO tt1', rows: [[STATUS]] },
  { source: 'sql/alter-table', setup: ['CREATE OR REPLACE TABLE t1 (a1 NUMBER)', 'INSERT INTO t1 VALUES (1)', 'ALTER TABLE t1 RENAME TO tt1'], sql: 'SELECT a1 FROM tt1', rows: [[1]] },
  { source: 'sql/alter-table', setup: ['CREATE OR REPLACE TABLE t1 (a1 NUMBER)'], sql: 'ALTER TABLE t1 ADD COLUMN a2 NUMBER', rows: [[STATUS]] },
  {
    source: 'sql/alter-table',
    setup: ['CREATE OR REPLACE TABLE t1 (a1 NUMBER)', 'INSERT INTO t1 VALUES (1)', 'ALTER TABLE t1 ADD COLUMN a2 NUMBER', 'ALTER TABLE t1 RENAME COLUMN a1 TO b1'],
    sql: 'SELECT * FROM t1',
    rows: [[1, null]],
    columns: ['B1', 'A2'],
  },
  { source: 'sql/alter-table', setup: ['CREATE OR REPLACE TABLE t1 (a1 NUMBER, a2 NUMBER)', 'ALTER TABLE t1 DROP COLUMN a2'], sql: 'SELECT * FROM t1', rows: [], columns: ['A1'] },
  { source: 'sql/alter-table-column', setup: ['CREATE OR REPLACE TABLE t1 (a1 NUMBER)'], sql: 'ALTER TABLE t1 ADD COLUMN a2 NUMBER, a3 VARCHAR', rows: [[STATUS]] },
  {
    source: 'sql/alter-table-column',
    setup: ['CREATE OR REPLACE TABLE t1 (a1 NUMBER, a2 NUMBER, a3 NUMBER, a4 NUMBER)', 'ALTER TABLE t1 DROP COLUMN a2, a4', 'ALTER TABLE t1 ADD a5 NUMBER DEFAULT 5, a6 VARCHAR', 'INSERT INTO t1 (a1) VALUES (1)'],
    sql: 'SELECT * FROM t1',
    rows: [[1, null, 5, null]],
    columns: ['A1', 'A3', 'A5', 'A6'],
  },

  // DESCRIBE TABLE
  {
    source: 'sql/desc-table',
    setup: ["CREATE OR REPLACE TABLE desc_example(c1 INT PRIMARY KEY, c2 INT, c3 INT UNIQUE, c4 VARCHAR(30) DEFAULT 'Not applicable' COMMENT 'Column comment', c5 VARCHAR(100))"],
    sql: 'DESCRIBE TABLE desc_example',
    rows: [
      ['C1', 'NUMBER(38,0)', 'COLUMN', 'N', null, 'Y', 'N', null, null, null, null, null],
      ['C2', 'NUMBER(38,0)', 'COLUMN', 'Y', null, 'N', 'N', null, null, null, null, null],
      ['C3', 'NUMBER(38,0)', 'COLUMN', 'Y', null, 'N', 'Y', null, null, null, null, null],
      ['C4', 'VARCHAR(30)', 'COLUMN', 'Y', "'Not applicable'", 'N', 'N', null, null, 'Column comment', null, null],
      ['C5', 'VARCHAR(100)', 'COLUMN', 'Y', null, 'N', 'N', null, null, null, null, null],
    ],
    knownGap: 'column comments, VARCHAR lengths and primary/unique keys are not kept',
  },
  {
    source: 'sql/desc-table',
    setup: ["CREATE OR REPLACE TABLE desc_example(c1 INT NOT NULL, c2 NUMBER(10,2), c4 VARCHAR DEFAULT 'Not applicable', c5 TIMESTAMP_NTZ, c6 FLOAT, c7 BOOLEAN, c8 DATE)"],
    sql: 'DESC TABLE desc_example',
    rows: [
      ['C1', 'NUMBER(38,0)', 'COLUMN', 'N', null, 'N', 'N', null, null, null, null, null],
      ['C2', 'NUMBER(10,2)', 'COLUMN', 'Y', null, 'N', 'N', null, null, null, null, null],
      ['C4', 'VARCHAR(16777216)', 'COLUMN', 'Y', "'Not applicable'", 'N', 'N', null, null, null, null, null],
      ['C5', 'TIMESTAMP_NTZ(9)', 'COLUMN', 'Y', null, 'N', 'N', null, null, null, null, null],
      ['C6', 'FLOAT', 'COLUMN', 'Y', null, 'N', 'N', null, null, null, null, null],
      ['C7', 'BOOLEAN', 'COLUMN', 'Y', null, 'N', 'N', null, null, null, null, null],
      ['C8', 'DATE', 'COLUMN', 'Y', null, 'N', 'N', null, null, null, null, null],
    ],
    columns: ['name', 'type', 'kind', 'null?', 'default', 'primary key', 'unique key', 'check', 'expression', 'comment', 'policy name', 'privacy domain'],
  },
  { source: 'sql/desc-table', sql: 'DESCRIBE TABLE no_such_table', error: { code: '002003', message: "'NO_SUCH_TABLE' does not exist" } },

  // SAMPLE / TABLESAMPLE
  { source: 'constructs/sample', setup: [TEN_ROWS], sql: 'SELECT COUNT(*) FROM testtable SAMPLE (100)', rows: [[10]] },
  { source: 'constructs/sample', setup: [TEN_ROWS], sql: 'SELECT COUNT(*) FROM testtable TABLESAMPLE BERNOULLI (0)', rows: [[0]] },
  { source: 'constructs/sample', setup: [TEN_ROWS], sql: 'SELECT COUNT(*) FROM testtable SAMPLE (3 ROWS)', rows: [[3]] },
  { source: 'constructs/sample', setup: [TEN_ROWS], sql: 'SELECT COUNT(*) FROM testtable SAMPLE BERNOULLI (20 ROWS)', rows: [[10]] },
  {
    source: 'constructs/sample',
    setup: [TEN_ROWS],
    sql: 'SELECT COUNT(*) FROM testtable SAMPLE ROW (20 ROWS)',
    rows: [[10]],
  },
  { source: 'constructs/sample', setup: [TEN_ROWS], sql: 'SELECT COUNT(*) FROM testtable AS t SAMPLE BLOCK (100)', rows: [[10]] },
  {
    source: 'constructs/sample',
    setup: [TEN_ROWS],
    sql: 'SELECT COUNT(*) FROM ((SELECT i FROM testtable SAMPLE (50) SEED (82) EXCEPT SELECT i FROM testtable SAMPLE (50) REPEATABLE (82)) UNION ALL (SELECT i FROM testtable SAMPLE (50) REPEATABLE (82) EXCEPT SELECT i FROM testtable SAMPLE (50) SEED (82)))',
    rows: [[0]],
  },
  {
    source: 'constructs/sample',
    setup: [TEN_ROWS],
    sql: 'SELECT COUNT(*) FROM testtable t1 SAMPLE (100) INNER JOIN testtable t2 SAMPLE (100) ON t1.i = t2.i',
    rows: [[10]],
  },

  // Transactions, and BEGIN as a Snowflake Scripting block
  { source: 'sql/begin', sql: 'BEGIN', rows: [[STATUS]] },
  { source: 'sql/begin', sql: 'BEGIN TRANSACTION NAME my_txn', rows: [[STATUS]] },
  { source: 'sql/begin', sql: 'START TRANSACTION', rows: [[STATUS]] },
  { source: 'sql/commit', sql: 'COMMIT WORK', rows: [[STATUS]] },
  { source: 'sql/rollback', sql: 'ROLLBACK', rows: [[STATUS]] },
  { source: 'sql/begin', setup: ['CREATE OR REPLACE TABLE t (s VARCHAR)'], sql: "BEGIN INSERT INTO t VALUES ('x')", error: { code: '001003', message: "unexpected '<EOF>'" } },
  // A block without RETURN answers NULL (https://docs.snowflake.com/en/developer-guide/snowflake-scripting/blocks).
  { source: 'sql/begin', setup: ['CREATE OR REPLACE TABLE t (s VARCHAR)'], sql: "BEGIN INSERT INTO t VALUES ('x'); END;", rows: [[null]] },
  { source: 'sql/commit', sql: 'COMMIT TRANSACTION', error: { code: '001003', message: "unexpected 'TRANSACTION'" } },
];
