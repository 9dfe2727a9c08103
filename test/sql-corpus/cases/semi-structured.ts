/**
 * Semi-structured data: VARIANT, OBJECT and ARRAY, their functions, paths and FLATTEN, from
 * the examples of Snowflake's function reference and "Querying semi-structured data".
 *
 * A VARIANT cell is compared by its JSON value (a VARIANT string is written as the string).
 * Snowflake prints an ARRAY's SQL NULL element as `undefined`, which no JSON can say; the local
 * warehouse prints it as null (docs/local-warehouse.md), so the rows below write null where the
 * page shows undefined.
 */
import type { Category } from '../corpus-case';

const vartab = [
  'CREATE OR REPLACE TABLE vartab (n NUMBER(2), v VARIANT)',
  `INSERT INTO vartab
  SELECT column1 AS n, PARSE_JSON(column2) AS v
    FROM VALUES (1, 'null'), (2, null), (3, 'true'), (4, '-17'), (5, '123.12'), (6, '1.912e2'),
                (7, '"Om ara pa ca na dhih"  '), (8, '[-1, 12, 289, 2188, false,]'), (9, '{ "x" : "abc", "y" : false, "z": 10} ')
       AS vals`,
];
const vartabRow = {
  array: [-1, 12, 289, 2188, false, null],
  object: { x: 'abc', y: false, z: 10 },
};

const carSales = [
  `CREATE OR REPLACE TABLE car_sales (src variant)
AS
SELECT PARSE_JSON(column1) AS src
FROM VALUES
('{
    "date" : "2017-04-28",
    "dealership" : "Valley View Auto Sales",
    "salesperson" : {
      "id": "55",
      "name": "Frank Beasley"
    },
    "customer" : [
      {"name": "Joyce Ridgely", "phone": "16504378889", "address": "San Francisco, CA"}
    ],
    "vehicle" : [
      {"make": "Honda", "model": "Civic", "year": "2017", "price": "20275", "extras":["ext warranty", "paint protection"]}
    ]
}'),
('{
    "date" : "2017-04-28",
    "dealership" : "Tindel Toyota",
    "salesperson" : {
      "id": "274",
      "name": "Greg Northrup"
    },
    "customer" : [
      {"name": "Bradley Greenbloom", "phone": "12127593751", "address": "New York, NY"}
    ],
    "vehicle" : [
      {"make": "Toyota", "model": "Camry", "year": "2017", "price": "23500", "extras":["ext warranty", "rust proofing", "fabric protection"]}
    ]
}') v`,
];
const camry = { extras: ['ext warranty', 'rust proofing', 'fabric protection'], make: 'Toyota', model: 'Camry', price: '23500', year: '2017' };
const civic = { extras: ['ext warranty', 'paint protection'], make: 'Honda', model: 'Civic', price: '20275', year: '2017' };

const demoTable1 = [
  'CREATE OR REPLACE TABLE demo_table_1 (province VARCHAR, created_date DATE)',
  "INSERT INTO demo_table_1 (province, created_date) VALUES ('Manitoba', '2024-01-18'::DATE), ('Alberta', '2024-01-19'::DATE)",
];

const orders = [
  'CREATE TABLE orders (o_orderkey INTEGER, o_clerk VARCHAR, o_totalprice NUMBER(12, 2), o_orderstatus CHAR(1))',
  `INSERT INTO orders (o_orderkey, o_orderstatus, o_clerk, o_totalprice)
  VALUES
    ( 32123, 'O', 'Clerk#000000321',     321.23),
    ( 41445, 'F', 'Clerk#000000386', 1041445.00),
    ( 55937, 'O', 'Clerk#000000114', 1055937.00),
    ( 67781, 'F', 'Clerk#000000521', 1067781.00),
    ( 80550, 'O', 'Clerk#000000411', 1080550.00),
    ( 95808, 'F', 'Clerk#000000136', 1095808.00),
    (101700, 'O', 'Clerk#000000220', 1101700.00),
    (103136, 'F', 'Clerk#000000508', 1103136.00)`,
];

const objectAggExample = [
  'CREATE OR REPLACE TABLE objectagg_example(g NUMBER, k VARCHAR(30), v VARIANT)',
  "INSERT INTO objectagg_example SELECT 0, 'name', 'Joe'::VARIANT",
  "INSERT INTO objectagg_example SELECT 0, 'age', 21::VARIANT",
  "INSERT INTO objectagg_example SELECT 1, 'name', 'Sue'::VARIANT",
  "INSERT INTO objectagg_example SELECT 1, 'zip', 94401::VARIANT",
];

const getExample = [
  'CREATE TABLE vartab (a ARRAY, o OBJECT, v VARIANT)',
  `INSERT INTO vartab (a, o, v)
  SELECT
    ARRAY_CONSTRUCT(2.71, 3.14),
    OBJECT_CONSTRUCT('Ukraine', 'Kyiv'::VARIANT,
                     'France',  'Paris'::VARIANT),
    TO_VARIANT(OBJECT_CONSTRUCT('weatherStationID', 42::VARIANT,
                     'timestamp', '2022-03-07 14:00'::TIMESTAMP_LTZ::VARIANT,
                     'temperature', 31.5::VARIANT,
                     'sensorType', 'indoor'::VARIANT))`,
];

const getPathDemo = [
  'CREATE OR REPLACE TABLE get_path_demo(id INTEGER, v VARIANT)',
  `INSERT INTO get_path_demo (id, v)
  SELECT 1,
         PARSE_JSON('{
           "array1" : [
             {"id1": "value_a1", "id2": "value_a2", "id3": "value_a3"}
           ],
           "array2" : [
             {"id1": "value_b1", "id2": "value_b2", "id3": "value_b3"}
           ],
           "object_outer_key1" : {
             "object_inner_key1a": "object_x1",
             "object_inner_key1b": "object_x2"
           }
         }')`,
  `INSERT INTO get_path_demo (id, v)
  SELECT 2,
         PARSE_JSON('{
           "array1" : [
             {"id1": "value_c1", "id2": "value_c2", "id3": "value_c3"}
           ],
           "array2" : [
             {"id1": "value_d1", "id2": "value_d2", "id3": "value_d3"}
           ],
           "object_outer_key1" : {
             "object_inner_key1a": "object_y1",
             "object_inner_key1b": "object_y2"
           }
         }')`,
];

const colors = (second: string) => [
  'CREATE OR replace TABLE colors (v variant)',
  `INSERT INTO
   colors
   SELECT
      parse_json(column1) AS v
   FROM
   VALUES
     ('[{r:255,g:12,b:0},{r:0,g:255,b:0},{r:0,g:0,b:255}]'),
     ('${second}')
    v`,
];

const persons = [
  `CREATE OR REPLACE TABLE persons AS
  SELECT column1 AS id, PARSE_JSON(column2) as c
    FROM values
      (12712555,
       '{ name:  { first: "John", last: "Smith"},
         contact: [
         { business:[
           { type: "phone", content:"555-1234" },
           { type: "email", content:"j.smith@example.com" } ] } ] }'),
      (98127771,
       '{ name:  { first: "Jane", last: "Doe"},
         contact: [
         { business:[
           { type: "phone", content:"555-1236" },
           { type: "email", content:"j.doe@example.com" } ] } ] }') v`,
];
const contact = (phone: string, email: string) => ({
  business: [
    { content: phone, type: 'phone' },
    { content: email, type: 'email' },
  ],
});

const flattenInput = `PARSE_JSON('{"a":1, "b":[77,88], "c": {"d":"X"}}')`;
const flattenThis = { a: 1, b: [77, 88], c: { d: 'X' } };

const arrayDemo = [
  'CREATE OR REPLACE TABLE array_demo (ID INTEGER, array1 ARRAY, array2 ARRAY, tip VARCHAR)',
  "INSERT INTO array_demo (ID, array1, array2, tip) SELECT 1, ARRAY_CONSTRUCT(1, 2), ARRAY_CONSTRUCT(3, 4), 'non-overlapping'",
  "INSERT INTO array_demo (ID, array1, array2, tip) SELECT 2, ARRAY_CONSTRUCT(1, 2, 3), ARRAY_CONSTRUCT(3, 4, 5), 'value 3 overlaps'",
  "INSERT INTO array_demo (ID, array1, array2, tip) SELECT 3, ARRAY_CONSTRUCT(1, 2, 3, 4), ARRAY_CONSTRUCT(3, 4, 5), 'values 3 and 4 overlap'",
  "INSERT INTO array_demo (ID, array1, array2, tip) SELECT 4, ARRAY_CONSTRUCT(NULL, 102, NULL), ARRAY_CONSTRUCT(NULL, NULL, 103), 'NULLs overlap'",
  `INSERT INTO array_demo (ID, array1, array2, tip)
    SELECT 5, array_construct(object_construct('a',1,'b',2), 1, 2),
              array_construct(object_construct('a',1,'b',2), 3, 4),
              'the objects in the array match'`,
  `INSERT INTO array_demo (ID, array1, array2, tip)
    SELECT 6, array_construct(object_construct('a',1,'b',2), 1, 2),
              array_construct(object_construct('b',2,'c',3), 3, 4),
              'neither the objects nor any other values match'`,
  `INSERT INTO array_demo (ID, array1, array2, tip)
    SELECT 7, array_construct(object_construct('a',1, 'b',2, 'c',3)),
              array_construct(object_construct('c',3, 'b',2, 'a',1)),
              'the objects contain the same values, but in different order'`,
];

const objectInsertExamples = [
  'CREATE OR REPLACE TABLE object_insert_examples (object_column OBJECT)',
  "INSERT INTO object_insert_examples (object_column) SELECT OBJECT_CONSTRUCT('a', 'value1', 'b', 'value2')",
  "UPDATE object_insert_examples SET object_column = OBJECT_INSERT(object_column, 'c', 'value3')",
];

