import type { Category } from '../corpus-case';

export const conditional: Category = [
  { source: 'functions/iff', sql: "SELECT IFF(TRUE, 'true', 'false')", rows: [['true']] },
  { source: 'functions/iff', sql: "SELECT IFF(FALSE, 'true', 'false')", rows: [['false']] },
  { source: 'functions/iff', sql: "SELECT IFF(NULL, 'true', 'false')", rows: [['false']] },
  { source: 'functions/iff', sql: "SELECT IFF(TRUE, NULL, 'false')", rows: [[null]] },
  {
    source: 'functions/nvl',
    setup: [
      'CREATE TABLE suppliers (supplier_id INT, supplier_name VARCHAR(25), phone_region_1 VARCHAR(15), phone_region_2 VARCHAR(15))',
      "INSERT INTO suppliers(supplier_id, supplier_name, phone_region_1, phone_region_2) VALUES (1, 'Company_ABC', NULL, '555-01111'), (2, 'Company_DEF', '555-01222', NULL), (3, 'Company_HIJ', '555-01333', '555-01444'), (4, 'Company_KLM', NULL, NULL)",
    ],
    sql: 'SELECT supplier_id, supplier_name, phone_region_1, phone_region_2, NVL(phone_region_1, phone_region_2) IF_REGION_1_NULL, NVL(phone_region_2, phone_region_1) IF_REGION_2_NULL FROM suppliers ORDER BY supplier_id',
    rows: [
      [1, 'Company_ABC', null, '555-01111', '555-01111', '555-01111'],
      [2, 'Company_DEF', '555-01222', null, '555-01222', '555-01222'],
      [3, 'Company_HIJ', '555-01333', '555-01444', '555-01333', '555-01444'],
      [4, 'Company_KLM', null, null, null, null],
    ],
  },
  {
    source: 'functions/nvl2',
    setup: ['CREATE TABLE i2 (a INT, b INT, c INT)', 'INSERT INTO i2 VALUES (0, 5, 3), (0, 5, NULL), (0, NULL, 3), (0, NULL, NULL), (NULL, 5, 3), (NULL, 5, NULL), (NULL, NULL, 3), (NULL, NULL, NULL)'],
    sql: 'SELECT a, b, c, NVL2(a, b, c) FROM i2 ORDER BY a, b, c',
    rows: [
      [0, 5, 3, 5], [0, 5, null, 5], [0, null, 3, null], [0, null, null, null],
      [null, 5, 3, 3], [null, 5, null, null], [null, null, 3, 3], [null, null, null, null],
    ],
    columns: ['A', 'B', 'C', 'NVL2(A, B, C)'],
  },
  {
    source: 'functions/decode',
    setup: ['CREATE TABLE d (column1 INTEGER)', 'INSERT INTO d (column1) VALUES (1), (2), (NULL), (4)'],
    sql: "SELECT column1, decode(column1, 1, 'one', 2, 'two', NULL, '-NULL-', 'other') AS decode_result FROM d",
    rows: [[1, 'one'], [2, 'two'], [null, '-NULL-'], [4, 'other']],
    unordered: true,
    columns: ['COLUMN1', 'DECODE_RESULT'],
  },
  {
    source: 'functions/decode',
    setup: ['CREATE TABLE d (column1 INTEGER)', 'INSERT INTO d (column1) VALUES (1), (2), (NULL), (4)'],
    sql: "SELECT column1, decode(column1, 1, 'one', 2, 'two', NULL, '-NULL-') AS decode_result FROM d",
    rows: [[1, 'one'], [2, 'two'], [null, '-NULL-'], [4, null]],
    unordered: true,
  },
  { source: 'functions/decode', sql: "SELECT DECODE('b', 'a', 1, 'b', 2), DECODE('z', 'a', 1, 'b', 2)", rows: [[2, null]] },
  { source: 'functions/decode', sql: "SELECT DECODE(1, 1, 'first', 1, 'second')", rows: [['first']] },
  { source: 'functions/decode', sql: "SELECT DECODE(NULL, 1, 'one', 'other'), DECODE(1, NULL, 'null', 'other')", rows: [['other', 'other']] },
  { source: 'functions/decode', sql: "SELECT decode(DECODE(2, 1, 'a', 2, 'b'), 'b', 'B', 'not b')", rows: [['B']] },
  {
    source: 'functions/decode',
    setup: ['CREATE TABLE grades (student VARCHAR, grade VARCHAR)', "INSERT INTO grades VALUES ('ann', 'A'), ('bob', 'B'), ('cy', NULL), ('di', 'F')"],
    sql: "SELECT student, DECODE(grade, 'A', 4, 'B', 3, 'C', 2, 'D', 1, 0) AS points FROM grades ORDER BY student",
    rows: [['ann', 4], ['bob', 3], ['cy', 0], ['di', 0]],
  },
  { source: 'functions/decode', sql: "SELECT DECODE('a', 1, 'one')", error: { code: '100038', message: "Numeric value 'a' is not recognized" } },
  {
    source: 'functions/ifnull',
    setup: [
      'CREATE TABLE suppliers (supplier_id INT, supplier_name VARCHAR(25), phone_region_1 VARCHAR(15), phone_region_2 VARCHAR(15))',
      "INSERT INTO suppliers(supplier_id, supplier_name, phone_region_1, phone_region_2) VALUES (1, 'Company_ABC', NULL, '555-01111'), (2, 'Company_DEF', '555-01222', NULL), (3, 'Company_HIJ', '555-01333', '555-01444'), (4, 'Company_KLM', NULL, NULL)",
    ],
    sql: 'SELECT supplier_id, supplier_name, phone_region_1, phone_region_2, IFNULL(phone_region_1, phone_region_2) IF_REGION_1_NULL, IFNULL(phone_region_2, phone_region_1) IF_REGION_2_NULL FROM suppliers ORDER BY supplier_id',
    rows: [
      [1, 'Company_ABC', null, '555-01111', '555-01111', '555-01111'],
      [2, 'Company_DEF', '555-01222', null, '555-01222', '555-01222'],
      [3, 'Company_HIJ', '555-01333', '555-01444', '555-01333', '555-01444'],
      [4, 'Company_KLM', null, null, null, null],
    ],
  },
  { source: 'functions/zeroifnull', sql: 'SELECT ZEROIFNULL(NULL), ZEROIFNULL(1.5)', rows: [[0, 1.5]] },
  { source: 'functions/nullifzero', sql: 'SELECT NULLIFZERO(0), NULLIFZERO(52)', rows: [[null, 52]] },
  { source: 'functions/equal_null', sql: 'SELECT EQUAL_NULL(NULL, NULL), EQUAL_NULL(1, NULL), EQUAL_NULL(1, 1)', rows: [[true, false, true]] },
];