const sampleNestedObject = [
  'CREATE OR REPLACE TABLE sample_nested_object (id INTEGER, nested_object OBJECT)',
  `INSERT INTO sample_nested_object (id, nested_object)
  SELECT 1,
         OBJECT_CONSTRUCT(
           'outer_key1', OBJECT_CONSTRUCT('inner_key1A', 'example1', 'inner_key1B', 'example2'),
           'outer_key2', OBJECT_CONSTRUCT('inner_key2', 5)
         )`,
  `INSERT INTO sample_nested_object (id, nested_object)
  SELECT 2,
         OBJECT_CONSTRUCT(
           'outer_key1', OBJECT_CONSTRUCT('inner_key1A', 'example3', 'inner_key1B', 'example4'),
           'outer_key2', OBJECT_CONSTRUCT('inner_key2', 7)
         )`,
];
const nested = (a: string, b: string, n: number) => ({ outer_key1: { inner_key1A: a, inner_key1B: b }, outer_key2: { inner_key2: n } });

const objectDeleteExample = [
  'CREATE OR REPLACE TABLE object_delete_example (id INTEGER, ov OBJECT)',
  `INSERT INTO object_delete_example (id, ov)
  SELECT
    1,
    {
      'employee_id': 1001,
      'employee_date_of_birth': '12-10-2003',
      'employee_contact':
        {
          'city': 'San Mateo',
          'state': 'CA',
          'phone': '800-555-0100'
        }
    }`,
  `INSERT INTO object_delete_example (id, ov)
  SELECT
    2,
    {
      'employee_id': 1002,
      'employee_date_of_birth': '01-01-1990',
      'employee_contact':
        {
          'city': 'Seattle',
          'state': 'WA',
          'phone': '800-555-0101'
        }
    }`,
];

const sampleJsonTable = [
  'CREATE TABLE sample_json_table (ID INTEGER, varchar1 VARCHAR, variant1 VARIANT)',
  `INSERT INTO sample_json_table (ID, varchar1) VALUES
    (1, '{"ValidKey1": "ValidValue1"}'),
    (2, '{"Malformed -- Missing value": }'),
    (3, NULL)`,
  'UPDATE sample_json_table SET variant1 = varchar1::VARIANT',
];

const jsonDemo1 = [
  'CREATE TABLE demo1 (id INTEGER, json_data VARCHAR)',
  `INSERT INTO demo1 SELECT 1, '{"level_1_key": "level_1_value"}'`,
  `INSERT INTO demo1 SELECT 2, '{"level_1_key": {"level_2_key": "level_2_value"}}'`,
  `INSERT INTO demo1 SELECT 3, '{"level_1_key": {"level_2_key": ["zero", "one", "two"]}}'`,
];

const multipleTypes = [
  `CREATE OR REPLACE TABLE multiple_types (
  array1 VARIANT, array2 VARIANT, boolean1 VARIANT, varchar1 VARIANT, varchar2 VARIANT,
  decimal1 VARIANT, double1 VARIANT, integer1 VARIANT, object1 VARIANT)`,
  `INSERT INTO multiple_types
    (array1, array2, boolean1, varchar1, varchar2,
     decimal1, double1, integer1, object1)
  SELECT
    TO_VARIANT(TO_ARRAY('Example')),
    TO_VARIANT(ARRAY_CONSTRUCT('Array-like', 'example')),
    TO_VARIANT(TRUE),
    TO_VARIANT('X'),
    TO_VARIANT('I am a real character'),
    TO_VARIANT(1.23::DECIMAL(6, 3)),
    TO_VARIANT(3.21::DOUBLE),
    TO_VARIANT(15),
    TO_VARIANT(TO_OBJECT(PARSE_JSON('{"Tree": "Pine"}')))`,
];

const arraySortInput = "[20, PARSE_JSON('null'), 0, NULL, 10]";

export const semiStructured: Category = [
  // PARSE_JSON and TYPEOF
  {
    source: 'functions/parse_json',
    setup: vartab,
    sql: 'SELECT n, v, TYPEOF(v) FROM vartab ORDER BY n',
    rows: [
      [1, null, 'NULL_VALUE'],
      [2, null, null],
      [3, true, 'BOOLEAN'],
      [4, -17, 'INTEGER'],
      [5, 123.12, 'DECIMAL'],
      [6, 191.2, 'DOUBLE'],
      [7, 'Om ara pa ca na dhih', 'VARCHAR'],
      [8, vartabRow.array, 'ARRAY'],
      [9, vartabRow.object, 'OBJECT'],
    ],
    types: ['fixed', 'variant', 'text'],
  },
  {
    source: 'functions/parse_json',
    setup: vartab,
    sql: `INSERT INTO vartab SELECT column1 AS n, PARSE_JSON(column2) AS v FROM VALUES (10, '{ "a" : "123", "b" : "456", "a": "789"} ') AS vals`,
    error: { code: '100069', message: 'Error parsing JSON: duplicate object attribute "a", pos 31' },
  },
  {
    source: 'functions/parse_json',
    setup: [
      ...vartab,
      `INSERT INTO vartab SELECT column1 AS n, PARSE_JSON(column2, 'd') AS v FROM VALUES (10, '{ "a" : "123", "b" : "456", "a": "789"} ') AS vals`,
    ],
    sql: 'SELECT v FROM vartab WHERE n = 10',
    rows: [[{ a: '789', b: '456' }]],
  },
  {
    source: 'functions/parse_json',
    sql: "SELECT TO_JSON(NULL), TO_JSON('null'::VARIANT), PARSE_JSON(NULL), PARSE_JSON('null')",
    rows: [[null, '"null"', null, null]],
    types: ['text', 'text', 'variant', 'variant'],
  },
  {
    source: 'functions/parse_json',
    setup: [
      'CREATE OR REPLACE TABLE jdemo2 (varchar1 VARCHAR, variant1 VARIANT)',
      `INSERT INTO jdemo2 (varchar1) VALUES ('{"PI":3.14}')`,
      'UPDATE jdemo2 SET variant1 = PARSE_JSON(varchar1)',
    ],
    sql: `SELECT varchar1, PARSE_JSON(varchar1), variant1, TO_JSON(variant1), PARSE_JSON(varchar1) = variant1, TO_JSON(variant1) = varchar1 FROM jdemo2`,
    rows: [['{"PI":3.14}', { PI: 3.14 }, { PI: 3.14 }, '{"PI":3.14}', true, true]],
  },
  {
    source: 'functions/parse_json',
    sql: `SELECT TO_JSON(PARSE_JSON('{"b":1,"a":2}')), TO_JSON(PARSE_JSON('{"b":1,"a":2}')) = '{"b":1,"a":2}', TO_JSON(PARSE_JSON('{"b":1,"a":2}')) = '{"a":2,"b":1}'`,
    rows: [['{"a":2,"b":1}', false, true]],
  },
  {
    source: 'functions/parse_json',
    setup: [
      'CREATE OR REPLACE TABLE jdemo3 (variant1 VARIANT, variant2 VARIANT)',
      `INSERT INTO jdemo3 (variant1, variant2) SELECT PARSE_JSON('{"PI":3.14}'), TO_VARIANT('{"PI":3.14}')`,
    ],
    sql: 'SELECT variant1, TYPEOF(variant1), variant2, TYPEOF(variant2), variant1 = variant2 FROM jdemo3',
    rows: [[{ PI: 3.14 }, 'OBJECT', '{"PI":3.14}', 'VARCHAR', false]],
  },
  // An empty or blank string is NULL rather than an error (usage notes).
  { source: 'functions/parse_json', sql: "SELECT PARSE_JSON(''), PARSE_JSON('   '), PARSE_JSON(' 42 ')", rows: [[null, null, 42]] },
  { source: 'functions/parse_json', sql: `SELECT PARSE_JSON('{"a": 1')`, error: { code: '100069', message: 'Error parsing JSON: incomplete object value' } },
  {
    source: 'functions/try_parse_json',
    setup: [
      'CREATE OR REPLACE TEMPORARY TABLE vartab_try (ID INTEGER, v VARCHAR)',
      `INSERT INTO vartab_try (id, v) VALUES
  (1, '[-1, 12, 289, 2188, FALSE,]'),
  (2, '{ "x" : "abc", "y" : FALSE, "z": 10} '),
  (3, '{ "bad" : "json", "missing" : TRUE, "close_brace": 10 ')`,
    ],
    sql: 'SELECT ID, TRY_PARSE_JSON(v) FROM vartab_try ORDER BY ID',
    rows: [
      [1, vartabRow.array],
      [2, vartabRow.object],
      [3, null],
    ],
  },
  { source: 'functions/try_parse_json', sql: "SELECT TRY_PARSE_JSON('{\"a\": 1}'), TRY_PARSE_JSON('{a')", rows: [[{ a: 1 }, null]] },
  {
    source: 'functions/check_json',
    setup: sampleJsonTable,
    sql: 'SELECT ID, CHECK_JSON(varchar1), varchar1 FROM sample_json_table ORDER BY ID',
    rows: [
      [1, null, '{"ValidKey1": "ValidValue1"}'],
      [2, 'misplaced }, pos 32', '{"Malformed -- Missing value": }'],
      [3, null, null],
    ],
  },
  {
    source: 'functions/check_json',
    setup: sampleJsonTable,
    sql: 'SELECT ID, CHECK_JSON(variant1), variant1 FROM sample_json_table ORDER BY ID',
    rows: [
      [1, null, '{"ValidKey1": "ValidValue1"}'],
      [2, 'misplaced }, pos 32', '{"Malformed -- Missing value": }'],
      [3, null, null],
    ],
  },

  // Type predicates (IS_*)
  { source: 'functions/is', setup: vartab, sql: 'SELECT COUNT(*) FROM vartab WHERE IS_VARCHAR(v)', rows: [[1]] },
  { source: 'functions/is', setup: vartab, sql: 'SELECT * FROM vartab WHERE IS_NULL_VALUE(v)', rows: [[1, null]] },
  { source: 'functions/is', setup: vartab, sql: 'SELECT * FROM vartab WHERE IS_BOOLEAN(v)', rows: [[3, true]] },
  { source: 'functions/is', setup: vartab, sql: 'SELECT * FROM vartab WHERE IS_INTEGER(v)', rows: [[4, -17]] },
  { source: 'functions/is', setup: vartab, sql: 'SELECT * FROM vartab WHERE IS_DECIMAL(v) ORDER BY n', rows: [[4, -17], [5, 123.12]] },
  { source: 'functions/is', setup: vartab, sql: 'SELECT * FROM vartab WHERE IS_DOUBLE(v) ORDER BY n', rows: [[4, -17], [5, 123.12], [6, 191.2]] },
  { source: 'functions/is', setup: vartab, sql: 'SELECT * FROM vartab WHERE IS_ARRAY(v)', rows: [[8, vartabRow.array]] },
  { source: 'functions/is', setup: vartab, sql: 'SELECT * FROM vartab WHERE IS_OBJECT(v)', rows: [[9, vartabRow.object]] },
  {
    source: 'functions/is_array',
    setup: multipleTypes,
    sql: `SELECT TYPEOF(array1), TYPEOF(array2), TYPEOF(boolean1), TYPEOF(varchar1), TYPEOF(varchar2),
       TYPEOF(decimal1), TYPEOF(double1), TYPEOF(integer1), TYPEOF(object1) FROM multiple_types`,
    rows: [['ARRAY', 'ARRAY', 'BOOLEAN', 'VARCHAR', 'VARCHAR', 'DECIMAL', 'DOUBLE', 'INTEGER', 'OBJECT']],
  },
  { source: 'functions/is_array', setup: multipleTypes, sql: 'SELECT IS_ARRAY(array1), IS_ARRAY(array2), IS_ARRAY(boolean1) FROM multiple_types', rows: [[true, true, false]] },
  {
    source: 'functions/typeof',
    setup: ['CREATE OR REPLACE TABLE typeof_cast(status VARCHAR, time TIMESTAMP)', "INSERT INTO typeof_cast VALUES('check in', '2024-01-17 19:00:00.000 -0800')"],
    sql: 'SELECT status, TYPEOF(status::VARIANT) AS "TYPE OF STATUS", time, TYPEOF(time::VARIANT) AS "TYPE OF TIME" FROM typeof_cast',
    rows: [['check in', 'VARCHAR', '2024-01-17 19:00:00.000', 'TIMESTAMP_NTZ']],
    knownGap: 'a VARIANT holds a date or timestamp as its text: TYPEOF says VARCHAR',
  },

  // AS_* casts
  {
    source: 'functions/as_char-varchar',
    setup: ['CREATE OR REPLACE TABLE as_varchar_example (varchar1 VARIANT)', "INSERT INTO as_varchar_example (varchar1) SELECT TO_VARIANT('My VARCHAR value')"],
    sql: 'SELECT AS_VARCHAR(varchar1) varchar_value FROM as_varchar_example',
    rows: [['My VARCHAR value']],
    types: ['text'],
  },
  {
    source: 'functions/as_integer',
    setup: ['CREATE OR REPLACE TABLE as_integer_example (integer1 VARIANT)', 'INSERT INTO as_integer_example (integer1) SELECT TO_VARIANT(15)'],
    sql: 'SELECT AS_INTEGER(integer1) AS integer_value FROM as_integer_example',
    rows: [[15]],
    types: ['fixed'],
  },
  {
    source: 'functions/as_double-real',
    setup: ['CREATE OR REPLACE TABLE as_double_example (double1 VARIANT)', 'INSERT INTO as_double_example (double1) SELECT TO_VARIANT(TO_DOUBLE(1.23))'],
    sql: 'SELECT AS_DOUBLE(double1) double_value FROM as_double_example',
    rows: [[1.23]],
    types: ['real'],
  },
  {
    source: 'functions/as_object',
    setup: ['CREATE OR REPLACE TABLE as_object_example (object1 VARIANT)', `INSERT INTO as_object_example (object1) SELECT TO_VARIANT(TO_OBJECT(PARSE_JSON('{"Tree": "Pine"}')))`],
    sql: 'SELECT AS_OBJECT(object1) AS object_value FROM as_object_example',
    rows: [[{ Tree: 'Pine' }]],
    types: ['object'],
  },
  // A value of another type gives NULL (functions/as).
  {
    source: 'functions/as',
    sql: `SELECT AS_INTEGER(PARSE_JSON('"15"')), AS_VARCHAR(PARSE_JSON('15')), AS_BOOLEAN(PARSE_JSON('true')), AS_ARRAY(PARSE_JSON('[1]')), AS_ARRAY(PARSE_JSON('{}'))`,
    rows: [[null, null, true, [1], null]],
    types: ['fixed', 'text', 'boolean', 'array', 'array'],
  },

  // OBJECT_CONSTRUCT and OBJECT constants
  {
    source: 'functions/object_construct',
    sql: "SELECT OBJECT_CONSTRUCT('a', 1, 'b', 'BBBB', 'c', NULL)",
    rows: [[{ a: 1, b: 'BBBB' }]],
    types: ['object'],
  },
  {
    source: 'functions/object_construct',
    setup: demoTable1,
    sql: "SELECT OBJECT_CONSTRUCT(*) AS oc FROM demo_table_1 ORDER BY oc['PROVINCE']",
    rows: [[{ CREATED_DATE: '2024-01-19', PROVINCE: 'Alberta' }], [{ CREATED_DATE: '2024-01-18', PROVINCE: 'Manitoba' }]],
  },
  {
    source: 'functions/object_construct',
    setup: demoTable1,
    sql: "SELECT OBJECT_CONSTRUCT(* ILIKE 'prov%') AS oc FROM demo_table_1 ORDER BY oc['PROVINCE']",
    rows: [[{ PROVINCE: 'Alberta' }], [{ PROVINCE: 'Manitoba' }]],
  },
  {
    source: 'functions/object_construct',
    setup: demoTable1,
    sql: 'SELECT OBJECT_CONSTRUCT(* EXCLUDE province) AS oc FROM demo_table_1',
    rows: [[{ CREATED_DATE: '2024-01-18' }], [{ CREATED_DATE: '2024-01-19' }]],
    unordered: true,
  },
  {
    source: 'functions/object_construct',
    setup: demoTable1,
    sql: 'SELECT {* EXCLUDE province} AS oc FROM demo_table_1',
    rows: [[{ CREATED_DATE: '2024-01-18' }], [{ CREATED_DATE: '2024-01-19' }]],
    unordered: true,
    types: ['object'],
  },
  {
    source: 'functions/object_construct',
    sql: "SELECT OBJECT_CONSTRUCT(*) FROM VALUES(1,'x'), (2,'y')",
    rows: [[{ COLUMN1: 1, COLUMN2: 'x' }], [{ COLUMN1: 2, COLUMN2: 'y' }]],
    unordered: true,
  },
  {
    source: 'functions/object_construct',
    sql: "SELECT OBJECT_CONSTRUCT('Key_One', PARSE_JSON('NULL'), 'Key_Two', NULL, 'Key_Three', 'null') AS obj",
    rows: [[{ Key_One: null, Key_Three: 'null' }]],
  },
  {
    source: 'functions/object_construct',
    setup: sampleNestedObject,
    sql: 'SELECT * FROM sample_nested_object ORDER BY id',
    rows: [
      [1, nested('example1', 'example2', 5)],
      [2, nested('example3', 'example4', 7)],
    ],
    types: ['fixed', 'object'],
  },
  {
    source: 'functions/object_construct_keep_null',
    sql: `SELECT OBJECT_CONSTRUCT('key_1', 'one', 'key_2', NULL) AS WITHOUT_KEEP_NULL,
       OBJECT_CONSTRUCT_KEEP_NULL('key_1', 'one', 'key_2', NULL) AS KEEP_NULL_1,
       OBJECT_CONSTRUCT_KEEP_NULL('key_1', 'one', NULL, 'two') AS KEEP_NULL_2`,
    rows: [[{ key_1: 'one' }, { key_1: 'one', key_2: null }, { key_1: 'one' }]],
    columns: ['WITHOUT_KEEP_NULL', 'KEEP_NULL_1', 'KEEP_NULL_2'],
  },
  {
    source: 'functions/object_construct_keep_null',
    setup: [
      'CREATE TABLE demo_table_1_with_nulls (province VARCHAR, created_date DATE)',
      `INSERT INTO demo_table_1_with_nulls (province, created_date) VALUES
  ('Manitoba', '2024-01-18'::DATE), ('British Columbia', NULL), ('Alberta', '2024-01-19'::DATE), (NULL, '2024-01-20'::DATE)`,
    ],
    sql: "SELECT OBJECT_CONSTRUCT(*) AS oc, OBJECT_CONSTRUCT_KEEP_NULL(*) AS oc_keep_null FROM demo_table_1_with_nulls ORDER BY oc_keep_null['PROVINCE']",
    rows: [
      [{ CREATED_DATE: '2024-01-19', PROVINCE: 'Alberta' }, { CREATED_DATE: '2024-01-19', PROVINCE: 'Alberta' }],
      [{ PROVINCE: 'British Columbia' }, { CREATED_DATE: null, PROVINCE: 'British Columbia' }],
      [{ CREATED_DATE: '2024-01-18', PROVINCE: 'Manitoba' }, { CREATED_DATE: '2024-01-18', PROVINCE: 'Manitoba' }],
      [{ CREATED_DATE: '2024-01-20' }, { CREATED_DATE: '2024-01-20', PROVINCE: null }],
    ],
  },
  {
    source: 'functions/object_construct',
    setup: demoTable1,
    sql: `SELECT OBJECT_CONSTRUCT(
    'foo', 1234567,
    'dataset_size', (SELECT COUNT(*) FROM demo_table_1),
    'distinct_province', (SELECT COUNT(DISTINCT province) FROM demo_table_1),
    'created_date_seconds', EXTRACT(epoch_seconds, created_date)
  )  AS json_object
  FROM demo_table_1`,
    rows: [
      [{ created_date_seconds: 1705536000, dataset_size: 2, distinct_province: 2, foo: 1234567 }],
      [{ created_date_seconds: 1705622400, dataset_size: 2, distinct_province: 2, foo: 1234567 }],
    ],
    unordered: true,
  },
  {
    source: 'data-types-semistructured',
    sql: "SELECT {'a': 1, 'b': [1, 'two', NULL]}, [1, 'a', {'k': 'v'}]",
    rows: [[{ a: 1, b: [1, 'two', null] }, [1, 'a', { k: 'v' }]]],
    types: ['object', 'array'],
  },

  // ARRAY_CONSTRUCT
  { source: 'functions/array_construct', sql: 'SELECT ARRAY_CONSTRUCT(10, 20, 30)', rows: [[[10, 20, 30]]], types: ['array'] },
  {
    source: 'functions/array_construct',
    sql: "SELECT ARRAY_CONSTRUCT(NULL, PARSE_JSON('null'), 'hello', 3::DOUBLE, 4, 5)",
    rows: [[[null, null, 'hello', 3, 4, 5]]],
    types: ['array'],
  },
  { source: 'functions/array_construct', sql: 'SELECT ARRAY_CONSTRUCT()', rows: [[[]]] },
  {
    source: 'functions/array_construct',
    setup: [
      'CREATE OR REPLACE TABLE construct_array_example (id INT, array_column ARRAY)',
      'INSERT INTO construct_array_example (id, array_column) SELECT 1, ARRAY_CONSTRUCT(1, 2, 3)',
      'INSERT INTO construct_array_example (id, array_column) SELECT 2, ARRAY_CONSTRUCT(4, 5, 6)',
      'INSERT INTO construct_array_example (id, array_column) SELECT 3, ARRAY_CONSTRUCT(7, 8, 9)',
    ],
    sql: 'SELECT * FROM construct_array_example ORDER BY id',
    rows: [
      [1, [1, 2, 3]],
      [2, [4, 5, 6]],
      [3, [7, 8, 9]],
    ],
    types: ['fixed', 'array'],
  },
  {
    source: 'functions/array_construct_compact',
    sql: "SELECT ARRAY_CONSTRUCT_COMPACT(null,'hello',3::double,4,5)",
    rows: [[['hello', 3, 4, 5]]],
    types: ['array'],
  },

  // ARRAY_AGG and OBJECT_AGG
  {
    source: 'functions/array_agg',
    setup: orders,
    sql: 'SELECT ARRAY_AGG(o_orderkey) WITHIN GROUP (ORDER BY o_orderkey ASC) FROM orders WHERE o_totalprice > 450000',
    rows: [[[41445, 55937, 67781, 80550, 95808, 101700, 103136]]],
    types: ['array'],
  },
  {
    source: 'functions/array_agg',
    setup: orders,
    sql: 'SELECT ARRAY_AGG(DISTINCT o_orderstatus) WITHIN GROUP (ORDER BY o_orderstatus ASC) FROM orders WHERE o_totalprice > 450000 ORDER BY o_orderstatus ASC',
    rows: [[['F', 'O']]],
    knownGap: 'an ORDER BY of a column that is not grouped, in an aggregate query without GROUP BY, is refused',
  },
  {
    source: 'functions/array_agg',
    setup: orders,
    sql: 'SELECT ARRAY_AGG(DISTINCT o_orderstatus) WITHIN GROUP (ORDER BY o_orderstatus ASC) FROM orders WHERE o_totalprice > 450000',
    rows: [[['F', 'O']]],
  },
  {
    source: 'functions/array_agg',
    setup: orders,
    sql: `SELECT o_orderstatus, ARRAYAGG(o_clerk) WITHIN GROUP (ORDER BY o_totalprice DESC)
  FROM orders WHERE o_totalprice > 450000 GROUP BY o_orderstatus ORDER BY o_orderstatus DESC`,
    rows: [
      ['O', ['Clerk#000000220', 'Clerk#000000411', 'Clerk#000000114']],
      ['F', ['Clerk#000000508', 'Clerk#000000136', 'Clerk#000000521', 'Clerk#000000386']],
    ],
  },
  // The page's window example orders each partition by its own key, so the order of its rows is
  // arbitrary; this variant orders them by FLATTEN's INDEX to check the documented frames.
  {
    source: 'functions/array_agg',
    setup: [
      `CREATE OR REPLACE TABLE array_data AS (
WITH data AS (
  SELECT 1 a, [1,3,2,4,7,8,10] b
  UNION ALL
  SELECT 2, [1,3,2,4,7,8,10]
  )
SELECT 'Ord'||a o_orderkey, 'c'||value o_clerk, index
  FROM data, TABLE(FLATTEN(b))
)`,
    ],
    sql: `SELECT o_orderkey, ARRAY_AGG(o_clerk) OVER(PARTITION BY o_orderkey ORDER BY index
      ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) AS result
  FROM array_data WHERE o_orderkey = 'Ord1' ORDER BY index`,
    rows: [
      ['Ord1', ['c1']],
      ['Ord1', ['c1', 'c3']],
      ['Ord1', ['c1', 'c3', 'c2']],
      ['Ord1', ['c1', 'c3', 'c2', 'c4']],
      ['Ord1', ['c3', 'c2', 'c4', 'c7']],
      ['Ord1', ['c2', 'c4', 'c7', 'c8']],
      ['Ord1', ['c4', 'c7', 'c8', 'c10']],
    ],
  },
  // NULLs are left out; no input rows make an empty array (usage notes).
  {
    source: 'functions/array_agg',
    sql: 'SELECT ARRAY_AGG(column1) WITHIN GROUP (ORDER BY column1) FROM VALUES (3), (NULL), (1)',
    rows: [[[1, 3]]],
  },
  { source: 'functions/array_agg', sql: 'SELECT ARRAY_AGG(column1) FROM VALUES (1) WHERE FALSE', rows: [[[]]], types: ['array'] },
  {
    source: 'functions/object_agg',
    setup: objectAggExample,
    sql: 'SELECT OBJECT_AGG(k, v) FROM objectagg_example GROUP BY g',
    rows: [[{ name: 'Sue', zip: 94401 }], [{ age: 21, name: 'Joe' }]],
    unordered: true,
    types: ['object'],
  },
  {
    source: 'functions/object_agg',
    setup: objectAggExample,
    sql: 'SELECT key, value FROM (SELECT object_agg(k, v) o FROM objectagg_example GROUP BY g), LATERAL FLATTEN(input => o)',
    rows: [
      ['name', 'Sue'],
      ['zip', 94401],
      ['age', 21],
      ['name', 'Joe'],
    ],
    unordered: true,
  },
  {
    source: 'functions/object_agg',
    setup: objectAggExample,
    sql: 'SELECT seq, key, value FROM (SELECT object_agg(k, v) o FROM objectagg_example GROUP BY g ORDER BY g DESC), LATERAL FLATTEN(input => o) ORDER BY seq, key',
    rows: [
      [1, 'name', 'Sue'],
      [1, 'zip', 94401],
      [2, 'age', 21],
      [2, 'name', 'Joe'],
    ],
    knownGap: 'SEQ numbers distinct inputs by their value, not 1, 2, … in input order',
  },

  // GET, GET_PATH, GET_IGNORE_CASE, ARRAY_SIZE
  {
    source: 'functions/get',
    setup: getExample,
    sql: 'SELECT a, o FROM vartab',
    rows: [[[2.71, 3.14], { France: 'Paris', Ukraine: 'Kyiv' }]],
    types: ['array', 'object'],
  },
  { source: 'functions/get', setup: getExample, sql: 'SELECT GET(a, 0) FROM vartab', rows: [[2.71]], types: ['variant'] },
  { source: 'functions/get', setup: getExample, sql: "SELECT GET(o, 'Ukraine') FROM vartab", rows: [['Kyiv']] },
  { source: 'functions/get', setup: getExample, sql: "SELECT GET(v, 'temperature') FROM vartab", rows: [[31.5]] },
  { source: 'functions/get', sql: "SELECT GET(PARSE_JSON('[1, 2]'), 5), GET(PARSE_JSON('[1, 2]'), 'a'), GET(PARSE_JSON('{\"a\": 1}'), 0), GET(NULL, 0)", rows: [[null, null, null, null]] },
  {
    source: 'functions/get_path',
    setup: getPathDemo,
    sql: "SELECT id, GET_PATH(v, 'array2[0].id3') AS id3_in_array2 FROM get_path_demo ORDER BY id",
    rows: [
      [1, 'value_b3'],
      [2, 'value_d3'],
    ],
    columns: ['ID', 'ID3_IN_ARRAY2'],
  },
  {
    source: 'functions/get_path',
    setup: getPathDemo,
    sql: 'SELECT id, v:array2[0].id3 AS id3_in_array2 FROM get_path_demo ORDER BY id',
    rows: [
      [1, 'value_b3'],
      [2, 'value_d3'],
    ],
  },
  {
    source: 'functions/get_path',
    setup: getPathDemo,
    sql: 'SELECT id, v:"array2"[0]."id3" AS id3_in_array2 FROM get_path_demo ORDER BY id',
    rows: [
      [1, 'value_b3'],
      [2, 'value_d3'],
    ],
  },
  {
    source: 'functions/get_path',
    setup: getPathDemo,
    sql: "SELECT id, GET_PATH(v, 'object_outer_key1:object_inner_key1a') AS object_inner_key1A_values FROM get_path_demo ORDER BY id",
    rows: [
      [1, 'object_x1'],
      [2, 'object_y1'],
    ],
  },
  {
    source: 'functions/get_path',
    setup: getPathDemo,
    sql: 'SELECT id, v:object_outer_key1.object_inner_key1a AS object_inner_key1a_values FROM get_path_demo ORDER BY id',
    rows: [
      [1, 'object_x1'],
      [2, 'object_y1'],
    ],
  },
  {
    source: 'functions/get_path',
    setup: getPathDemo,
    sql: 'SELECT id, v:"object_outer_key1":"object_inner_key1a" AS object_inner_key1a_values FROM get_path_demo ORDER BY id',
    rows: [
      [1, 'object_x1'],
      [2, 'object_y1'],
    ],
  },
  {
    source: 'functions/get_ignore_case',
    sql: `SELECT GET_IGNORE_CASE(TO_OBJECT(PARSE_JSON('{"aa":1, "aA":2, "Aa":3, "AA":4}')),'aA') as output`,
    rows: [[2]],
  },
  {
    source: 'functions/get_ignore_case',
    sql: `SELECT GET_IGNORE_CASE(TO_OBJECT(PARSE_JSON('{"aa":1, "aA":2, "Aa":3}')),'AA') as output`,
    rows: [[3]],
  },
  { source: 'functions/array_size', sql: 'SELECT ARRAY_SIZE(ARRAY_CONSTRUCT(1, 2, 3)) AS SIZE', rows: [[3]], types: ['fixed'] },
  {
    source: 'functions/array_size',
    setup: colors('[{r:255,g:128,b:0},{r:128,g:255,b:0},{r:0,g:255,b:128},{r:0,g:128,b:255},{r:128,g:0,b:255},{r:255,g:0,b:128}]'),
    sql: 'SELECT ARRAY_SIZE(v) from colors',
    rows: [[3], [6]],
    unordered: true,
  },
  {
    source: 'functions/array_size',
    setup: colors('[{r:255,g:128,b:0},{r:128,g:255,b:0},{r:0,g:255,b:128},{r:0,g:128,b:255},{r:128,g:0,b:255},{r:255,g:0,b:128}]'),
    sql: 'SELECT GET(v, ARRAY_SIZE(v)-1) FROM colors',
    rows: [[{ b: 255, g: 0, r: 0 }], [{ b: 128, g: 0, r: 255 }]],
    unordered: true,
  },
  { source: 'functions/array_size', sql: "SELECT ARRAY_SIZE(PARSE_JSON('{\"a\": 1}')), ARRAY_SIZE(NULL)", rows: [[null, null]] },

  // Querying semi-structured data: paths, casts, FLATTEN
  {
    source: 'user-guide/querying-semistructured',
    setup: carSales,
    sql: 'SELECT src:dealership FROM car_sales ORDER BY 1',
    rows: [['Tindel Toyota'], ['Valley View Auto Sales']],
    columns: ['SRC:DEALERSHIP'],
    types: ['variant'],
  },
  {
    source: 'user-guide/querying-semistructured',
    setup: carSales,
    sql: 'SELECT src:salesperson.name FROM car_sales ORDER BY 1',
    rows: [['Frank Beasley'], ['Greg Northrup']],
    columns: ['SRC:SALESPERSON.NAME'],
  },
  {
    source: 'user-guide/querying-semistructured',
    setup: carSales,
    sql: "SELECT src['salesperson']['name'] FROM car_sales ORDER BY 1",
    rows: [['Frank Beasley'], ['Greg Northrup']],
  },
  // Element names are case-sensitive; the column name is not.
  {
    source: 'user-guide/querying-semistructured',
    setup: carSales,
    sql: 'SELECT SRC:salesperson.name, SRC:Salesperson.Name FROM car_sales ORDER BY 1',
    rows: [
      ['Frank Beasley', null],
      ['Greg Northrup', null],
    ],
  },
  {
    source: 'user-guide/querying-semistructured',
    setup: carSales,
    sql: 'SELECT src:customer[0].name, src:vehicle[0] FROM car_sales ORDER BY 1',
    rows: [
      ['Bradley Greenbloom', camry],
      ['Joyce Ridgely', civic],
    ],
  },
  {
    source: 'user-guide/querying-semistructured',
    setup: carSales,
    sql: 'SELECT src:customer[0].name, src:vehicle[0].price FROM car_sales ORDER BY 1',
    rows: [
      ['Bradley Greenbloom', '23500'],
      ['Joyce Ridgely', '20275'],
    ],
  },
  {
    source: 'user-guide/querying-semistructured',
    setup: carSales,
    sql: 'SELECT src:vehicle[0].price::NUMBER * 0.10 AS tax FROM car_sales ORDER BY tax',
    rows: [[2027.5], [2350.0]],
    types: ['fixed'],
  },
  {
    source: 'user-guide/querying-semistructured',
    setup: carSales,
    sql: 'SELECT src:dealership, src:dealership::VARCHAR FROM car_sales ORDER BY 2',
    rows: [
      ['Tindel Toyota', 'Tindel Toyota'],
      ['Valley View Auto Sales', 'Valley View Auto Sales'],
    ],
    types: ['variant', 'text'],
  },
  {
    source: 'user-guide/querying-semistructured',
    setup: carSales,
    sql: `SELECT
  value:name::string as "Customer Name",
  value:address::string as "Address"
  FROM
    car_sales
  , LATERAL FLATTEN(INPUT => SRC:customer)`,
    rows: [
      ['Joyce Ridgely', 'San Francisco, CA'],
      ['Bradley Greenbloom', 'New York, NY'],
    ],
    unordered: true,
    columns: ['Customer Name', 'Address'],
  },
  {
    source: 'user-guide/querying-semistructured',
    setup: carSales,
    sql: `SELECT
  vm.value:make::string as make,
  vm.value:model::string as model,
  ve.value::string as "Extras Purchased"
  FROM
    car_sales
    , LATERAL FLATTEN(INPUT => SRC:vehicle) vm
    , LATERAL FLATTEN(INPUT => vm.value:extras) ve
  ORDER BY make, model, "Extras Purchased"`,
    rows: [
      ['Honda', 'Civic', 'ext warranty'],
      ['Honda', 'Civic', 'paint protection'],
      ['Toyota', 'Camry', 'ext warranty'],
      ['Toyota', 'Camry', 'fabric protection'],
      ['Toyota', 'Camry', 'rust proofing'],
    ],
  },
  {
    source: 'user-guide/querying-semistructured',
    setup: carSales,
    sql: "SELECT GET_PATH(src, 'vehicle[0]:make') FROM car_sales",
    rows: [['Honda'], ['Toyota']],
    unordered: true,
  },
  {
    source: 'user-guide/querying-semistructured',
    setup: carSales,
    sql: "SELECT src:dealership FROM car_sales WHERE src:dealership = 'Tindel Toyota' OR src:salesperson.id IN ('55')",
    rows: [['Tindel Toyota'], ['Valley View Auto Sales']],
    unordered: true,
  },
  {
    source: 'user-guide/querying-semistructured',
    setup: [
      'CREATE TABLE pets (v variant)',
      `INSERT INTO pets SELECT PARSE_JSON ('{"species":"dog", "name":"Fido", "is_dog":"true"} ')`,
      `INSERT INTO pets SELECT PARSE_JSON ('{"species":"cat", "name":"Bubby", "is_dog":"false"}')`,
      `INSERT INTO pets SELECT PARSE_JSON ('{"species":"cat", "name":"dog terror", "is_dog":"false"}')`,
    ],
    sql: "SELECT a.v, b.key, b.value FROM pets a,LATERAL FLATTEN(input => a.v) b WHERE b.value LIKE '%dog%'",
    rows: [
      [{ is_dog: 'true', name: 'Fido', species: 'dog' }, 'species', 'dog'],
      [{ is_dog: 'false', name: 'dog terror', species: 'cat' }, 'name', 'dog terror'],
    ],
    unordered: true,
  },
  {
    source: 'user-guide/querying-semistructured',
    setup: colors('[{c:0,m:1,y:1,k:0},{c:1,m:0,y:1,k:0},{c:1,m:1,y:0,k:0}]'),
    sql: 'SELECT *, GET(v, ARRAY_SIZE(v)-1) FROM colors',
    rows: [
      [
        [
          { b: 0, g: 12, r: 255 },
          { b: 0, g: 255, r: 0 },
          { b: 255, g: 0, r: 0 },
        ],
        { b: 255, g: 0, r: 0 },
      ],
      [
        [
          { c: 0, k: 0, m: 1, y: 1 },
          { c: 1, k: 0, m: 0, y: 1 },
          { c: 1, k: 0, m: 1, y: 0 },
        ],
        { c: 1, k: 0, m: 1, y: 0 },
      ],
    ],
    unordered: true,
  },
  {
    source: 'functions/strip_null_value',
    setup: [
      'CREATE OR REPLACE TABLE mytable (SRC Variant)',
      `INSERT INTO mytable
  SELECT PARSE_JSON(column1)
  FROM VALUES
  ('{
  "a": "1",
  "b": "2",
  "c": null
  }')
  , ('{
  "a": "1",
  "b": "2",
  "c": "3"
  }')`,
    ],
    sql: 'SELECT STRIP_NULL_VALUE(src:c), src:c IS NULL FROM mytable',
    rows: [
      [null, false],
      ['3', false],
    ],
    unordered: true,
  },

  // FLATTEN
  {
    source: 'functions/flatten',
    sql: "SELECT * FROM TABLE(FLATTEN(INPUT => PARSE_JSON('[1, ,77]'))) f",
    rows: [
      [1, null, '[0]', 0, 1, [1, null, 77]],
      [1, null, '[2]', 2, 77, [1, null, 77]],
    ],
    knownGap: 'an element left out of an array is JSON null, so FLATTEN returns a row for it',
  },
  {
    source: 'functions/flatten',
    sql: `SELECT * FROM TABLE(FLATTEN(INPUT => PARSE_JSON('{"a":1, "b":[77,88]}'), PATH => 'b')) f`,
    rows: [
      [1, null, 'b[0]', 0, 77, [77, 88]],
      [1, null, 'b[1]', 1, 88, [77, 88]],
    ],
    columns: ['SEQ', 'KEY', 'PATH', 'INDEX', 'VALUE', 'THIS'],
    types: ['fixed', 'text', 'text', 'fixed', 'variant', 'variant'],
  },
  { source: 'functions/flatten', sql: "SELECT * FROM TABLE(FLATTEN(INPUT => PARSE_JSON('[]'))) f", rows: [] },
  {
    source: 'functions/flatten',
    sql: "SELECT * FROM TABLE(FLATTEN(INPUT => PARSE_JSON('[]'), OUTER => TRUE)) f",
    rows: [[1, null, '', null, null, []]],
  },
  {
    source: 'functions/flatten',
    sql: `SELECT * FROM TABLE(FLATTEN(INPUT => ${flattenInput})) f`,
    rows: [
      [1, 'a', 'a', null, 1, flattenThis],
      [1, 'b', 'b', null, [77, 88], flattenThis],
      [1, 'c', 'c', null, { d: 'X' }, flattenThis],
    ],
  },
  {
    source: 'functions/flatten',
    sql: `SELECT * FROM TABLE(FLATTEN(INPUT => ${flattenInput},
                            RECURSIVE => TRUE )) f`,
    rows: [
      [1, 'a', 'a', null, 1, flattenThis],
      [1, 'b', 'b', null, [77, 88], flattenThis],
      [1, null, 'b[0]', 0, 77, [77, 88]],
      [1, null, 'b[1]', 1, 88, [77, 88]],
      [1, 'c', 'c', null, { d: 'X' }, flattenThis],
      [1, 'd', 'c.d', null, 'X', { d: 'X' }],
    ],
  },
  {
    source: 'functions/flatten',
    sql: `SELECT * FROM TABLE(FLATTEN(INPUT => ${flattenInput},
                            RECURSIVE => TRUE, MODE => 'OBJECT' )) f`,
    rows: [
      [1, 'a', 'a', null, 1, flattenThis],
      [1, 'b', 'b', null, [77, 88], flattenThis],
      [1, 'c', 'c', null, { d: 'X' }, flattenThis],
      [1, 'd', 'c.d', null, 'X', { d: 'X' }],
    ],
  },
  {
    source: 'functions/flatten',
    setup: persons,
    sql: `SELECT id as "ID",
    f.value AS "Contact",
    f1.value:type AS "Type",
    f1.value:content AS "Details"
  FROM persons p,
    LATERAL FLATTEN(INPUT => p.c, PATH => 'contact') f,
    LATERAL FLATTEN(INPUT => f.value:business) f1`,
    rows: [
      [12712555, contact('555-1234', 'j.smith@example.com'), 'phone', '555-1234'],
      [12712555, contact('555-1234', 'j.smith@example.com'), 'email', 'j.smith@example.com'],
      [98127771, contact('555-1236', 'j.doe@example.com'), 'phone', '555-1236'],
      [98127771, contact('555-1236', 'j.doe@example.com'), 'email', 'j.doe@example.com'],
    ],
    unordered: true,
    columns: ['ID', 'Contact', 'Type', 'Details'],
  },
  {
    source: 'functions/split',
    setup: ['CREATE TABLE split_test_names(first_name VARCHAR, children VARCHAR)', "INSERT INTO split_test_names values ('Mark', 'Marky,Mike,Maria'), ('John', 'Johnny,Jane')"],
    sql: "SELECT first_name, C.value::STRING AS childname, C.index FROM split_test_names, LATERAL FLATTEN(INPUT=>SPLIT(children, ',')) C ORDER BY first_name DESC, C.index",
    rows: [
      ['Mark', 'Marky', 0],
      ['Mark', 'Mike', 1],
      ['Mark', 'Maria', 2],
      ['John', 'Johnny', 0],
      ['John', 'Jane', 1],
    ],
  },
  { source: 'functions/split', sql: "SELECT SPLIT('127.0.0.1', '.')", rows: [[['127', '0', '0', '1']]], types: ['array'] },
  { source: 'functions/split', sql: "SELECT SPLIT('127.0.0.1', '.')[0]", rows: [['127']], types: ['variant'] },

  // Arrays
  { source: 'functions/array_contains', sql: "SELECT ARRAY_CONTAINS('hello'::VARIANT, ARRAY_CONSTRUCT('hello', 'hi'))", rows: [[true]], types: ['boolean'] },
  { source: 'functions/array_contains', sql: "SELECT ARRAY_CONTAINS('hello'::VARIANT, ARRAY_CONSTRUCT('hola', 'bonjour'))", rows: [[false]] },
  { source: 'functions/array_contains', sql: "SELECT ARRAY_CONTAINS(NULL, ARRAY_CONSTRUCT('hola', 'bonjour'))", rows: [[null]] },
  { source: 'functions/array_contains', sql: "SELECT ARRAY_CONTAINS(NULL, ARRAY_CONSTRUCT('hola', NULL))", rows: [[true]] },
  { source: 'functions/array_contains', sql: "SELECT ARRAY_CONTAINS(PARSE_JSON('null'), ARRAY_CONSTRUCT('hola', PARSE_JSON('null')))", rows: [[true]] },
  { source: 'functions/array_contains', sql: "SELECT ARRAY_CONTAINS(NULL, ARRAY_CONSTRUCT('hola', PARSE_JSON('null')))", rows: [[null]] },
  {
    source: 'functions/array_contains',
    setup: [
      'CREATE OR REPLACE TABLE array_example (id INT, array_column ARRAY)',
      'INSERT INTO array_example (id, array_column) SELECT 1, ARRAY_CONSTRUCT(1, 2, 3)',
      'INSERT INTO array_example (id, array_column) SELECT 2, ARRAY_CONSTRUCT(4, 5, 6)',
    ],
    sql: 'SELECT * FROM array_example WHERE ARRAY_CONTAINS(5, array_column)',
    rows: [[2, [4, 5, 6]]],
  },
  { source: 'functions/array_slice', sql: 'SELECT ARRAY_SLICE([0,1,2,3,4,5,6], 0, 2)', rows: [[[0, 1]]], types: ['array'] },
  { source: 'functions/array_slice', sql: 'SELECT ARRAY_SLICE([0,1,2,3,4,5,6], 3, ARRAY_SIZE([0,1,2,3,4,5,6])) AS slice_to_last_index', rows: [[[3, 4, 5, 6]]] },
  { source: 'functions/array_slice', sql: "SELECT ARRAY_SLICE(['foo','snow','flake','bar'], 1, 3)", rows: [[['snow', 'flake']]] },
  { source: 'functions/array_slice', sql: 'SELECT ARRAY_SLICE(NULL, 2, 3), ARRAY_SLICE([0,1,2,3,4,5,6], NULL, 2)', rows: [[null, null]] },
  { source: 'functions/array_slice', sql: 'SELECT ARRAY_SLICE([0,1,2,3,4,5,6], 0, -2)', rows: [[[0, 1, 2, 3, 4]]] },
  { source: 'functions/array_slice', sql: 'SELECT ARRAY_SLICE([0,1,2,3,4,5,6], -5, -3)', rows: [[[2, 3]]] },
  { source: 'functions/array_slice', sql: 'SELECT ARRAY_SLICE([0,1,2,3,4,5,6], 10, 12), ARRAY_SLICE([0,1,2,3,4,5,6], -10, -12)', rows: [[[], []]] },
  {
    source: 'functions/array_append',
    setup: [
      'CREATE OR REPLACE TABLE array_append_examples (array_column ARRAY)',
      'INSERT INTO array_append_examples (array_column) SELECT ARRAY_CONSTRUCT(1, 2, 3)',
      'UPDATE array_append_examples SET array_column = ARRAY_APPEND(array_column, 4)',
      "UPDATE array_append_examples SET array_column = ARRAY_APPEND(array_column, 'five')",
    ],
    sql: `SELECT array_column,
       ARRAY_CONSTRUCT(
        TYPEOF(array_column[0]),
        TYPEOF(array_column[1]),
        TYPEOF(array_column[2]),
        TYPEOF(array_column[3]),
        TYPEOF(array_column[4])) AS type
  FROM array_append_examples`,
    rows: [[[1, 2, 3, 4, 'five'], ['INTEGER', 'INTEGER', 'INTEGER', 'INTEGER', 'VARCHAR']]],
    types: ['array', 'array'],
  },
  { source: 'functions/array_prepend', sql: "SELECT ARRAY_PREPEND(ARRAY_CONSTRUCT(0,1,2,3),'hello')", rows: [[['hello', 0, 1, 2, 3]]] },
  {
    source: 'functions/array_cat',
    setup: ['CREATE TABLE array_demo (ID INTEGER, array1 ARRAY, array2 ARRAY)', 'INSERT INTO array_demo (ID, array1, array2) SELECT 1, ARRAY_CONSTRUCT(1, 2), ARRAY_CONSTRUCT(3, 4)'],
    sql: 'SELECT ARRAY_CAT(array1, array2) FROM array_demo',
    rows: [[[1, 2, 3, 4]]],
    types: ['array'],
  },
  {
    source: 'functions/to_array',
    setup: [
      'CREATE OR REPLACE TABLE array_demo_2 (ID INTEGER, array1 ARRAY, array2 ARRAY)',
      'INSERT INTO array_demo_2 (ID, array1, array2) SELECT 1, TO_ARRAY(1), TO_ARRAY(3)',
    ],
    sql: 'SELECT array1, array2, ARRAY_CAT(array1, array2) FROM array_demo_2',
    rows: [[[1], [3], [1, 3]]],
  },
  { source: 'functions/to_array', sql: "SELECT TO_ARRAY('snowman,snowball,snowcone') AS to_array_result", rows: [[['snowman,snowball,snowcone']]], types: ['array'] },
  { source: 'functions/to_array', sql: "SELECT TO_ARRAY(NULL), TO_ARRAY(PARSE_JSON('null')), TO_ARRAY(PARSE_JSON('[1, 2]'))", rows: [[null, null, [1, 2]]] },
  {
    source: 'functions/array_compact',
    setup: ['CREATE TABLE array_demo (ID INTEGER, array1 ARRAY, array2 ARRAY)', 'INSERT INTO array_demo (ID, array1, array2) SELECT 2, ARRAY_CONSTRUCT(10, NULL, 30), ARRAY_CONSTRUCT(40)'],
    sql: 'SELECT array1, ARRAY_COMPACT(array1) FROM array_demo WHERE ID = 2',
    rows: [[[10, null, 30], [10, 30]]],
  },
  { source: 'functions/array_distinct', sql: "SELECT ARRAY_DISTINCT(['A', 'A', 'B', NULL, NULL])", rows: [[['A', 'B', null]]], types: ['array'] },
  { source: 'functions/array_distinct', sql: 'SELECT ARRAY_DISTINCT(NULL)', rows: [[null]] },
  {
    source: 'functions/array_distinct',
    sql: "SELECT ARRAY_DISTINCT( [ {'a': 1, 'b': 2}, {'a': 1, 'b': 2}, {'a': 1, 'b': 3} ] )",
    rows: [
      [
        [
          { a: 1, b: 2 },
          { a: 1, b: 3 },
        ],
      ],
    ],
  },
  { source: 'functions/array_intersection', sql: "SELECT array_intersection(ARRAY_CONSTRUCT('A', 'B'), ARRAY_CONSTRUCT('B', 'C'))", rows: [[['B']]], types: ['array'] },
  { source: 'functions/array_intersection', sql: "SELECT array_intersection(ARRAY_CONSTRUCT('A', 'B', 'C'), ARRAY_CONSTRUCT('B', 'C'))", rows: [[['B', 'C']]] },
  { source: 'functions/array_intersection', sql: "SELECT array_intersection(ARRAY_CONSTRUCT('A', 'B', 'B', 'B', 'C'), ARRAY_CONSTRUCT('B', 'B'))", rows: [[['B', 'B']]] },
  {
    source: 'functions/array_intersection',
    setup: arrayDemo,
    sql: 'SELECT ID, ARRAY_INTERSECTION(array1, array2) FROM array_demo ORDER BY ID',
    rows: [[1, []], [2, [3]], [3, [3, 4]], [4, [null, null]], [5, [{ a: 1, b: 2 }]], [6, []], [7, [{ a: 1, b: 2, c: 3 }]]],
  },
  { source: 'functions/array_intersection', sql: "SELECT array_intersection(ARRAY_CONSTRUCT('A', 'B'), NULL)", rows: [[null]] },
  { source: 'functions/arrays_overlap', sql: "SELECT ARRAYS_OVERLAP(array_construct('hello', 'aloha'), array_construct('hello', 'hi', 'hey')) AS Overlap", rows: [[true]], types: ['boolean'] },
  { source: 'functions/arrays_overlap', sql: "SELECT ARRAYS_OVERLAP(array_construct('hello', 'aloha'), array_construct('hola', 'bonjour', 'ciao')) AS Overlap", rows: [[false]] },
  {
    source: 'functions/arrays_overlap',
    sql: "SELECT ARRAYS_OVERLAP(array_construct(object_construct('a',1,'b',2), 1, 2), array_construct(object_construct('b',2,'c',3), 3, 4)) AS Overlap",
    rows: [[false]],
  },
  {
    source: 'functions/arrays_overlap',
    sql: "SELECT ARRAYS_OVERLAP(array_construct(object_construct('a',1,'b',2), 1, 2), array_construct(object_construct('a',1,'b',2), 3, 4)) AS Overlap",
    rows: [[true]],
  },
  { source: 'functions/arrays_overlap', sql: 'SELECT ARRAYS_OVERLAP(ARRAY_CONSTRUCT(1, 2, NULL), ARRAY_CONSTRUCT(3, NULL, 5)) AS Overlap', rows: [[true]] },
  { source: 'functions/array_position', sql: "SELECT ARRAY_POSITION('hello'::variant, array_construct('hello', 'hi'))", rows: [[0]], types: ['fixed'] },
  { source: 'functions/array_position', sql: "SELECT ARRAY_POSITION('hi'::variant, array_construct('hello', 'hi'))", rows: [[1]] },
  { source: 'functions/array_position', sql: "SELECT ARRAY_POSITION('hello'::variant, array_construct('hola', 'bonjour'))", rows: [[null]] },
  {
    source: 'functions/array_to_string',
    sql: `SELECT column1,
       ARRAY_TO_STRING(PARSE_JSON(column1), '') AS no_separation,
       ARRAY_TO_STRING(PARSE_JSON(column1), ', ') AS comma_separated
  FROM VALUES
    (NULL),
    ('[]'),
    ('[1]'),
    ('[1, 2]'),
    ('[true, 1, -1.2e-3, "Abc", ["x","y"], {"a":1}]'),
    ('[, 1]'),
    ('[1, ]'),
    ('[1, , ,2]')`,
    rows: [
      [null, null, null],
      ['[]', '', ''],
      ['[1]', '1', '1'],
      ['[1, 2]', '12', '1, 2'],
      ['[true, 1, -1.2e-3, "Abc", ["x","y"], {"a":1}]', 'true1-0.0012Abc["x","y"]{"a":1}', 'true, 1, -0.0012, Abc, ["x","y"], {"a":1}'],
      ['[, 1]', '1', ', 1'],
      ['[1, ]', '1', '1, '],
      ['[1, , ,2]', '12', '1, , , 2'],
    ],
    types: ['text', 'text', 'text'],
  },
  {
    source: 'functions/array_to_string',
    setup: ['CREATE TABLE test_array_to_string_with_null(a ARRAY)', "INSERT INTO test_array_to_string_with_null SELECT (['A', NULL, 'B'])"],
    sql: "SELECT a, ARRAY_TO_STRING(a, ''), ARRAY_TO_STRING(a, ', ') FROM test_array_to_string_with_null",
    rows: [[['A', null, 'B'], 'AB', 'A, , B']],
  },
  { source: 'functions/array_flatten', sql: 'SELECT ARRAY_FLATTEN([[1, 2, 3], [4], [5, 6]])', rows: [[[1, 2, 3, 4, 5, 6]]], types: ['array'] },
  { source: 'functions/array_flatten', sql: 'SELECT ARRAY_FLATTEN([[[1, 2], [3]], [[4], [5]]])', rows: [[[[1, 2], [3], [4], [5]]]] },
  {
    source: 'functions/array_flatten',
    sql: 'SELECT ARRAY_FLATTEN([[1, 2, 3], 4, [5, 6]])',
    error: { code: '100107', message: "Not an array: 'Input argument to ARRAY_FLATTEN is not an array of arrays'" },
  },
  { source: 'functions/array_flatten', sql: 'SELECT ARRAY_FLATTEN([[1, 2, 3], NULL, [5, 6]])', rows: [[null]] },
  { source: 'functions/array_flatten', sql: 'SELECT ARRAY_FLATTEN([[1, 2, 3], [NULL], [5, 6]])', rows: [[[1, 2, 3, null, 5, 6]]] },
  { source: 'functions/array_sort', sql: `SELECT ARRAY_SORT(${arraySortInput})`, rows: [[[0, 10, 20, null, null]]], types: ['array'] },
  { source: 'functions/array_sort', sql: `SELECT ARRAY_SORT(${arraySortInput}, FALSE)`, rows: [[[null, null, 20, 10, 0]]] },
  // JSON null and SQL NULL print alike here; their places are told apart with ARRAY_POSITION.
  {
    source: 'functions/array_sort',
    sql: `SELECT ARRAY_SORT(${arraySortInput}, TRUE, TRUE), ARRAY_POSITION(PARSE_JSON('null'), ARRAY_SORT(${arraySortInput}, TRUE, TRUE)), ARRAY_POSITION(NULL, ARRAY_SORT(${arraySortInput}, TRUE, TRUE))`,
    rows: [[[null, 0, 10, 20, null], 4, 0]],
  },
  {
    source: 'functions/array_sort',
    sql: `SELECT ARRAY_SORT(${arraySortInput}, FALSE, FALSE), ARRAY_POSITION(PARSE_JSON('null'), ARRAY_SORT(${arraySortInput}, FALSE, FALSE)), ARRAY_POSITION(NULL, ARRAY_SORT(${arraySortInput}, FALSE, FALSE))`,
    rows: [[[null, 20, 10, 0, null], 0, 4]],
  },
  { source: 'functions/array_reverse', sql: 'SELECT ARRAY_REVERSE([1,2,3,4])', rows: [[[4, 3, 2, 1]]], types: ['array'] },

  // Objects
  {
    source: 'functions/object_keys',
    setup: [
      'CREATE TABLE objects_1 (id INTEGER, object1 OBJECT, variant1 VARIANT)',
      "INSERT INTO objects_1 (id, object1, variant1) SELECT 1, OBJECT_CONSTRUCT('a', 1, 'b', 2, 'c', 3), TO_VARIANT(OBJECT_CONSTRUCT('a', 1, 'b', 2, 'c', 3))",
    ],
    sql: 'SELECT OBJECT_KEYS(object1), OBJECT_KEYS(variant1) FROM objects_1 ORDER BY id',
    rows: [[['a', 'b', 'c'], ['a', 'b', 'c']]],
    types: ['array', 'array'],
  },
  {
    source: 'functions/object_keys',
    sql: `SELECT OBJECT_KEYS (
           PARSE_JSON (
               '{
                    "level_1_B": "one",
                    "level_1_A": {
                                 "level_2": "two"
                                 }
                    }'
               )
           ) AS keys
    ORDER BY 1`,
    rows: [[['level_1_A', 'level_1_B']]],
  },
  {
    source: 'functions/object_insert',
    setup: objectInsertExamples,
    sql: 'SELECT * FROM object_insert_examples',
    rows: [[{ a: 'value1', b: 'value2', c: 'value3' }]],
    types: ['object'],
  },
  {
    source: 'functions/object_insert',
    setup: [
      ...objectInsertExamples,
      "UPDATE object_insert_examples SET object_column = OBJECT_INSERT(object_column, 'd', PARSE_JSON('null'))",
      "UPDATE object_insert_examples SET object_column = OBJECT_INSERT(object_column, 'e', NULL)",
      "UPDATE object_insert_examples SET object_column = OBJECT_INSERT(object_column, 'f', 'null')",
      "UPDATE object_insert_examples SET object_column = OBJECT_INSERT(object_column, 'b', 'valuex', TRUE)",
    ],
    sql: 'SELECT * FROM object_insert_examples',
    rows: [[{ a: 'value1', b: 'valuex', c: 'value3', d: null, f: 'null' }]],
  },
  {
    source: 'functions/object_insert',
    setup: [
      ...sampleNestedObject,
      `UPDATE sample_nested_object
  SET nested_object = OBJECT_INSERT(
    nested_object,
    'outer_key1',
     OBJECT_INSERT(
       nested_object:outer_key1,
       'inner_key1C',
       CASE
         WHEN id = 1 THEN 'added_value_1'
         WHEN id = 2 THEN 'added_value_2'
       END,
       TRUE
      ),
    TRUE)`,
      `UPDATE sample_nested_object
  SET nested_object = OBJECT_INSERT(
    nested_object,
    'outer_key2',
    OBJECT_INSERT(
      nested_object:outer_key2,
      'inner_key2',
      CASE
        WHEN id = 1 THEN 6
        WHEN id = 2 THEN 8
      END,
      TRUE),
    TRUE)`,
    ],
    sql: 'SELECT * FROM sample_nested_object ORDER BY id',
    rows: [
      [1, { outer_key1: { inner_key1A: 'example1', inner_key1B: 'example2', inner_key1C: 'added_value_1' }, outer_key2: { inner_key2: 6 } }],
      [2, { outer_key1: { inner_key1A: 'example3', inner_key1B: 'example4', inner_key1C: 'added_value_2' }, outer_key2: { inner_key2: 8 } }],
    ],
  },
  { source: 'functions/object_delete', sql: "SELECT OBJECT_DELETE(OBJECT_CONSTRUCT('a', 1, 'b', 2, 'c', 3), 'a', 'b') AS object_returned", rows: [[{ c: 3 }]], types: ['object'] },
  {
    source: 'functions/object_delete',
    setup: objectDeleteExample,
    sql: "SELECT id, OBJECT_DELETE(ov, 'employee_date_of_birth') AS contact_without_date_of_birth FROM object_delete_example ORDER BY id",
    rows: [
      [1, { employee_contact: { city: 'San Mateo', phone: '800-555-0100', state: 'CA' }, employee_id: 1001 }],
      [2, { employee_contact: { city: 'Seattle', phone: '800-555-0101', state: 'WA' }, employee_id: 1002 }],
    ],
  },
  {
    source: 'functions/object_delete',
    setup: objectDeleteExample,
    sql: `SELECT id, OBJECT_DELETE(ov:"employee_contact", 'phone') AS contact_without_phone FROM object_delete_example ORDER BY id`,
    rows: [
      [1, { city: 'San Mateo', state: 'CA' }],
      [2, { city: 'Seattle', state: 'WA' }],
    ],
  },
  {
    source: 'functions/object_delete',
    setup: objectDeleteExample,
    sql: `SELECT id,
       OBJECT_INSERT(
         ov,
         'employee_contact',
         OBJECT_DELETE(
           ov:employee_contact,
           'phone'
         ),
         true
      ) AS full_object_without_phone
  FROM object_delete_example ORDER BY id`,
    rows: [
      [1, { employee_contact: { city: 'San Mateo', state: 'CA' }, employee_date_of_birth: '12-10-2003', employee_id: 1001 }],
      [2, { employee_contact: { city: 'Seattle', state: 'WA' }, employee_date_of_birth: '01-01-1990', employee_id: 1002 }],
    ],
  },
  { source: 'functions/object_pick', sql: "SELECT OBJECT_PICK(OBJECT_CONSTRUCT('a', 1, 'b', 2, 'c', 3), 'a', 'b') AS new_object", rows: [[{ a: 1, b: 2 }]], types: ['object'] },
  { source: 'functions/object_pick', sql: "SELECT OBJECT_PICK(OBJECT_CONSTRUCT('a', 1, 'b', 2, 'c', 3), ARRAY_CONSTRUCT('a', 'b')) AS new_object", rows: [[{ a: 1, b: 2 }]] },
  {
    source: 'functions/to_object',
    setup: ['CREATE TABLE t1 (vo VARIANT)', `INSERT INTO t1 (vo) SELECT PARSE_JSON('{"a":1}')`],
    sql: 'SELECT TO_OBJECT(vo) from t1',
    rows: [[{ a: 1 }]],
    types: ['object'],
  },
  { source: 'functions/to_object', sql: "SELECT TO_OBJECT(PARSE_JSON('[1, 2]'))", error: { code: '100071', message: 'Failed to cast variant value [1,2] to OBJECT' } },
  {
    source: 'functions/to_variant',
    setup: [
      'CREATE OR REPLACE TABLE to_variant_example (v_varchar VARIANT, v_number VARIANT, v_timestamp VARIANT, v_array VARIANT, v_object VARIANT)',
      `INSERT INTO to_variant_example (v_varchar, v_number, v_timestamp, v_array, v_object)
  SELECT
    TO_VARIANT('Skiing is fun!'),
    TO_VARIANT(3.14),
    TO_VARIANT('2024-01-25 01:02:03'),
    TO_VARIANT(ARRAY_CONSTRUCT('San Mateo', 'Seattle', 'Berlin')),
    PARSE_JSON(' { "key1": "value1", "key2": "value2" } ')`,
    ],
    sql: 'SELECT * FROM to_variant_example',
    rows: [['Skiing is fun!', 3.14, '2024-01-25 01:02:03', ['San Mateo', 'Seattle', 'Berlin'], { key1: 'value1', key2: 'value2' }]],
    types: ['variant', 'variant', 'variant', 'variant', 'variant'],
  },
  { source: 'data-types-semistructured', sql: "SELECT PARSE_JSON('[1, 2]')::OBJECT", error: { code: '100071', message: 'Failed to cast variant value [1,2] to OBJECT' } },
  {
    source: 'data-types-semistructured',
    sql: `SELECT PARSE_JSON('{"a": 1}')::OBJECT, PARSE_JSON('[1, 2]')::ARRAY, CAST(OBJECT_CONSTRUCT('a', 1) AS VARIANT)`,
    rows: [[{ a: 1 }, [1, 2], { a: 1 }]],
    types: ['object', 'array', 'variant'],
  },

  // JSON_EXTRACT_PATH_TEXT
  {
    source: 'functions/json_extract_path_text',
    setup: jsonDemo1,
    sql: "SELECT TO_VARCHAR(GET_PATH(PARSE_JSON(json_data), 'level_1_key')) AS OLD_WAY, JSON_EXTRACT_PATH_TEXT(json_data, 'level_1_key') AS JSON_EXTRACT_PATH_TEXT FROM demo1 ORDER BY id",
    rows: [
      ['level_1_value', 'level_1_value'],
      ['{"level_2_key":"level_2_value"}', '{"level_2_key":"level_2_value"}'],
      ['{"level_2_key":["zero","one","two"]}', '{"level_2_key":["zero","one","two"]}'],
    ],
    types: ['text', 'text'],
  },
  {
    source: 'functions/json_extract_path_text',
    setup: jsonDemo1,
    sql: "SELECT TO_VARCHAR(GET_PATH(PARSE_JSON(json_data), 'level_1_key.level_2_key')) AS OLD_WAY, JSON_EXTRACT_PATH_TEXT(json_data, 'level_1_key.level_2_key') AS JSON_EXTRACT_PATH_TEXT FROM demo1 ORDER BY id",
    rows: [
      [null, null],
      ['level_2_value', 'level_2_value'],
      ['["zero","one","two"]', '["zero","one","two"]'],
    ],
  },
  {
    source: 'functions/json_extract_path_text',
    setup: jsonDemo1,
    sql: "SELECT TO_VARCHAR(GET_PATH(PARSE_JSON(json_data), 'level_1_key.level_2_key[1]')) AS OLD_WAY, JSON_EXTRACT_PATH_TEXT(json_data, 'level_1_key.level_2_key[1]') AS JSON_EXTRACT_PATH_TEXT FROM demo1 ORDER BY id",
    rows: [
      [null, null],
      [null, null],
      ['one', 'one'],
    ],
  },

  // Result types: functions type their results as Snowflake does; declared columns keep theirs.
  {
    source: 'data-types-semistructured',
    sql: "SELECT OBJECT_CONSTRUCT('a', 1), ARRAY_CONSTRUCT(1), PARSE_JSON('1'), ARRAY_AGG(1), TO_VARIANT(ARRAY_CONSTRUCT(1)), PARSE_JSON('{\"a\": [1]}'):a",
    rows: [[{ a: 1 }, [1], 1, [1], [1], [1]]],
    types: ['object', 'array', 'variant', 'array', 'variant', 'variant'],
  },
  {
    source: 'data-types-semistructured',
    setup: [
      'CREATE TABLE declared (o OBJECT, a ARRAY, v VARIANT)',
      "INSERT INTO declared SELECT PARSE_JSON('{\"k\": 1}'), PARSE_JSON('[1, \"two\"]'), ARRAY_CONSTRUCT(3)",
      'CREATE TABLE copied AS SELECT * FROM declared',
    ],
    sql: 'SELECT o, a, v, COALESCE(o, OBJECT_CONSTRUCT()) FROM copied',
    rows: [[{ k: 1 }, [1, 'two'], [3], { k: 1 }]],
    types: ['object', 'array', 'variant', 'object'],
  },
];
